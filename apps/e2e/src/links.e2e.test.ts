// Linked referrals in a real browser and by keyboard alone: a second referral sharing a phone
// number and a vehicle with a first shows the link on the team's file, and the network page
// draws it (Cytoscape.js under the strict CSP) beside a table that says the same. axe on each page.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";
import { expectNoHorizontalScrollAt320, heading, type Account } from "./journey.ts";
import { tabTo } from "./keyboard.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const triage: Account = { email: "triage.bradford@demo.example", password: demoPassword, totpSecret: demoTotpSecret };

const person = {
  kind: "PERSON",
  name: "Dean",
  nicknames: [],
  approximateAge: 30,
  phoneNumbers: ["07700 900888"],
  socialHandles: [],
  addresses: [],
  postcodes: [],
  vehicleRegistrations: [],
  description: null,
  linkToChild: "Picks her up from school",
};
const car = { ...person, kind: "VEHICLE", name: null, phoneNumbers: [], vehicleRegistrations: ["YX20 LNK"] };

function referralAbout(givenNames: string, familyName: string, dateOfBirth: string, entities: unknown[]) {
  const base = redReferralAboutA12YearOld(givenNames);
  return { ...base, child: { ...base.child, familyName, dateOfBirth, homeAddress: null }, entities };
}

async function followLink(page: Page, href: string) {
  await tabTo(page, `a[href="${href}"]`);
  await page.keyboard.press("Enter");
}

describe("linked referrals, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it("shows a shared phone and vehicle as a link, and draws the network", { timeout: 300_000 }, async () => {
    const referrerPage = await browserFor(referrer);
    const first = await submitReferral(referrerPage, referralAbout("Linka", "Firstcase", "2013-04-04", [person, car]));
    const second = await submitReferral(
      referrerPage,
      referralAbout("Linkb", "Secondcase", "2012-08-08", [{ ...person, name: "D" }, car]),
    );

    const page = await browserFor(triage);
    // Every CSP refusal, however the browser reports it, is kept for the end of the test.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    await page.goto(`${baseUrl}/referrals/${second.id}`);
    await heading(page, `Referral ${second.reference}`);
    const section = page.locator("section", { has: page.locator("#linked-referrals-heading") });
    await section.locator(`a[href="/referrals/${first.id}"]`).waitFor({ timeout: 15_000 });
    const text = await section.textContent();
    expect(text).toContain(`Referral ${first.reference}`);
    expect(text).toContain("Same phone number of concern");
    expect(text).toContain("Same vehicle of concern");
    expect(text).toContain("Linka Firstcase");
    await expectNoAccessibilityViolations(page, "referral file with a linked referral");
    // The network page is reached in the same document: count from here.
    await page.evaluate(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations.length = 0;
    });

    await followLink(page, `/referrals/${second.id}/network`);
    await heading(page, "How linked referrals are connected");
    const table = page.locator("table", { hasText: "What the referrals share" });
    await table.waitFor();
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows.some((row) => row.includes("Phone: +447700900888") && row.includes(first.reference))).toBe(true);
    expect(rows.some((row) => row.includes("Vehicle: YX20LNK") && row.includes(second.reference))).toBe(true);
    // Cytoscape drew on its canvas, inside the container the page gave it.
    await page.locator(".app-network-graph canvas").first().waitFor({ timeout: 15_000 });
    // Cytoscape loaded, styled and drew under the strict CSP with no refusal of any kind: no
    // inline style (its <style> element is pre-empted, see docs/links.md) and no eval (the build
    // replaces lodash's Function("return this") inside it, and refuses any other: vite/no-eval.ts).
    const cspViolations = () =>
      page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
    await page.waitForTimeout(500);
    expect(await cspViolations(), "CSP violations on the network page").toEqual([]);
    await expectNoAccessibilityViolations(page, "network of linked referrals");
    await expectNoHorizontalScrollAt320(page, "network of linked referrals");
    expect(await cspViolations(), "CSP violations on the network page, after axe").toEqual([]);

    // From the table, by keyboard, to the linked referral (an audited read like any other).
    await followLink(page, `/referrals/${first.id}`);
    await heading(page, `Referral ${first.reference}`);
  });
});
