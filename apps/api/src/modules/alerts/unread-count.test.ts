import { afterEach, describe, expect, it, vi } from "vitest";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

// A two-minute idle timeout (the shortest the touch interval of a minute leaves room for); only Date is faked, so the database and the server keep real timers.
describe("the header's unread count and the idle timeout", () => {
  const context = useTestApp({ SESSION_IDLE_MINUTES: "2" });
  afterEach(() => vi.useRealTimers());

  /** Signs in, then asks for `url` every 20 seconds; answers the status codes, second by second. */
  async function poll(url: string, until: number) {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "bradford" });
    const client = await signedInClient(context.app, lead);
    const signedInAt = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: signedInAt });
    const answers: Record<number, number> = {};
    const expiries: Record<number, string | undefined> = {};
    for (let second = 20; second <= until; second += 20) {
      vi.setSystemTime(signedInAt + second * 1000);
      const response = await client.get(url);
      answers[second] = response.statusCode;
      expiries[second] = response.headers["x-session-idle-expires-at"] as string | undefined;
    }
    vi.setSystemTime(signedInAt + (until + 10) * 1000);
    const me = await client.get("/api/auth/me");
    vi.useRealTimers();
    return { answers, expiries, afterwards: me.statusCode, signedInAt };
  }

  it("polling the unread count lets the session expire after its idle timeout", async () => {
    const { answers, expiries, afterwards, signedInAt } = await poll("/api/alerts/unread-count", 200);
    expect([answers[20], answers[60], answers[100]]).toEqual([200, 200, 200]);
    // The count tells the browser the expiry the last real activity set, not a later one.
    expect(Date.parse(expiries[100]!)).toBeLessThanOrEqual(signedInAt + 120_000);
    expect([answers[140], answers[180], answers[200]]).toEqual([401, 401, 401]);
    expect(afterwards).toBe(401);
  });

  it("while any other request counts as activity and keeps it alive (the same polling, another route)", async () => {
    const { answers, afterwards } = await poll("/api/alerts", 200);
    expect(Object.values(answers)).toEqual(Array(10).fill(200));
    expect(afterwards).toBe(200);
  });
});
