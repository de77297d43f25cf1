// The receiving side, in a real browser and by keyboard alone: a RED referral about a 12-year-old
// reaches Bradford, whose triage member is alerted, picks it up, notes it and decides no further
// action; the lead approves; the referrer sees the outcome and the team's message. Every page is
// checked with axe, and the queue and the file at 320 px.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";
import { expectNoHorizontalScrollAt320, heading, type Account } from "./journey.ts";
import { chooseRadio, pressButton, tabTo, typeInto } from "./keyboard.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const triage: Account = { email: "triage.bradford@demo.example", password: demoPassword, totpSecret: demoTotpSecret };
const lead: Account = { email: "lead.bradford@demo.example", password: demoPassword, totpSecret: demoTotpSecret };

const NOTE = "Rang the school: the man is not known to them.";
const MESSAGE = "Thank you. The school and family are already putting support in place.";

async function banner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success", { hasText: text }).waitFor({ timeout: 15_000 });
}

/** Follows a link by tabbing to it and pressing Enter. */
async function followLink(page: Page, href: string) {
  await tabTo(page, `a[href="${href}"]`);
  await page.keyboard.press("Enter");
}

describe("triage of a RED referral, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it("is alerted, claimed, noted, decided, approved, and answered to the referrer", { timeout: 600_000 }, async () => {
    // The referrer sends it (the form itself is covered by referral.e2e.test.ts).
    const referrerPage = await browserFor(referrer);
    const sent = await submitReferral(referrerPage, redReferralAboutA12YearOld("Keyboard"));
    await referrerPage.goto(`${baseUrl}/referrals/${sent.id}/sent`);
    await heading(referrerPage, "Referral sent");
    const confirmation = await referrerPage.locator("main").textContent();
    expect(confirmation).toContain("everyone in the team has been alerted in this service");
    expect(confirmation).not.toMatch(/email|phone call/i);
    await expectNoAccessibilityViolations(referrerPage, "confirmation of a RED referral");

    // The Bradford triage member sees the alert in the header and on the alerts page.
    const page = await browserFor(triage);
    await expectNoAccessibilityViolations(page, "triage home");
    const alertsLink = page.locator('.govuk-service-navigation a[href="/alerts"]');
    await expect.poll(() => alertsLink.textContent()).toMatch(/Alerts \([1-9]\d* unread\)/);
    await followLink(page, "/alerts");
    await heading(page, "Alerts");
    await page.locator("table", { hasText: sent.reference }).waitFor();
    await expectNoAccessibilityViolations(page, "alerts");
    // Opening the page marks them read; the header says so on the next look.
    await expect.poll(() => alertsLink.textContent()).toBe("Alerts (0 unread)");

    // The queue: the new RED referral is first, after only what already needed someone now.
    await followLink(page, "/team");
    await heading(page, "Team queue");
    await page.locator("table tbody tr").first().waitFor();
    const rows = await page
      .locator("table tbody tr")
      .evaluateAll((elements) =>
        elements.map((row) => ({ text: row.textContent ?? "", attention: row.matches(".app-table__row--attention") })),
      );
    const ours = rows.findIndex((row) => row.text.includes(sent.reference));
    expect(ours, "the new referral is in the queue").toBeGreaterThanOrEqual(0);
    // Above it only referrals needing attention now, or RED ones sent before it (same due time, older first).
    for (const row of rows.slice(0, ours)) expect(row.attention || row.text.includes("Red")).toBe(true);
    expect(rows[ours]!.text).toContain("Red");
    expect(rows[ours]!.text).toContain("Nobody yet");
    await expectNoAccessibilityViolations(page, "team queue");
    await expectNoHorizontalScrollAt320(page, "team queue");

    // The file.
    await followLink(page, `/referrals/${sent.id}`);
    await heading(page, `Referral ${sent.reference}`);
    expect(await page.locator(".govuk-caption-l").textContent()).toContain("Keyboard Testcase");
    expect(await page.title()).not.toContain("Keyboard");
    expect(await page.locator(".app-identity-bar").textContent()).toContain(sent.reference);
    expect(await page.locator("main").textContent()).toMatch(/Decision due in \d+ (hours?|minutes?|days?), by/);
    await expectNoAccessibilityViolations(page, "referral file");
    await expectNoHorizontalScrollAt320(page, "referral file");

    await pressButton(page, "Assign to me");
    await banner(page, `You now have referral ${sent.reference}`);
    expect(await page.locator(".govuk-summary-list").first().textContent()).toContain("Demo Triage (Bradford)");

    await typeInto(page, "note-body", NOTE);
    await pressButton(page, "Add note");
    await banner(page, "Note added");
    expect(await page.locator("main").textContent()).toContain(NOTE);

    // A decision with nothing chosen is refused, with the error summary first.
    await pressButton(page, "Record decision");
    const summary = page.locator(".govuk-error-summary", { hasText: "Enter the reason for the decision" });
    await summary.waitFor();
    expect(await page.title()).toBe(`Error: Referral ${sent.reference} - CSE Referral Hub`);
    await expectNoAccessibilityViolations(page, "decision with errors");

    await chooseRadio(page, "outcome", "NO_FURTHER_ACTION");
    await page
      .getByText("No further action needs a lead's approval before it takes effect, because the child is under 13")
      .waitFor();
    await typeInto(page, "decision-reason", "One-off lift from a family friend's relative; school satisfied.");
    await typeInto(page, "decision-messageToReferrer", MESSAGE);
    await expectNoAccessibilityViolations(page, "decision, no further action chosen");
    await pressButton(page, "Record decision");
    await banner(page, "It takes effect once a lead approves it");
    expect(await page.locator(".app-identity-bar").textContent()).toContain("Awaiting approval");

    // The lead finds it with the queue's status filter, and approves it.
    const leadPage = await browserFor(lead);
    await followLink(leadPage, "/team");
    await heading(leadPage, "Team queue");
    await tabTo(leadPage, "#status");
    await leadPage.keyboard.type("Awaiting");
    await pressButton(leadPage, "Apply filters");
    await leadPage.waitForURL("**/team?status=AWAITING_APPROVAL");
    await leadPage.locator("table", { hasText: sent.reference }).waitFor();
    await expectNoAccessibilityViolations(leadPage, "team queue filtered");
    await followLink(leadPage, `/referrals/${sent.id}`);
    await heading(leadPage, `Referral ${sent.reference}`);
    expect(await leadPage.locator("main").textContent()).toContain(NOTE);
    await expectNoAccessibilityViolations(leadPage, "referral file for the lead");
    await chooseRadio(leadPage, "approve", "yes");
    await pressButton(leadPage, "Save answer");
    await banner(leadPage, "Decision approved");
    expect(await leadPage.locator(".app-identity-bar").textContent()).toContain("Decided");

    // The referrer signs in and sees the outcome and the message, never the team's note.
    const answered = await browserFor(referrer);
    await followLink(answered, "/referrals");
    await heading(answered, "Your referrals");
    const row = answered.locator("table tbody tr", { hasText: sent.reference });
    expect(await row.textContent()).toContain("Decision made");
    await expectNoAccessibilityViolations(answered, "your referrals, decided");
    await followLink(answered, `/referrals/${sent.id}`);
    await heading(answered, `Referral ${sent.reference}`);
    const copy = await answered.locator("main").textContent();
    expect(copy).toContain("No further action");
    expect(copy).toContain(MESSAGE);
    expect(copy).not.toContain(NOTE);
    await expectNoAccessibilityViolations(answered, "the referrer's copy, decided");
  });
});
