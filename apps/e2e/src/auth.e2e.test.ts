import { generate } from "otplib";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { expectNoAccessibilityViolations, openBrowser, type BrowserSession } from "./browser.ts";
import { signIn, waitForNextTotpStep } from "./journey.ts";
import { pressButton } from "./keyboard.ts";
import { expectNoDuplicateIds } from "./page-checks.ts";

const { baseUrl, demoPassword, demoTotpSecret } = inject("e2e");

describe("signing in and managing accounts, in a real browser", () => {
  let browser: BrowserSession;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    expect(browser.problems, "console errors or CSP violations").toEqual([]);
    await browser.close();
  });

  it("shows the start page, and clear errors when sign-in is left empty", async () => {
    const { page } = browser;
    await page.goto(baseUrl);
    await expect.poll(() => page.title()).toBe("Refer a concern about child sexual exploitation - CSE Referral Hub");
    await expectNoAccessibilityViolations(page, "start page");

    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/sign-in");
    await expectNoAccessibilityViolations(page, "sign-in page");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.textContent()).toContain("Enter your email address");
    expect(await summary.textContent()).toContain("Enter your password");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toBe("Error: Sign in - CSE Referral Hub");
    await expectNoAccessibilityViolations(page, "sign-in page with errors");

    await page.locator(".govuk-error-summary a", { hasText: "Enter your email address" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
  });

  it("signs a referrer in with the keyboard alone and out again", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator("#email").focus();
    await page.keyboard.type("referrer.police@demo.example");
    await page.keyboard.press("Tab");
    await page.keyboard.type(demoPassword);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /Hello, Demo Referrer/ }).waitFor();
    await expectNoAccessibilityViolations(page, "referrer home");

    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.locator(".govuk-summary-list").textContent()).toContain("West Yorkshire Police");
    await expectNoAccessibilityViolations(page, "account page");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "You have signed out" }).waitFor();
    await page.goto(`${baseUrl}/account`);
    // The app sends a signed-out visitor to sign in, in place (history.replaceState).
    await expect.poll(() => page.url()).toMatch(/\/sign-in\?returnTo=%2Faccount$/);
  });

  it("asks a lead for the code from their authenticator app", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator("#email").fill("lead.leeds@demo.example");
    await page.locator("#password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Enter the code from your authenticator app" }).waitFor();
    await expectNoAccessibilityViolations(page, "second-factor page");

    await page.locator("#code").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("The code is not correct");

    await page.locator("#code").fill(await generate({ secret: demoTotpSecret }));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: /Hello, Demo Lead \(Leeds\)/ }).waitFor();
  });

  it("lets an administrator invite someone, who then sets a password and signs in", async () => {
    const { page } = browser;
    // Through the journey's sign-in: another test may have used this step's code for the account.
    await signIn(page, baseUrl, { email: "admin@demo.example", password: demoPassword, totpSecret: demoTotpSecret });
    await page.getByRole("heading", { name: /Hello, Demo Administrator/ }).waitFor();

    await page.getByRole("link", { name: "Users", exact: true }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.locator("table").waitFor();
    await expectNoAccessibilityViolations(page, "users page");

    await page.getByRole("button", { name: "Invite a user" }).click();
    await page.getByRole("heading", { name: "Invite a user" }).waitFor();
    await page.getByRole("button", { name: "Invite user" }).click();
    await expect
      .poll(() => page.locator(".govuk-error-summary").textContent())
      .toContain("Enter the person's full name");
    await expectNoAccessibilityViolations(page, "invite page with errors");

    await page.locator("#displayName").fill("Priya Shah");
    await page.locator("#email").fill("priya.shah@school.example");
    await page.getByLabel("Referrer").check();
    await page.locator("#organisationId").selectOption({ label: "West Yorkshire Schools and Colleges" });
    await page.getByRole("button", { name: "Invite user" }).click();
    await page.getByRole("heading", { name: "User invited" }).waitFor();
    await expectNoAccessibilityViolations(page, "invitation link page");
    const link = (await page.locator(".app-secret-key").textContent())!.trim();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}$/);

    const invitee = await openBrowser();
    try {
      await invitee.page.goto(link);
      await invitee.page.getByRole("heading", { name: "Create your password" }).waitFor();
      await expectNoAccessibilityViolations(invitee.page, "invitation page");
      await invitee.page.locator("#password").fill("password1234");
      await invitee.page.getByRole("button", { name: "Save password" }).click();
      await expect
        .poll(() => invitee.page.locator(".govuk-error-summary").textContent())
        .toContain("commonly used password");
      await invitee.page.locator("#password").fill("tangerine harbour kettle");
      await invitee.page.getByRole("button", { name: "Save password" }).click();
      await invitee.page.getByRole("heading", { name: "Password set" }).waitFor();

      await invitee.page.goto(`${baseUrl}/sign-in`);
      await invitee.page.locator("#email").fill("Priya.Shah@school.example");
      await invitee.page.locator("#password").fill("tangerine harbour kettle");
      await invitee.page.getByRole("button", { name: "Sign in" }).click();
      await invitee.page.getByRole("heading", { name: "Hello, Priya Shah" }).waitFor();
      expect(invitee.problems).toEqual([]);
    } finally {
      await invitee.close();
    }
  });

  it("asks an administrator to confirm it is them before creating a lead", async () => {
    const { page } = browser;
    // The test before signed the administrator in with this step's code: a code works once.
    await waitForNextTotpStep();
    await signIn(page, baseUrl, { email: "admin@demo.example", password: demoPassword, totpSecret: demoTotpSecret });
    // The test service keeps a step-up for 4 seconds (5 minutes in use): outlive the sign-in's.
    const signedInAt = Date.now();

    await page.goto(`${baseUrl}/admin/users/invite`);
    await page.getByRole("heading", { name: "Invite a user" }).waitFor();
    await page.locator("#displayName").fill("Lena Okafor");
    await page.locator("#email").fill("lena.okafor@council.example");
    await page.getByLabel("Team safeguarding lead").check();
    await expectNoDuplicateIds(page, "invite page with a lead chosen");
    await page.locator("#teamId").selectOption({ label: "Leeds" });
    await page.locator("#organisationId").selectOption({ label: "West Yorkshire Children's Social Care" });
    await page.waitForTimeout(Math.max(0, signedInAt + 4_500 - Date.now()));
    await page.getByRole("button", { name: "Invite user" }).focus();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("step-up-heading");
    await expectNoAccessibilityViolations(page, "step-up dialog");

    await page.keyboard.press("Tab");
    await page.keyboard.type("000000");
    await pressButton(page, "Confirm");
    await expect.poll(() => dialog.locator(".govuk-error-summary").textContent()).toContain("The code is not correct");
    await expectNoAccessibilityViolations(page, "step-up dialog with an error");

    // The sign-in used this step's code: the next one is what the app shows in a moment.
    await page.locator("#code").focus();
    await page.keyboard.type(await generate({ secret: demoTotpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "User invited" }).waitFor();
    expect(await dialog.count()).toBe(0);
  });
});
