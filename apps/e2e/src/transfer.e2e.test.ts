// A transfer between teams, in a real browser and by keyboard alone: a Leeds referral is
// transferred to Bradford; the Bradford lead reviews only a summary, then accepts it; the file
// says the decision clock restarted; and the Leeds triage member can no longer open the
// referral or its notes. Every page is checked with axe.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";
import { expectNoHorizontalScrollAt320, heading, type Account } from "./journey.ts";
import { chooseRadio, pressButton, tabTo, typeInto } from "./keyboard.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";
import { useSignedInBrowsers } from "./signed-in-browsers.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

const referrer: Account = { email: "referrer.health@demo.example", password: demoPassword };
const leedsTriage: Account = { email: "triage.leeds@demo.example", password: demoPassword, totpSecret: demoTotpSecret };
const bradfordLead: Account = {
  email: "lead.bradford@demo.example",
  password: demoPassword,
  totpSecret: demoTotpSecret,
};

const NOTE = "Leeds note: she now stays with her aunt on weekdays.";
const REASON = "The child now lives with her aunt in Bradford and goes to school there.";

async function banner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success", { hasText: text }).waitFor({ timeout: 15_000 });
}

async function followLink(page: Page, href: string) {
  await tabTo(page, `a[href="${href}"]`);
  await page.keyboard.press("Enter");
}

describe("a transfer between teams, in a real browser", () => {
  const { browserFor } = useSignedInBrowsers(baseUrl);

  it(
    "moves a Leeds referral to Bradford once Bradford's lead accepts, and Leeds loses it",
    { timeout: 600_000 },
    async () => {
      const referrerPage = await browserFor(referrer);
      const fixture = redReferralAboutA12YearOld("Transfer");
      const sent = await submitReferral(referrerPage, {
        ...fixture,
        child: { ...fixture.child, homeAddress: "1 Mill Road, Leeds", homePostcode: "LS12 1AA" },
      });

      // Leeds: a note, then a transfer request (refused once for missing answers).
      const leeds = await browserFor(leedsTriage);
      await leeds.goto(`${baseUrl}/referrals/${sent.id}`);
      await heading(leeds, `Referral ${sent.reference}`);
      await typeInto(leeds, "note-body", NOTE);
      await pressButton(leeds, "Add note");
      await banner(leeds, "Note added");

      await pressButton(leeds, "Request transfer");
      const summary = leeds.locator(".govuk-error-summary", {
        hasText: "Choose the team that should take the referral",
      });
      await summary.waitFor();
      expect(await summary.textContent()).toContain("Enter why the referral should move to this team");
      await expectNoAccessibilityViolations(leeds, "transfer request with errors");
      const bradfordId = await leeds
        .locator("label", { hasText: "Bradford" })
        .evaluate((label) => (document.getElementById(label.getAttribute("for") ?? "") as HTMLInputElement).value);
      await chooseRadio(leeds, "teamId", bradfordId);
      await typeInto(leeds, "transfer-reason", REASON);
      await pressButton(leeds, "Request transfer");
      await banner(leeds, "Transfer requested");
      expect(await leeds.locator(".app-identity-bar").textContent()).toContain("Transfer requested");
      await expectNoAccessibilityViolations(leeds, "referral file, transfer requested");

      // The Leeds queue says so too.
      await followLink(leeds, "/team");
      await heading(leeds, "Team queue");
      const row = leeds.locator("table tbody tr", { hasText: sent.reference });
      await row.waitFor();
      expect(await row.textContent()).toContain("Transfer requested");

      // Bradford's lead: a summary to decide on, never the file, until accepting.
      const lead = await browserFor(bradfordLead);
      await lead.goto(`${baseUrl}/referrals/${sent.id}`);
      await lead
        .getByText(/not found|no referral/i)
        .first()
        .waitFor();
      await followLink(lead, "/transfers");
      await heading(lead, "Transfers");
      const incoming = lead.locator("section", { hasText: `${sent.reference} from Leeds` }).last();
      await incoming.waitFor();
      const review = await incoming.textContent();
      expect(review).toContain(REASON);
      expect(review).toContain("LS12");
      expect(review).not.toContain("Transfer Testcase");
      expect(review).not.toContain(NOTE);
      await expectNoAccessibilityViolations(lead, "transfers inbox");
      await expectNoHorizontalScrollAt320(lead, "transfers inbox");

      await chooseRadio(lead, "answer", "accept");
      await pressButton(lead, "Save answer");
      await banner(lead, `Referral ${sent.reference} is now Bradford`);
      await followLink(lead, `/referrals/${sent.id}`);
      await heading(lead, `Referral ${sent.reference}`);
      const file = await lead.locator("main").textContent();
      expect(file).toMatch(/Decision clock restarted on \d+ \w+ \d{4} when Bradford accepted the transfer from Leeds/);
      expect(file).toContain(NOTE);
      expect(await lead.locator(".govuk-caption-l").textContent()).toContain("Bradford");
      await expectNoAccessibilityViolations(lead, "referral file after the transfer");

      // Leeds can no longer open the referral, nor its notes (the file's API answers 404).
      await leeds.goto(`${baseUrl}/referrals/${sent.id}`);
      await leeds
        .getByText(/not found|no referral/i)
        .first()
        .waitFor();
      expect(await leeds.locator("main").textContent()).not.toContain(NOTE);
      const status = await leeds.evaluate(async (id) => (await fetch(`/api/referrals/${id}`)).status, sent.id);
      expect(status).toBe(404);
      await expectNoAccessibilityViolations(leeds, "referral not found after the transfer");
    },
  );
});
