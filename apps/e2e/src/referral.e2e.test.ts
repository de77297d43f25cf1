// The referral journey as a referrer makes it: keyboard only, a reload part-way, the network
// dropping, and every page checked with axe.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations, openBrowser, type BrowserSession } from "./browser.ts";
import { chooseRadio, pressButton, tickCheckbox, typeInto } from "./keyboard.ts";
import { checkAtBothWidths, checkPage } from "./page-checks.ts";

const { baseUrl, demoPassword } = inject("e2e");

// The signs ticked, the heading of each one's page, and the rating chosen there.
const SIGNS = [
  { code: "going_missing", question: "How often has the child gone missing?", level: "MEDIUM" },
  { code: "gifts_or_money", question: "How much unexplained money or how many gifts?", level: "LOW" },
  {
    code: "older_associates",
    question: "How close is the child to the older 'boyfriend' or associates?",
    level: "HIGH",
  },
  {
    code: "transported_by_unknown_adults",
    question: "How often has the child been transported by unknown adults?",
    level: "MEDIUM",
  },
];

async function heading(page: Page, text: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

async function saved(page: Page) {
  await page.locator(".app-save-status", { hasText: /Draft saved at/ }).waitFor({ timeout: 15_000 });
}

describe("making a referral", () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${baseUrl}/sign-in`);
    await typeInto(page, "email", "referrer.health@demo.example");
    await typeInto(page, "password", demoPassword);
    await page.keyboard.press("Enter");
    await heading(page, /Hello/);
  });

  afterAll(async () => {
    await browser.close();
  });

  it(
    "can be done with the keyboard alone, survives a reload, and ends with a reference",
    { timeout: 240_000 },
    async () => {
      await page.goto(`${baseUrl}/referrals/new`);
      await heading(page, "Make a referral");
      await expectNoAccessibilityViolations(page, "start page");
      await pressButton(page, "Start now");

      // Immediate safety: the 999 warning comes first when the answer is yes.
      await heading(page, "Immediate safety");
      await expectNoAccessibilityViolations(page, "immediate safety");
      await chooseRadio(page, "immediateDanger", "yes");
      await page.getByRole("heading", { name: "Call 999 now" }).waitFor();
      await expectNoAccessibilityViolations(page, "immediate safety with the 999 warning");
      await chooseRadio(page, "immediateDanger", "no");
      await pressButton(page, "Save and continue");

      // The child, over four pages: errors first, then the answers.
      await heading(page, "Who is the child?");
      await pressButton(page, "Save and continue");
      await page.locator(".govuk-error-summary", { hasText: "Enter the child's first name" }).waitFor();
      expect(await page.title()).toBe("Error: Who is the child? - CSE Referral Hub");
      await checkPage(page, "the child, with errors");
      await typeInto(page, "child-givenNames", "Zoë");
      await typeInto(page, "child-familyName", "Okafor-Ward");
      await chooseRadio(page, "child.dateOfBirthKnown", "yes");
      await typeInto(page, "child-dateOfBirth-day", "14");
      await typeInto(page, "child-dateOfBirth-month", "2");
      await typeInto(page, "child-dateOfBirth-year", "2013");
      await checkPage(page, "the child, filled in");
      await pressButton(page, "Save and continue");
      await heading(page, "The child's language and needs");
      await chooseRadio(page, "child.disabilityOrDifficulty", "NO");
      await checkPage(page, "the child's needs");
      await pressButton(page, "Save and continue");
      await heading(page, "Where the child lives and is now");
      await typeInto(page, "child-homePostcode", "ls29 8ab");
      await checkPage(page, "where the child lives");
      await pressButton(page, "Save and continue");
      await heading(page, "The child's family and other agencies");
      await chooseRadio(page, "child.lookedAfter", "NO");
      await checkPage(page, "the child's family");
      await pressButton(page, "Save and continue");

      // The concern: part-way through, the page is reloaded.
      await heading(page, "What happened");
      await typeInto(
        page,
        "concern-description",
        "Seen twice getting into a black car outside school.\nSays the driver is her boyfriend.",
      );
      await saved(page);
      await page.reload();
      await heading(page, "What happened");
      expect(await page.locator("#concern-description").inputValue()).toBe(
        "Seen twice getting into a black car outside school.\nSays the driver is her boyfriend.",
      );
      await page.goto(page.url().replace(/\/concern$/, "/child"));
      expect(await page.locator("#child-givenNames").inputValue()).toBe("Zoë");
      expect(await page.locator("#child-dateOfBirth-year").inputValue()).toBe("2013");
      await page.goBack();
      await heading(page, "What happened");

      await chooseRadio(page, "concern.informationSource", "SEEN");
      await checkAtBothWidths(page, "what happened", "concern-what-happened");
      await pressButton(page, "Save and continue");

      // Which signs, then one page for each sign ticked.
      await heading(page, "Which of these signs have you seen or been told about?");
      for (const sign of SIGNS) await tickCheckbox(page, "concern.signs", sign.code);
      await checkAtBothWidths(page, "which signs", "concern-signs");
      await pressButton(page, "Save and continue");
      for (const [index, sign] of SIGNS.entries()) {
        await heading(page, sign.question);
        await chooseRadio(page, `concern.indicators.${sign.code}.level`, sign.level);
        if (index === 0) {
          await typeInto(page, `concern-indicators-${sign.code}-detail`, "Three nights in November");
          await checkAtBothWidths(page, "one sign", "concern-sign");
        }
        await pressButton(page, "Save and continue");
      }

      // People, places and vehicles.
      await heading(page, "People, places and vehicles of concern");
      await pressButton(page, "Add a person, place or vehicle");
      await chooseRadio(page, "entities.0.kind", "VEHICLE");
      await typeInto(page, "entities-0-vehicleRegistrations", "YX71 ABC");
      await typeInto(page, "entities-0-description", "Black saloon");
      await expectNoAccessibilityViolations(page, "people, places and vehicles");
      await pressButton(page, "Save and continue");

      // Information sharing.
      await heading(page, "Information sharing");
      await chooseRadio(page, "informationSharing.parentsAware", "NO");
      await chooseRadio(page, "informationSharing.childAware", "NO");
      await chooseRadio(page, "informationSharing.consent", "NOT_SOUGHT");
      await typeInto(
        page,
        "informationSharing-sharingWithoutConsentReason",
        "Asking could put her at risk of significant harm.",
      );
      await chooseRadio(page, "informationSharing.lawfulBasis", "PUBLIC_TASK_SAFEGUARDING");
      await chooseRadio(page, "informationSharing.referrerIdentityShareable", "no");
      await expectNoAccessibilityViolations(page, "information sharing");
      await pressButton(page, "Save and continue");

      // About you.
      await heading(page, "About you");
      await typeInto(page, "aboutYou-phone", "0113 496 0000");
      await expectNoAccessibilityViolations(page, "about you");
      await pressButton(page, "Save and continue");

      // Check your answers, then send.
      await heading(page, "Check your answers before sending your referral");
      const answers = await page.locator("main").textContent();
      expect(answers).toContain("Zoë Okafor-Ward");
      expect(answers).toContain("YX71 ABC");
      // A sign not ticked is shown as not known, never as not present.
      expect(answers).toContain("Signs not known");
      expect(answers).not.toContain("Not present");
      expect(answers).toContain("Medium: Several times, or for a night");
      await checkAtBothWidths(page, "check your answers", "check-answers");
      await pressButton(page, "Accept and send");

      await heading(page, "Referral sent");
      const panel = await page.locator(".govuk-panel").textContent();
      expect(panel).toMatch(/WY-\d{4}-\d{6}/);
      expect(await page.locator("main").textContent()).toContain("Bradford");
      await expectNoAccessibilityViolations(page, "confirmation");

      // The referrer's copy, printable, with an addendum.
      await page.getByRole("link", { name: "View or print your referral" }).click();
      await page.getByRole("heading", { level: 1, name: /Referral WY-\d{4}-\d{6}/ }).waitFor();
      expect(await page.locator(".govuk-caption-l").textContent()).toBe("Referral about Zoë Okafor-Ward");
      await expectNoAccessibilityViolations(page, "the referral");
      await typeInto(page, "body", "The car was seen again today.");
      await pressButton(page, "Add to referral");
      await page.getByText("Your addendum has been added to the referral.").waitFor();

      await page.getByRole("link", { name: "Your referrals" }).first().click();
      await heading(page, "Your referrals");
      expect(await page.locator("table").textContent()).toContain("Zoë Okafor-Ward");
      await expectNoAccessibilityViolations(page, "your referrals");

      // Nothing about the child was kept in the browser.
      const storage = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
      }));
      expect(storage).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
      expect(browser.problems).toEqual([]);
    },
  );

  it(
    "holds unsent answers while the network is down, says so, and saves them when it returns",
    { timeout: 120_000 },
    async () => {
      await page.goto(`${baseUrl}/referrals/new`);
      await pressButton(page, "Start now");
      await heading(page, "Immediate safety");
      await pressButton(page, "Save and continue");
      await page.goto(page.url().replace(/\/immediate-safety$/, "/child"));
      await heading(page, "The child");

      await browser.context.setOffline(true);
      await typeInto(page, "child-givenNames", "Offline");
      await page
        .getByText("Your latest answers have not been saved. Do not close this page.")
        .waitFor({ timeout: 20_000 });
      await expectNoAccessibilityViolations(page, "not-saved warning");

      await browser.context.setOffline(false);
      await saved(page);
      const draftId = page.url().split("/drafts/")[1]!.split("/")[0]!;
      const draft = await page.evaluate(
        async (id) =>
          (await fetch(`/api/drafts/${id}`)).json() as Promise<{ content: { child: { givenNames: string } } }>,
        draftId,
      );
      expect(draft.content.child.givenNames).toBe("Offline");
      // Chromium logs the failed requests while offline; those are expected here.
      browser.problems.length = 0;
    },
  );
});
