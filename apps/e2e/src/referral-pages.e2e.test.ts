// Issue 9, the pages around the form: sign-in focus, the timeout dialog, printing, the
// confirmation, dates and the phone navigation. Chromium, axe, at 1280 and 320 px.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.ts";
import { pressButton } from "./keyboard.ts";
import { checkAtBothWidths } from "./page-checks.ts";
import { activeElementId, COMPLETE_DRAFT, createDraft, heading } from "./referral-drafts.ts";

const { baseUrl, demoPassword } = inject("e2e");
// GOV.UK's style: "7:39pm on 30 November 2026", "midnight on ...", "11am on ...".
const GOVUK_DATE_TIME = /(\d{1,2}(:\d{2})?(am|pm)|midnight|midday) on \d{1,2} [A-Z][a-z]+ \d{4}/;

describe("the pages around the referral form", () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    expect(browser.problems, "console errors or CSP violations").toEqual([]);
    await browser.close();
  });

  it("2: typing after a failed sign-in keeps the focus where the user is typing", async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await heading(page, "Sign in");
    await checkAtBothWidths(page, "sign in", "sign-in");
    await pressButton(page, "Sign in");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await checkAtBothWidths(page, "sign in, with errors", "sign-in-errors");
    await page.locator("#email").focus();
    await page.keyboard.type("referrer.voluntary@demo.example", { delay: 20 });
    expect(await activeElementId(page)).toBe("email");
    expect(await page.locator("#email").inputValue()).toBe("referrer.voluntary@demo.example");
    // Still the errors of the last submit: nothing re-validates as the user types.
    expect(await summary.textContent()).toContain("Enter your email address");
    await page.locator("#password").focus();
    await page.keyboard.type(demoPassword);
    await page.keyboard.press("Enter");
    await heading(page, /Hello/);
  });

  it("11: the navigation folds behind a Menu button on a phone", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const menu = page.getByRole("button", { name: "Menu" });
    // The header's navigation is set up by govuk-frontend once it has rendered (after sign-in,
    // and again if the header re-renders with the unread count): wait for it, do not sample it.
    await menu.waitFor({ state: "visible", timeout: 10_000 });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    const navigationLink = page.locator("#navigation a", { hasText: "Your referrals" });
    expect(await navigationLink.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await navigationLink.isVisible()).toBe(true);
    await checkAtBothWidths(page, "home, with the menu open");
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(await navigationLink.isVisible()).toBe(true);
  });

  it("6: warns of the timeout in a dialog that takes the focus, stays signed in, and gives the focus back", async () => {
    const id = await createDraft(page, COMPLETE_DRAFT);
    await page.clock.install();
    await page.goto(`${baseUrl}/referrals/drafts/${id}/child/where`);
    await heading(page, "Where the child lives and is now");
    // 11: the save status is not a live region: it would speak at every pause in typing.
    expect(
      await page.locator(".app-save-status").evaluate((element) => element.closest("[role=status], [aria-live]")),
    ).toBeNull();
    await page.locator("#child-school").focus();
    // 28 and a half minutes of doing nothing, as the page's clock sees it.
    await page.clock.fastForward("28:30");
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/We will sign you out in (2 minutes|\d+ seconds)/);
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await checkAtBothWidths(page, "the timeout warning");
    // "Stay signed in" asks the API, which extends the session to 30 minutes from now.
    const extended = page.waitForResponse((response) => response.url().endsWith("/api/auth/session"));
    await page.getByRole("button", { name: "Stay signed in" }).click();
    const response = await extended;
    expect(response.status()).toBe(200);
    const { session } = (await response.json()) as { session: { idleExpiresAt: string } };
    expect(new Date(session.idleExpiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // Back to the real time: with the session extended, the warning closes.
    await page.clock.setSystemTime(Date.now());
    await dialog.waitFor({ state: "detached" });
    expect(await activeElementId(page)).toBe("child-school");
  });

  it("11: back from the confirmation says the referral was sent, with dates in GOV.UK style", async () => {
    const id = await createDraft(page, COMPLETE_DRAFT);
    await page.goto(`${baseUrl}/referrals/drafts/${id}`);
    await heading(page, "Tell us about your concern");
    await page.getByRole("button", { name: "Check your answers" }).click();
    await heading(page, "Check your answers before sending your referral");
    await pressButton(page, "Accept and send");
    await heading(page, "Referral sent");
    expect(await page.locator("main").textContent()).toMatch(GOVUK_DATE_TIME);
    await checkAtBothWidths(page, "the confirmation");
    await page.goBack();
    await heading(page, "You have already sent this referral");
    await checkAtBothWidths(page, "back from the confirmation");
    await page.getByRole("link", { name: "View or print your referral" }).click();
    await heading(page, /Referral WY-\d{4}-\d{6}/);
  });

  it("7: prints the record only", async () => {
    await heading(page, /Referral WY-\d{4}-\d{6}/);
    expect(await page.locator("main").textContent()).toMatch(GOVUK_DATE_TIME);
    await checkAtBothWidths(page, "the referral");
    await page.emulateMedia({ media: "print" });
    for (const selector of [
      ".govuk-service-navigation",
      ".govuk-phase-banner",
      ".govuk-footer",
      ".govuk-back-link",
      "form",
      ".govuk-button",
    ]) {
      expect(await page.locator(selector).first().isVisible(), `${selector} when printed`).toBe(false);
    }
    expect(await page.locator(".govuk-summary-list").first().isVisible()).toBe(true);
    expect(await page.locator("main").textContent()).toContain("Leeds Park Academy");
    expect(await page.locator(".govuk-caption-l").textContent()).toBe("Referral about Leah Brook");
    await page.emulateMedia({ media: "screen" });
  });
});
