import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import type { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient, type TestUser } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

/** A code for the next 30-second step: the one used to sign in cannot be replayed. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe("step-up before separation-of-duties actions (issue 8, item 8)", () => {
  const clock = new SettableClock();
  const context = useTestApp({}, { clock });
  let admin: TestUser;
  let client: TestClient;
  let organisationId: string;
  let leedsId: string;

  beforeAll(async () => {
    await createUser(context.test.db, { role: "REFERRER" }); // so an organisation exists
    organisationId = (await context.test.db.organisation.findFirstOrThrow()).id;
    leedsId = (await context.test.db.team.findUniqueOrThrow({ where: { code: "leeds" } })).id;
  });

  /**
   * A new administrator whose sign-in (with the second factor) was `minutes` ago by the
   * service's clock. A new one each time: a code cannot sign the same account in twice.
   */
  async function adminSignedInMinutesAgo(minutes: number) {
    admin = await createUser(context.test.db, { role: "ADMIN" });
    clock.set(new Date());
    client = await signedInClient(context.app, admin);
    clock.advanceMinutes(minutes);
    return client;
  }

  const inviteLead = (email: string) =>
    client.post("/api/admin/users", { email, displayName: "Lee Dunn", organisationId, role: "LEAD", teamId: leedsId });

  it("counts signing in with the second factor as a step-up for five minutes, and records it", async () => {
    await adminSignedInMinutesAgo(4);
    const response = await inviteLead("fresh.lead@test.example");
    expect(response.statusCode).toBe(201);
    const event = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "user.invite", entityId: response.json().user.id },
    });
    expect(event.details).toMatchObject({ role: "LEAD", stepUpAt: expect.any(String) });
  });

  it("refuses to create a staff account without a recent step-up, and stores nothing", async () => {
    await adminSignedInMinutesAgo(6);
    const response = await inviteLead("stale.lead@test.example");
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "step-up-required", title: "Confirm it is you" });
    expect(await context.test.db.user.count({ where: { email: "stale.lead@test.example" } })).toBe(0);
    expect(await context.test.db.invitation.count({ where: { user: { email: "stale.lead@test.example" } } })).toBe(0);

    // A referrer's account gives no access to anyone else's records: no step-up needed.
    const referrer = await client.post("/api/admin/users", {
      email: "plain.referrer@test.example",
      displayName: "Pat Reed",
      organisationId,
      role: "REFERRER",
    });
    expect(referrer.statusCode).toBe(201);
  });

  it("takes a fresh code from the administrator's own app, then allows the action", async () => {
    await adminSignedInMinutesAgo(10);
    const wrong = await client.post("/api/auth/step-up", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: "code", message: expect.stringMatching(/code is not correct/) }]);
    // A wrong code is a problem with the field, not the end of the session.
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    expect(await context.test.db.auditEvent.count({ where: { action: "auth.step-up", actorId: admin.id } })).toBe(0);

    clock.set(new Date());
    const stepped = await client.post("/api/auth/step-up", { code: await nextCode(admin.totpSecret!) });
    expect(stepped.statusCode).toBe(200);
    expect(Date.parse(stepped.json().stepUpExpiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(await context.test.db.auditEvent.count({ where: { action: "auth.step-up", actorId: admin.id } })).toBe(1);
    expect((await inviteLead("stepped.lead@test.example")).statusCode).toBe(201);
  });

  it("needs a step-up to elevate, reset a second factor, reissue a link or re-enable staff; not to rename", async () => {
    const target = await createUser(context.test.db, { role: "REFERRER", teamCode: undefined });
    const staff = await createUser(context.test.db, { role: "TRIAGE", teamCode: "leeds" });
    await adminSignedInMinutesAgo(6);
    const attempts = {
      elevate: await client.patch(`/api/admin/users/${target.id}`, { role: "TRIAGE", teamId: leedsId }),
      reset: await client.post(`/api/admin/users/${staff.id}/reset-second-factor`),
      reissue: await client.post(`/api/admin/users/${target.id}/invitation`),
    };
    for (const response of Object.values(attempts)) expect(response.json().code).toBe("step-up-required");
    expect(await context.test.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "REFERRER",
    });
    expect((await context.test.db.user.findUniqueOrThrow({ where: { id: staff.id } })).totpEnabledAt).not.toBeNull();
    expect(await context.test.db.invitation.count({ where: { userId: target.id } })).toBe(0);

    expect((await client.post(`/api/admin/users/${staff.id}/disable`)).statusCode).toBe(200);
    expect((await client.post(`/api/admin/users/${staff.id}/enable`)).json().code).toBe("step-up-required");
    expect((await client.patch(`/api/admin/users/${target.id}`, { displayName: "Renamed" })).statusCode).toBe(200);

    clock.set(new Date());
    expect((await client.post("/api/auth/step-up", { code: await nextCode(admin.totpSecret!) })).statusCode).toBe(200);
    expect((await client.post(`/api/admin/users/${staff.id}/enable`)).statusCode).toBe(200);
    expect((await client.post(`/api/admin/users/${staff.id}/reset-second-factor`)).statusCode).toBe(200);
    const reset = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "user.second-factor.reset", entityId: staff.id },
    });
    expect(reset.details).toMatchObject({ stepUpAt: expect.any(String) });
  });
});
