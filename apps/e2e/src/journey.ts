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
  }
  await heading(page, /Hello/);
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
