// A lead's oversight tools in a real browser, by keyboard: the export form (errors on submit,
// free text behind a checkbox with a reason, the CSV downloaded with formulas neutralised),
// the audit trail of a referral reached from its file, and "Reassign selected" on the queue.
// axe, unique ids and reflow at 1280 and 320 px on each page.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { heading, type Account } from "./journey.ts";
import { pressButton, tabTo, typeInto } from "./keyboard.ts";
import { checkAtBothWidths, checkPage } from "./page-checks.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const lead: Account = { email: "lead.bradford@demo.example", password: demoPassword, totpSecret: demoTotpSecret };

async function followLink(page: Page, href: string) {
  await tabTo(page, `a[href="${href}"]`);
  await page.keyboard.press("Enter");
}

function todayInEngland(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" })
    .format(new Date())
    .split("-");
  return { day: day!, month: month!, year: year! };
}

describe("a lead's exports, audit trail and bulk reassignment, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it("exports, shows the trail and reassigns, by keyboard", { timeout: 600_000 }, async () => {
    const referrerPage = await browserFor(referrer);
    const sent = await submitReferral(referrerPage, redReferralAboutA12YearOld("Exportable"));

    const page = await browserFor(lead);
    await page.goto(`${baseUrl}/team`);
    await heading(page, "Team queue");
    await followLink(page, "/team/export");
    await heading(page, "Export referrals");
    await checkAtBothWidths(page, "export form", "export-form");

    // Nothing filled in: the error summary names both dates and takes the focus.
    await pressButton(page, "Export");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Enter the start date");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await checkPage(page, "export form with errors");

    const today = todayInEngland();
    for (const field of ["from", "to"]) {
      await typeInto(page, `${field}-day`, today.day);
      await typeInto(page, `${field}-month`, today.month);
      await typeInto(page, `${field}-year`, today.year);
    }
    await tabTo(page, "#freeText");
    await page.keyboard.press("Space");
    await page.locator("#reason").waitFor({ state: "visible" });
    await pressButton(page, "Export");
    await page.locator(".govuk-error-summary", { hasText: "Enter why you need the free text" }).waitFor();
    await typeInto(page, "reason", "Case review for the strategy meeting.");
    const download = page.waitForEvent("download");
    await pressButton(page, "Export");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^referrals-bradford-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await file.path(), "utf8");
    expect(csv.split("\r\n")[0]).toContain("Concern");
    expect(csv).toContain(sent.reference);
    await page.locator(".govuk-notification-banner--success", { hasText: "exported" }).waitFor();
    await checkPage(page, "export done");

    // The referral's file links to its audit trail, which shows the export and this visit.
    await page.goto(`${baseUrl}/referrals/${sent.id}`);
    await heading(page, `Referral ${sent.reference}`);
    await followLink(page, `/referrals/${sent.id}/audit`);
    await heading(page, "Audit trail");
    const trail = page.locator("table", { hasText: "Looked at this audit trail" });
    await trail.waitFor();
    const rows = await trail.locator("tbody tr").allTextContents();
    expect(rows.some((row) => row.includes("Exported") && row.includes("Case review for the strategy meeting."))).toBe(
      true,
    );
    expect(rows.some((row) => row.includes("Submitted the referral"))).toBe(true);
    await checkAtBothWidths(page, "audit trail", "audit-trail");

    // On the queue, tick the referral and give it to a member of the team.
    await page.goto(`${baseUrl}/team`);
    await heading(page, "Team queue");
    await tabTo(page, `#select-${sent.id}`);
    await page.keyboard.press("Space");
    await page.locator(".app-no-print", { hasText: "1 referral selected" }).waitFor();
    await tabTo(page, "#bulk-assignee");
    const member = await page.locator("#bulk-assignee option").nth(1).getAttribute("value");
    expect(member).toMatch(/^[0-9a-f-]{36}$/);
    await page.selectOption("#bulk-assignee", { value: member ?? "" });
    await pressButton(page, "Reassign selected");
    await page.locator(".govuk-notification-banner--success", { hasText: "1 referral reassigned to" }).waitFor();
    await checkAtBothWidths(page, "queue after reassigning", "queue-reassigned");
  });
});
