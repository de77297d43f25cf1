import type { Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.ts";
import { signIn, type Account } from "./journey.ts";

/**
 * A browser per person a test signs in, for one describe block. After each test every one is
 * closed, and the test fails if any page reported a console error or a CSP violation.
 */
export function useSignedInBrowsers(baseUrl: string) {
  const sessions: BrowserSession[] = [];
  afterEach(async () => {
    for (const session of sessions) {
      expect(session.problems, "console errors or CSP violations").toEqual([]);
      await session.close();
    }
    sessions.length = 0;
  });
  const browserFor = async (account: Account): Promise<Page> => {
    const session = await openBrowser();
    sessions.push(session);
    await signIn(session.page, baseUrl, account);
    return session.page;
  };
  return { browserFor };
}
