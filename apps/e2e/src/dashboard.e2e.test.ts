// The lead's oversight, in a real browser and by keyboard alone: Bradford's lead opens the team
// dashboard (charts drawn under the strict CSP, each with its summary and table), follows
// "overdue now" to the queue filtered to overdue referrals, and gives one of them to another
// member of the team. Every page is checked with axe, and at 1280 and 320 px.
import { backdateReferral } from "@cse/api/testing/e2e-database";
import { describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";
import { expectNoHorizontalScrollAt320, heading, type Account } from "./journey.ts";
import { pressButton, tabTo } from "./keyboard.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";

const { baseUrl, demoPassword, demoTotpSecret, databaseUrl } = inject("e2e");
const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const lead: Account = { email: "lead.bradford@demo.example", password: demoPassword, totpSecret: demoTotpSecret };

describe("the lead's dashboard, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it("shows the figures, leads to the overdue referrals and reassigns one", { timeout: 300_000 }, async () => {
    // A referral to Bradford that arrived a week ago and nobody decided: overdue.
    const referrerPage = await browserFor(referrer);
    const sent = await submitReferral(referrerPage, redReferralAboutA12YearOld("Overdue"));
    await backdateReferral(databaseUrl, sent.id, 7);

    const page = await browserFor(lead);
    await page.setViewportSize({ width: 1280, height: 900 });

    await tabTo(page, '.govuk-service-navigation a[href="/dashboard"]');
    await page.keyboard.press("Enter");
    await heading(page, "Team dashboard");
    const overdue = page.locator('a[href="/team?due=overdue"]');
    await overdue.waitFor();
    const overdueCount = Number(await overdue.locator(".app-dashboard-figures__count").textContent());
    expect(overdueCount, "at least the referral backdated above").toBeGreaterThan(0);
    // Each chart is drawn (a canvas with pixels), hidden from screen readers, beside its words and table.
    await expect.poll(() => page.locator(".app-dashboard-chart canvas").count()).toBe(3);
    expect(await page.locator(".app-dashboard-chart").first().getAttribute("aria-hidden")).toBe("true");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toMatch(/within one working day \(target 95%\)|No referrals were decided/);
    expect(main).toContain("England's rate was 22.6%");
    expect(await page.locator("details summary", { hasText: "Time to decision as a table" }).count()).toBe(1);
    expect(await page.locator("table", { hasText: "Decided this month" }).count()).toBe(1);
    await expectNoAccessibilityViolations(page, "team dashboard");
    await expectNoHorizontalScrollAt320(page, "team dashboard");

    // "Overdue now" leads to the queue showing exactly those.
    await tabTo(page, 'a[href="/team?due=overdue"]');
    await page.keyboard.press("Enter");
    await page.waitForURL("**/team?due=overdue");
    await heading(page, "Team queue");
    const rows = page.locator("table tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(overdueCount);
    expect(await page.locator("#due").inputValue()).toBe("overdue");
    for (const text of await rows.allTextContents()) expect(text).toMatch(/overdue/i);
    await expectNoAccessibilityViolations(page, "team queue, overdue");
    await expectNoHorizontalScrollAt320(page, "team queue, overdue");

    // Open it and give it to someone in the team.
    const href = `/referrals/${sent.id}`;
    expect(await rows.allTextContents()).toContainEqual(expect.stringContaining(sent.reference));
    await tabTo(page, `table a[href="${href}"]`);
    await page.keyboard.press("Enter");
    await heading(page, /^Referral /);
    await tabTo(page, "#reassign-assigneeId");
    await page.keyboard.press("ArrowDown");
    const chosen = await page.evaluate(() => {
      const select = document.activeElement as HTMLSelectElement;
      return select.selectedOptions[0]?.textContent ?? "";
    });
    expect(chosen).not.toBe("Choose a team member");
    await pressButton(page, "Assign");
    await page.locator(".govuk-notification-banner--success", { hasText: `assigned to ${chosen}` }).waitFor();
    await expectNoAccessibilityViolations(page, "referral file, reassigned");
  });
});
