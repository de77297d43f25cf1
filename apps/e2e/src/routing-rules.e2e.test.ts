// Routing rules kept by an administrator, in a real browser and by keyboard alone: the tester
// refuses a postcode a loose parser would re-read, names the team and rule for a split
// district with its warning; a sector rule is added, changed and removed (after confirming);
// and a Leeds triage member sees the boundary warning on a referral from LS17. Every page is
// checked with axe, unique ids, its title, and at 320 px.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { heading, type Account } from "./journey.ts";
import { chooseRadio, pressButton, tabTo, typeInto } from "./keyboard.ts";
import { checkAtBothWidths } from "./page-checks.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

const admin: Account = { email: "admin@demo.example", password: demoPassword, totpSecret: demoTotpSecret };
const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const leedsTriage: Account = { email: "triage.leeds@demo.example", password: demoPassword, totpSecret: demoTotpSecret };

async function followLink(page: Page, href: string) {
  await tabTo(page, `a[href="${href}"]`);
  await page.keyboard.press("Enter");
}

async function banner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success", { hasText: text }).waitFor({ timeout: 15_000 });
}

/** The table row for one prefix (its first cell holds exactly the prefix). */
function ruleRow(page: Page, prefix: string) {
  return page
    .locator("tbody tr")
    .filter({ has: page.locator("td:first-child", { hasText: new RegExp(`^${prefix}$`) }) });
}

/** Chooses an option of a select by focusing it and typing the start of its label. */
async function chooseOption(page: Page, id: string, label: string) {
  await tabTo(page, `#${id}`);
  await page.keyboard.type(label);
  await expect.poll(() => page.locator(`#${id} option:checked`).textContent()).toBe(label);
}

describe("routing rules, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it("tests postcodes, and adds, changes and removes a sector rule", { timeout: 300_000 }, async () => {
    const page = await browserFor(admin);
    await followLink(page, "/admin/routing-rules");
    await heading(page, "Routing rules");
    await ruleRow(page, "LS29").waitFor();
    expect(await ruleRow(page, "LS29").textContent()).toContain("Crosses a boundary");
    await checkAtBothWidths(page, "routing rules");

    // The tester: a mistyped Leeds postcode is refused, never re-read as Bradford's LS29 8AB.
    await followLink(page, "/admin/routing-rules/tester");
    await heading(page, "Test a postcode");
    await typeInto(page, "postcode", "LS2 98AB");
    await pressButton(page, "Test the postcode");
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter a real postcode");
    await checkAtBothWidths(page, "tester with an error");
    await typeInto(page, "postcode", "wf11 8aa");
    await pressButton(page, "Test the postcode");
    await page.getByRole("heading", { level: 2, name: "WF11 8AA" }).waitFor();
    const found = await page.locator("main").textContent();
    expect(found).toContain("Wakefield");
    expect(found).toContain("WF11 (district)");
    expect(found).toContain("Brotherton, Byram and Fairburn are in North Yorkshire.");
    await checkAtBothWidths(page, "tester with a split district");

    // Add a sector rule that settles part of LS25.
    await followLink(page, "/admin/routing-rules");
    await heading(page, "Routing rules");
    await followLink(page, "/admin/routing-rules/new");
    await heading(page, "Add a routing rule");
    await pressButton(page, "Add the rule");
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter a postcode area");
    await checkAtBothWidths(page, "add a rule with errors");
    await typeInto(page, "postcodePrefix", "LS29");
    await chooseOption(page, "teamId", "Leeds");
    await chooseRadio(page, "crossesBoundary", "no");
    await pressButton(page, "Add the rule");
    await expect
      .poll(() => page.locator(".govuk-error-summary").textContent())
      .toContain("There is already a rule for LS29");
    await typeInto(page, "postcodePrefix", "ls25 6");
    await pressButton(page, "Add the rule");
    await heading(page, "Routing rules");
    await banner(page, "Rule for LS25 6 added");
    expect(await ruleRow(page, "LS25 6").textContent()).toContain("Leeds");

    // Change it: the hub takes it, and it is marked as crossing, with a note.
    const ruleId = (await ruleRow(page, "LS25 6").locator("a", { hasText: "Change" }).getAttribute("href"))!.split(
      "/",
    )[3]!;
    await followLink(page, `/admin/routing-rules/${ruleId}/change`);
    await heading(page, "Change the rule for LS25 6");
    await expect.poll(() => page.locator("#postcodePrefix").inputValue()).toBe("LS25 6");
    await checkAtBothWidths(page, "change a rule");
    await chooseOption(page, "teamId", "West Yorkshire hub");
    await chooseRadio(page, "crossesBoundary", "yes");
    await typeInto(page, "note", "Sherburn in Elmet is in North Yorkshire.");
    await pressButton(page, "Save the rule");
    await banner(page, "Rule for LS25 6 changed");
    const changed = await ruleRow(page, "LS25 6").textContent();
    expect(changed).toContain("West Yorkshire hub");
    expect(changed).toContain("Sherburn in Elmet is in North Yorkshire.");

    // Remove it, after confirming.
    await followLink(page, `/admin/routing-rules/${ruleId}/remove`);
    await heading(page, "Remove the rule for LS25 6?");
    await checkAtBothWidths(page, "remove a rule");
    await pressButton(page, "Remove the rule");
    await banner(page, "Rule for LS25 6 removed");
    expect(await ruleRow(page, "LS25 6").count()).toBe(0);
  });

  it(
    "loads the ONS Postcode Directory, refusing a wrong file, and the tester then says the directory decided",
    { timeout: 300_000 },
    async () => {
      const page = await browserFor(admin);
      await followLink(page, "/admin/routing-rules");
      await heading(page, "Routing rules");
      await followLink(page, "/admin/routing-rules/postcode-directory");
      await heading(page, "ONS Postcode Directory");
      await pressButton(page, "Load the directory");
      await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Choose the ONS Postcode");
      await checkAtBothWidths(page, "postcode directory with an error");

      const folder = await mkdtemp(join(tmpdir(), "e2e-onspd-"));
      const wrong = join(folder, "teams.csv");
      await writeFile(wrong, "postcode,team\nLS1 4AP,Leeds\n");
      await tabTo(page, "#file");
      await page.setInputFiles("#file", wrong);
      await pressButton(page, "Load the directory");
      await expect
        .poll(() => page.locator(".govuk-error-summary").textContent())
        .toContain("not the ONS Postcode Directory");

      const fixture = join(import.meta.dirname, "../../api/src/modules/routing/fixtures/onspd-sample.csv");
      await page.setInputFiles("#file", fixture);
      await pressButton(page, "Load the directory");
      await expect
        .poll(() => page.locator("main dl").first().textContent(), { timeout: 30_000 })
        .toContain("onspd-sample.csv");
      expect(await page.locator("main").textContent()).toContain("In use");
      await checkAtBothWidths(page, "postcode directory in use");

      // East Bierley: the directory puts BD4 6ZZ in Kirklees, where BD4's rule says Bradford.
      await followLink(page, "/admin/routing-rules");
      await heading(page, "Routing rules");
      await followLink(page, "/admin/routing-rules/tester");
      await heading(page, "Test a postcode");
      await typeInto(page, "postcode", "BD4 6ZZ");
      await pressButton(page, "Test the postcode");
      await page.getByRole("heading", { level: 2, name: "BD4 6ZZ" }).waitFor();
      const found = await page.locator("main").textContent();
      expect(found).toContain("Kirklees");
      expect(found).toContain("The ONS Postcode Directory (council E08000034)");
    },
  );

  it("adds a one-off bank holiday and removes it", { timeout: 300_000 }, async () => {
    const page = await browserFor(admin);
    await followLink(page, "/admin/bank-holidays");
    await heading(page, "Bank holidays");
    await page.locator("table").waitFor();
    await pressButton(page, "Add the day");
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter the date");
    await checkAtBothWidths(page, "bank holidays with errors");
    await typeInto(page, "date-day", "5");
    await typeInto(page, "date-month", "6");
    await typeInto(page, "date-year", "2027");
    await typeInto(page, "name", "A royal occasion");
    await pressButton(page, "Add the day");
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("That day is a weekend");
    await typeInto(page, "date-day", "4");
    await pressButton(page, "Add the day");
    await banner(page, "4 June 2027 added as a bank holiday");
    const row = page.locator("tbody tr", { hasText: "A royal occasion" });
    expect(await row.textContent()).toContain("4 June 2027");
    await checkAtBothWidths(page, "bank holidays");
    await pressButton(page, "Remove 4 June 2027");
    await banner(page, "4 June 2027 removed");
    // The banner shows as soon as the removal is confirmed; the list is then read again.
    await expect.poll(() => row.count()).toBe(0);
  });

  it("warns the team on a referral from a split district to check before accepting", { timeout: 300_000 }, async () => {
    const referrerPage = await browserFor(referrer);
    const body = redReferralAboutA12YearOld("Boundary");
    const sent = await submitReferral(referrerPage, {
      ...body,
      child: { ...body.child, homeAddress: "2 Main Street, Huby", homePostcode: "LS17 0AA" },
    });

    const page = await browserFor(leedsTriage);
    await page.goto(`${baseUrl}/referrals/${sent.id}`);
    await heading(page, `Referral ${sent.reference}`);
    const warning = await page.locator(".govuk-warning-text").first().textContent();
    expect(warning).toContain("crosses a council boundary");
    expect(warning).toContain("Huby, Weeton and North Rigton are in North Yorkshire.");
    await checkAtBothWidths(page, "team file with a boundary warning");
  });
});
