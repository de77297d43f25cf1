import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";

/** Where the test run leaves screenshots for a reviewer (git-ignored; named in the README). */
export const SCREENSHOT_DIR = join(import.meta.dirname, "..", "screenshots");

export const WIDTHS = [1280, 320] as const;

/** Every id on the page is unique: a duplicate breaks labels and error-summary links. */
export async function expectNoDuplicateIds(page: Page, label: string): Promise<void> {
  const duplicates = await page.evaluate(() => {
    const counts = new Map<string, number>();
    const ids = Array.from(document.querySelectorAll("[id]"), (element) => element.id);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].filter(([, count]) => count > 1).map(([id]) => id);
  });
  expect(duplicates, `duplicate ids on ${label}`).toEqual([]);
}

/** The page's title starts with its h1 (after "Error: "), so a screen reader hears one name. */
export async function expectTitleMatchesHeading(page: Page, label: string): Promise<void> {
  const { title, heading } = await page.evaluate(() => ({
    title: document.title,
    heading: document.querySelector("h1")?.textContent?.trim() ?? "",
  }));
  expect(title.replace(/^Error: /, ""), `title of ${label}`).toBe(`${heading} - CSE Referral Hub`);
}

/** Nothing is wider than the screen (no sideways scrolling at 320 px). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll on ${label} at ${page.viewportSize()?.width ?? 0} px`).toBeLessThanOrEqual(0);
}

/** What every page must pass: axe, unique ids, a title that matches its heading. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await expectNoAccessibilityViolations(page, label);
  await expectNoDuplicateIds(page, label);
  await expectTitleMatchesHeading(page, label);
}

/**
 * Checks the page at desktop and phone widths, and, given a name, saves a screenshot of each
 * into SCREENSHOT_DIR. Leaves the page at the width it found.
 */
export async function checkAtBothWidths(page: Page, label: string, screenshot?: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await checkPage(page, `${label} at ${width} px`);
    await expectNoSidewaysScroll(page, label);
    if (screenshot) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${screenshot}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(original);
}
