import type { Page } from "playwright-core";

/**
 * Moves focus by pressing Tab (never clicking) until the element matching `selector` has it:
 * proof that a keyboard user can reach it, in order.
 */
export async function tabTo(page: Page, selector: string, maxPresses = 250): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

/** Tabs to a field and types into it, replacing what was there. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${CSS.escape(id)}`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (text.includes("\n")) {
    for (const [index, line] of text.split("\n").entries()) {
      if (index > 0) await page.keyboard.press("Enter");
      await page.keyboard.type(line);
    }
  } else {
    await page.keyboard.type(text);
  }
}

/** Tabs into a radio group and moves to the wanted option with the arrow keys (which also selects it). */
export async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let presses = 0; presses < 10; presses += 1) {
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    const checked = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked);
    if (current === value) {
      if (!checked) await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`Could not choose ${value} in ${name} with the arrow keys`);
}

/** Tabs to a button by its text and presses Enter. */
export async function pressButton(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 250; presses += 1) {
    const label = await page.evaluate(() => {
      const element = document.activeElement;
      return element && (element.tagName === "BUTTON" || element.getAttribute("role") === "button")
        ? element.textContent?.trim()
        : null;
    });
    if (label === text) {
      await page.keyboard.press("Enter");
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach the "${text}" button with the Tab key`);
}

const CSS = { escape: (id: string) => id.replace(/([.:])/g, "\\$1") };

/** Tabs to one checkbox of a group and ticks it with the space bar (if it is not ticked). */
export async function tickCheckbox(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type=checkbox][name="${name}"][value="${value}"]`);
  const checked = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked);
  if (!checked) await page.keyboard.press("Space");
}
