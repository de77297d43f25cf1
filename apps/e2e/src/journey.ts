import { generate } from "otplib";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { typeInto } from "./keyboard.ts";

/** Waits for the page's h1, the sign that a client-side navigation has finished. */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

export interface Account {
  readonly email: string;
  readonly password: string;
  /** For roles that must give a code from an authenticator app. */
  readonly totpSecret?: string;
}

/** Signs in with the keyboard alone, giving the authenticator code when asked. */
export async function signIn(page: Page, baseUrl: string, account: Account): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await heading(page, "Sign in");
  await typeInto(page, "email", account.email);
  await typeInto(page, "password", account.password);
  await page.keyboard.press("Enter");
  if (account.totpSecret) {
    await heading(page, "Enter the code from your authenticator app");
    await typeInto(page, "code", await generate({ secret: account.totpSecret }));
    await page.keyboard.press("Enter");
    // A code works once: if an earlier test signed this account in during the same 30-second
    // step, the service rightly refuses it; a person would wait for the app's next code.
    const refused = page.getByText("it has already been used").first();
    const outcome = await Promise.race([
      heading(page, /Hello/).then(() => "signed-in" as const),
      refused.waitFor({ timeout: 15_000 }).then(() => "code-used" as const),
    ]);
    if (outcome === "signed-in") return;
    await waitForNextTotpStep();
    await typeInto(page, "code", await generate({ secret: account.totpSecret }));
    await page.keyboard.press("Enter");
  }
  await heading(page, /Hello/);
}

/** Waits until an authenticator app shows its next code (a new 30-second step begins). */
export async function waitForNextTotpStep(): Promise<void> {
  const msIntoStep = Date.now() % 30_000;
  await new Promise((resolve) => setTimeout(resolve, 30_000 - msIntoStep + 250));
}

/**
 * Checks the page at 320 px wide (WCAG 1.4.10 reflow): nothing may make the page scroll
 * sideways. The viewport is put back afterwards.
 */
export async function expectNoHorizontalScrollAt320(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll, `horizontal scroll on ${label} at 320 px`).toBeLessThanOrEqual(widths.client);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}
