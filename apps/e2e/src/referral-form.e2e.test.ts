// The referral form as a busy professional meets it (issue 9): each finding of the usability
// test, in Chromium, with axe, unique ids and matching titles checked at 1280 and 320 px.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.ts";
import { chooseRadio, pressButton, tickCheckbox, typeInto } from "./keyboard.ts";
import { checkAtBothWidths } from "./page-checks.ts";
import { activeElementId, COMPLETE_DRAFT, createDraft, heading, OLD_SHAPE_DRAFT, signIn } from "./referral-drafts.ts";

const { baseUrl, demoPassword } = inject("e2e");

describe("the referral form, finding by finding", () => {
  let browser: BrowserSession;
  let page: Page;
  const draftUrl = (id: string, rest = "") => `${baseUrl}/referrals/drafts/${id}${rest}`;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    await signIn(page, baseUrl, "referrer.education@demo.example", demoPassword);
  });
  afterAll(async () => {
    expect(browser.problems, "console errors or CSP violations").toEqual([]);
    await browser.close();
  });

  it("1: asks which signs, names each sign in its errors, and a disclosure is simply yes", async () => {
    const id = await createDraft(page, { immediateDanger: "no" });
    await page.goto(draftUrl(id, "/concern/signs"));
    await heading(page, "Which of these signs have you seen or been told about?");
    await pressButton(page, "Save and continue");
    await page
      .locator(".govuk-error-summary", {
        hasText: "Select the signs you have seen or been told about, or select 'None of these'",
      })
      .waitFor();
    await checkAtBothWidths(page, "which signs, with an error");

    // "None of these" and a sign exclude each other.
    await tickCheckbox(page, "concern.signs", "NONE");
    await tickCheckbox(page, "concern.signs", "going_missing");
    expect(await page.locator('input[value="NONE"]').isChecked()).toBe(false);
    await tickCheckbox(page, "concern.signs", "disclosure_of_sexual_assault");
    await pressButton(page, "Save and continue");

    await heading(page, "How often has the child gone missing?");
    await pressButton(page, "Save and continue");
    await page.locator(".govuk-error-summary", { hasText: "Select how strong the sign of going missing is" }).waitFor();
    await checkAtBothWidths(page, "one sign, with an error");
    await chooseRadio(page, "concern.indicators.going_missing.level", "LOW");
    await pressButton(page, "Save and continue");

    // A disclosure has no degree: no "low", only what is known.
    await heading(page, "Disclosure of sexual assault");
    expect(await page.locator("input[type=radio]").count()).toBe(0);
    await checkAtBothWidths(page, "the disclosure");
  });

  it(
    "1: opens a draft saved in the old shape, shows not known as not known, and sends it",
    { timeout: 120_000 },
    async () => {
      const id = await createDraft(page, OLD_SHAPE_DRAFT);
      await page.goto(draftUrl(id));
      await heading(page, "Tell us about your concern");
      await page.getByRole("button", { name: "Check your answers" }).click();
      await heading(page, "Check your answers before sending your referral");
      const answers = (await page.locator("main").textContent()) ?? "";
      expect(answers).toContain("High: Often, or for more than a night");
      expect(answers).toContain("Yes, there has been a disclosure");
      // "Not present" was forced by the old form: now those signs read as not known.
      expect(answers).toContain("Signs not known");
      expect(answers).not.toContain("Not present");
      await checkAtBothWidths(page, "check answers from an old draft");
      await pressButton(page, "Accept and send");
      await heading(page, "Referral sent");
    },
  );

  it("3 and 9: shows every error of a page at once, and each error link reaches a unique field", async () => {
    const id = await createDraft(page, { ...COMPLETE_DRAFT, informationSharing: {} });
    await page.goto(draftUrl(id, "/information-sharing"));
    await heading(page, "Information sharing");
    await chooseRadio(page, "informationSharing.consent", "REFUSED");
    await pressButton(page, "Save and continue");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Select whether the child's parents or carers know about this referral");
    expect(text).toContain("Explain why you are sharing without consent");
    expect(text).toContain("Select the lawful basis for sharing this information");
    await checkAtBothWidths(page, "information sharing, with errors");
    await summary.getByRole("link", { name: /Explain why you are sharing without consent/ }).click();
    expect(await activeElementId(page)).toBe("informationSharing-sharingWithoutConsentReason");

    // Consent is not offered as the lawful basis when it was not given; plain words lead.
    expect(await page.locator('input[value="CONSENT"]').count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("To protect a child, as part of our public duties");
  });

  it("4: a change link goes to the question, focused, and comes back to check answers", async () => {
    const id = await createDraft(page, COMPLETE_DRAFT);
    await page.goto(draftUrl(id, "/check"));
    await heading(page, "Check your answers before sending your referral");
    await page.getByRole("link", { name: "Change school or college" }).click();
    await heading(page, "Where the child lives and is now");
    expect(await activeElementId(page)).toBe("child-school");
    await checkAtBothWidths(page, "a change link's page");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Leeds City College");
    await pressButton(page, "Save and continue");
    await heading(page, "Check your answers before sending your referral");
    expect(await page.locator("main").textContent()).toContain("Leeds City College");

    // Ticking a new sign from check answers asks its rating before coming back.
    await page.getByRole("link", { name: "Change signs seen or told about" }).click();
    await heading(page, "Which of these signs have you seen or been told about?");
    await tickCheckbox(page, "concern.signs", "secretive_phone_or_online");
    await pressButton(page, "Save and continue");
    await heading(page, "How secretive is the child's phone or online contact?");
    await chooseRadio(page, "concern.indicators.secretive_phone_or_online.level", "MEDIUM");
    await pressButton(page, "Save and continue");
    await heading(page, "Check your answers before sending your referral");
  });

  it(
    "5: asks about the child over a few pages, one disability question, optional ones marked",
    { timeout: 180_000 },
    async () => {
      const id = await createDraft(page, { immediateDanger: "no" });
      for (const [slug, title] of [
        ["child", "Who is the child?"],
        ["child/needs", "The child's language and needs"],
        ["child/where", "Where the child lives and is now"],
        ["child/family", "The child's family and other agencies"],
      ] as const) {
        await page.goto(draftUrl(id, `/${slug}`));
        await heading(page, title);
        await checkAtBothWidths(page, title);
        const questions = await page.locator("main .govuk-form-group:not(.govuk-radios__conditional *)").count();
        expect(questions, `questions on ${title}`).toBeLessThanOrEqual(7);
      }
      await page.goto(draftUrl(id, "/child/where"));
      await heading(page, "Where the child lives and is now");
      expect(await page.locator('label[for="child-homePostcode"]').textContent()).toBe("Home postcode (optional)");
      await typeInto(page, "child-homePostcode", "LS99");
      await pressButton(page, "Save and continue");
      // The error names its field.
      await page.locator(".govuk-error-summary", { hasText: "Enter a real postcode for the child's home" }).waitFor();

      await page.goto(draftUrl(id, "/child/needs"));
      await heading(page, "The child's language and needs");
      expect(await page.locator("legend:visible", { hasText: "disability" }).count()).toBe(1);
      expect(await page.locator("#child-learningDisability").isVisible()).toBe(false);
      await chooseRadio(page, "child.disabilityOrDifficulty", "YES");
      expect(await page.locator("#child-learningDisability").isVisible()).toBe(true);
    },
  );

  it("10 and 11: the optional section says Optional until visited, and section pages have a back link", async () => {
    const id = await createDraft(page, { immediateDanger: "no" });
    await page.goto(draftUrl(id));
    await heading(page, "Tell us about your concern");
    const status = page.locator("#people-places-vehicles-status");
    expect((await status.textContent())?.trim()).toBe("Optional");
    await checkAtBothWidths(page, "the task list");
    await page.getByRole("link", { name: "People, places and vehicles of concern" }).click();
    await heading(page, "People, places and vehicles of concern");
    expect(await page.locator("a.govuk-back-link").getAttribute("href")).toMatch(/\/concern\/signs$/);
    await pressButton(page, "Save and continue");
    await heading(page, "Information sharing");
    await page.goto(draftUrl(id));
    await heading(page, "Tell us about your concern");
    expect((await status.textContent())?.trim()).toBe("Completed");
  });
});
