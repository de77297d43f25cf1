import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient, TEST_PASSWORD, type TestUser } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

/**
 * Destroyed means destroyed. Each revocation below runs while other requests on the doomed
 * session are in flight (their answers save the session again, as `rolling` sessions do).
 * Once the revocation has answered, every request that starts with the old cookie must be 401,
 * and no row of the session may exist.
 */
describe("revoking a session while it is in use", () => {
  const context = useTestApp();
  let admin: TestClient;

  beforeAll(async () => {
    admin = await signedInClient(context.app, await createUser(context.test.db, { role: "ADMIN" }));
  });

  /** Polls with the cookie until told to stop; records the status of each request started after `revokedAt`. */
  async function pollDuring(victim: TestClient, revoke: () => Promise<void>) {
    const cookie = victim.cookieHeader;
    let revoked = false;
    let stop = false;
    const afterRevocation: { url: string; status: number }[] = [];
    const poller = async (url: string) => {
      while (!stop) {
        const startedAfterRevocation = revoked;
        const response = await context.app.inject({ method: "GET", url, headers: { cookie } });
        if (startedAfterRevocation) afterRevocation.push({ url, status: response.statusCode });
      }
    };
    const urls = ["/api/referrals", "/api/auth/me", "/api/referrals", "/api/auth/me", "/api/auth/session"];
    const pollers = urls.map(poller);
    // Let the pollers get going, so the revocation lands among requests in flight.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await revoke();
    revoked = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    stop = true;
    await Promise.all(pollers);
    const last = await context.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    return { afterRevocation, lastStatus: last.statusCode };
  }

  function expectAllRefused(result: Awaited<ReturnType<typeof pollDuring>>) {
    expect(result.afterRevocation.length).toBeGreaterThan(0);
    const admitted = result.afterRevocation.filter(
      ({ url, status }) => status !== (url === "/api/auth/session" ? 200 : 401),
    );
    expect(admitted).toEqual([]);
    expect(result.lastStatus).toBe(401);
  }

  async function expectNoSessionsOf(user: TestUser, except?: TestClient) {
    const rows = await context.test.db.session.findMany({ where: { userId: user.id } });
    expect(rows.length).toBe(except ? 1 : 0);
  }

  it("at sign-out", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const victim = await signedInClient(context.app, user);
    const result = await pollDuring(victim, async () => {
      const response = await victim.post("/api/auth/logout");
      expect(response.statusCode).toBe(204);
    });
    expectAllRefused(result);
    await expectNoSessionsOf(user);
  });

  it("when the password changes elsewhere", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const victim = await signedInClient(context.app, user);
    const changer = await signedInClient(context.app, user);
    const result = await pollDuring(victim, async () => {
      const response = await changer.post("/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "marmalade lighthouse quartet",
      });
      expect(response.statusCode).toBe(204);
    });
    expectAllRefused(result);
    await expectNoSessionsOf(user, changer);
    expect((await changer.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("when an administrator resets the second factor", async () => {
    const user = await createUser(context.test.db, { role: "TRIAGE", teamCode: "leeds" });
    const victim = await signedInClient(context.app, user);
    const result = await pollDuring(victim, async () => {
      expect((await admin.post(`/api/admin/users/${user.id}/reset-second-factor`)).statusCode).toBe(200);
    });
    expectAllRefused(result);
    await expectNoSessionsOf(user);
  });

  it("when an administrator disables the account", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const victim = await signedInClient(context.app, user);
    const result = await pollDuring(victim, async () => {
      expect((await admin.post(`/api/admin/users/${user.id}/disable`)).statusCode).toBe(200);
    });
    expectAllRefused(result);
    await expectNoSessionsOf(user);
  });

  it("when a password is reset with a one-time link", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const victim = await signedInClient(context.app, user);
    const issued = await admin.post(`/api/admin/users/${user.id}/invitation`);
    expect(issued.statusCode).toBe(201);
    const token = String(issued.json<{ invitationPath: string }>().invitationPath.split("/").pop());
    const result = await pollDuring(victim, async () => {
      const accepted = await new TestClient(context.app).post(`/api/invitations/${token}`, {
        password: "marmalade lighthouse quartet",
      });
      expect(accepted.statusCode).toBe(204);
    });
    expectAllRefused(result);
    await expectNoSessionsOf(user);
  });
});
