// Escalation by email, in a real browser: a referral nobody decides falls overdue, the lead sees
// the escalation among their alerts and finds their email choices (RED and escalations fixed on),
// by keyboard alone with axe on each page, and the .eml written for the escalation holds the
// reference, the team and a link, and none of the child's name, address or the referrer's words.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNotificationJobsAt } from "@cse/api/testing/notification-jobs";
import { startTestServer, type RunningTestServer } from "@cse/api/testing/server";
import { generateSecret } from "otplib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations, openBrowser, type BrowserSession } from "./browser.ts";
import { heading, signIn, type Account } from "./journey.ts";
import { tabTo } from "./keyboard.ts";
import { redReferralAboutA12YearOld, submitReferral } from "./referral-fixture.ts";

const CANARY = {
  givenNames: "Zephyrine",
  familyName: "Quillfeather",
  homeAddress: "42 Canarywharf Crescent, Bradford",
  description: "CANARYTEXT collected from the old mill by a stranger.",
};

/** The body of a single-part text email, decoded as a mail client would show it. */
function readable(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return `${headers}\n${Buffer.from(body, "base64").toString("utf8")}`;
  if (encoding !== "quoted-printable") return raw;
  const text = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const escape = text.slice(index + 1, index + 3);
    if (text[index] === "=" && /^[0-9A-F]{2}$/i.test(escape)) {
      bytes.push(parseInt(escape, 16));
      index += 2;
    } else bytes.push(text.charCodeAt(index));
  }
  return `${headers}\n${Buffer.from(bytes).toString("utf8")}`;
}

describe("escalation by email, in a real browser", () => {
  const demo = { password: "e2e-notify-password-not-secret", totpSecret: generateSecret() };
  let emailDir: string;
  let settings: Record<string, string>;
  let server: RunningTestServer;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    emailDir = await mkdtemp(join(tmpdir(), "cse-e2e-emails-"));
    settings = { EMAIL_MODE: "file", EMAIL_DIR: emailDir, NOTIFICATION_COALESCE_MINUTES: "0" };
    // A service of its own with email on: the shared one shows invitation links to the admin.
    server = await startTestServer(demo, settings);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(emailDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const session of sessions) {
      expect(session.problems, "console errors or CSP violations").toEqual([]);
      await session.close();
    }
    sessions.length = 0;
  });

  it("escalates an overdue referral to the lead, in the app and by an email with no personal data", async () => {
    const referrer: Account = { email: "referrer.health@demo.example", password: demo.password };
    const lead: Account = { email: "lead.bradford@demo.example", password: demo.password, totpSecret: demo.totpSecret };

    const referrerSession = await openBrowser();
    sessions.push(referrerSession);
    await signIn(referrerSession.page, server.url, referrer);
    const base = redReferralAboutA12YearOld(CANARY.givenNames);
    const created = await submitReferral(referrerSession.page, {
      ...base,
      child: { ...base.child, familyName: CANARY.familyName, homeAddress: CANARY.homeAddress },
      concern: { ...base.concern, description: CANARY.description, location: `${CANARY.description} (where)` },
    });

    // Three days on, nobody has decided: the deadline job escalates, delivery writes the emails.
    await runNotificationJobsAt(server, new Date(Date.now() + 3 * 86_400_000), settings);

    const leadSession = await openBrowser();
    sessions.push(leadSession);
    const { page } = leadSession;
    await signIn(page, server.url, lead);
    await tabTo(page, 'a[href="/alerts"]');
    await page.keyboard.press("Enter");
    await heading(page, "Alerts");
    const row = page.getByRole("row").filter({ hasText: "Escalated" }).filter({ hasText: created.reference });
    // Once in ten full runs on a busy machine the row did not appear; if it happens again, the
    // failure says what the page showed instead.
    await row
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (error: unknown) => {
        const shown = await page.locator("main").innerText();
        throw new Error(`No escalation row for ${created.reference}; the page showed:\n${shown}`, { cause: error });
      });
    await expectNoAccessibilityViolations(page, "alerts with an escalation");

    await page.goto(`${server.url}/account`);
    await heading(page, "Your account");
    await tabTo(page, 'a[href="/account/notifications"]');
    await page.keyboard.press("Enter");
    await heading(page, "Email notifications");
    // RED referrals and escalations are not offered as a choice to the team's lead.
    const alwaysSent = await page.locator("#always-sent").innerText();
    expect(alwaysSent).toContain("RED referrals");
    expect(alwaysSent).toContain("Escalations");
    expect(await page.locator("#email-red-referral").count()).toBe(0);
    expect(await page.locator("#email-new-referral").isChecked()).toBe(true);
    await expectNoAccessibilityViolations(page, "email notifications");

    // The administrator's view of sending: counts and kinds, no addresses, no references.
    const adminSession = await openBrowser();
    sessions.push(adminSession);
    await signIn(adminSession.page, server.url, {
      email: "admin@demo.example",
      password: demo.password,
      totpSecret: demo.totpSecret,
    });
    await tabTo(adminSession.page, 'a[href="/admin/email"]');
    await adminSession.page.keyboard.press("Enter");
    await heading(adminSession.page, "Email sending");
    // The heading shows before the outbox's figures have loaded.
    await adminSession.page.getByText("Development: each email is written as a file").waitFor();
    const adminText = await adminSession.page.locator("main").innerText();
    expect(adminText).toContain("Development: each email is written as a file");
    expect(adminText).not.toContain(created.reference);
    expect(adminText).not.toContain("@demo.example");
    await expectNoAccessibilityViolations(adminSession.page, "email sending");

    const files = (await readdir(emailDir)).filter((name) => name.endsWith(".eml"));
    const emails = await Promise.all(files.map(async (name) => readable(await readFile(join(emailDir, name), "utf8"))));
    const escalation = emails.find(
      (text) => text.includes(lead.email) && text.includes("Escalated to you") && text.includes(created.reference),
    );
    expect(escalation, "an .eml for the escalation to the lead").toBeDefined();
    expect(escalation).toContain("Bradford");
    expect(escalation).toContain(`/referrals/${created.id}`);
    for (const text of emails) {
      for (const canary of ["Zephyrine", "Quillfeather", "Canarywharf", "CANARYTEXT", "old mill"]) {
        expect(text.toLowerCase()).not.toContain(canary.toLowerCase());
      }
    }
  });
});
