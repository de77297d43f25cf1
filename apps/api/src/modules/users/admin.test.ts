import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import { TestClient } from "../../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient, TEST_PASSWORD, type TestUser } from "../../testing/fixtures.ts";

describe("account management", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let admin: TestUser;
  let client: TestClient;
  let organisationId: string;
  let leedsId: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db));
    admin = await createUser(test.db, { role: "ADMIN" });
    client = await signedInClient(app, admin);
    organisationId = (await test.db.organisation.findFirstOrThrow()).id;
    leedsId = (await test.db.team.findUniqueOrThrow({ where: { code: "leeds" } })).id;
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function invite(body: Record<string, unknown>) {
    return client.post("/api/admin/users", { displayName: "Sam Taylor", organisationId, role: "REFERRER", ...body });
  }

  it("invites a user with a one-time link; they set a password and can sign in; the link then dies", async () => {
    const response = await invite({ email: "Sam.Taylor@School.Example" });
    expect(response.statusCode).toBe(201);
    const issued = response.json();
    expect(issued.user).toMatchObject({ email: "sam.taylor@school.example", status: "INVITED" });
    expect(issued.invitationPath).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = issued.invitationPath!.split("/").pop();
    // Only a hash of the token is stored.
    expect(JSON.stringify(await test.db.invitation.findMany())).not.toContain(token);

    const anonymous = new TestClient(app);
    expect((await anonymous.get(`/api/invitations/${token}`)).json()).toMatchObject({
      email: "sam.taylor@school.example",
      isReset: false,
    });
    const weak = await anonymous.post(`/api/invitations/${token}`, { password: "sam taylor 2026" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].message).toMatch(/your name, email address/);
    expect((await anonymous.post(`/api/invitations/${token}`, { password: "orchard velvet compass" })).statusCode).toBe(
      204,
    );
    expect((await anonymous.get(`/api/invitations/${token}`)).statusCode).toBe(404);
    expect(
      (await anonymous.post(`/api/invitations/${token}`, { password: "another good passphrase" })).statusCode,
    ).toBe(404);
    expect(
      (
        await new TestClient(app).post("/api/auth/login", {
          email: "sam.taylor@school.example",
          password: "orchard velvet compass",
        })
      ).json().status,
    ).toBe("signed-in");
    expect(
      await test.db.auditEvent.count({ where: { action: { in: ["user.invite", "user.invitation.accept"] } } }),
    ).toBe(2);
  });

  it("refuses an expired link", async () => {
    const issued = (await invite({ email: "late@school.example" })).json();
    await test.db.invitation.updateMany({
      where: { userId: issued.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await new TestClient(app).get(
      issued.invitationPath!.replace("/invitations/", "/api/invitations/"),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toMatch(/expired or has already been used/);
  });

  it("checks team membership against the role, and stores nothing when it is wrong", async () => {
    const before = await test.db.user.count();
    const noTeam = await invite({ email: "t1@team.example", role: "TRIAGE" });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().errors).toEqual([{ path: "teamId", message: "Select the team this person works in" }]);
    const referrerWithTeam = await invite({ email: "t2@team.example", role: "REFERRER", teamId: leedsId });
    expect(referrerWithTeam.json().errors).toEqual([
      { path: "teamId", message: "Only triage members and leads belong to a team" },
    ]);
    const unknownOrganisation = await invite({
      email: "t3@team.example",
      organisationId: "0195f0a2-0000-7000-8000-000000000000",
    });
    expect(unknownOrganisation.json().errors).toEqual([
      { path: "organisationId", message: "Select an organisation from the list" },
    ]);
    const duplicate = await invite({ email: admin.email });
    expect(duplicate.json().errors).toEqual([
      { path: "email", message: "An account with this email address already exists" },
    ]);
    expect(await test.db.user.count()).toBe(before);
  });

  it("moves a user to another role and team, ending their sessions so the new rights apply", async () => {
    const user = await createUser(test.db, { role: "REFERRER" });
    const userClient = await signedInClient(app, user);
    const response = await client.patch(`/api/admin/users/${user.id}`, { role: "TRIAGE", teamId: leedsId });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: "TRIAGE", team: { code: "leeds" } });
    expect((await userClient.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("resets a user's authenticator app, so they must set it up again", async () => {
    const lead = await createUser(test.db, { role: "LEAD", teamCode: "wakefield" });
    expect((await client.post(`/api/admin/users/${lead.id}/reset-second-factor`)).json().secondFactorEnabled).toBe(
      false,
    );
    const again = await new TestClient(app).post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    expect(again.json().status).toBe("enrolment-required");
  });

  it("issues a password reset link for an existing account", async () => {
    const user = await createUser(test.db, { role: "REFERRER" });
    const issued = (await client.post(`/api/admin/users/${user.id}/invitation`)).json();
    const path = issued.invitationPath!.replace("/invitations/", "/api/invitations/");
    expect((await new TestClient(app).get(path)).json().isReset).toBe(true);
  });

  it("will not let an administrator disable or demote themselves", async () => {
    expect((await client.post(`/api/admin/users/${admin.id}/disable`)).statusCode).toBe(409);
    expect((await client.patch(`/api/admin/users/${admin.id}`, { role: "REFERRER" })).statusCode).toBe(409);
  });

  it("lists users a page at a time, filtered", async () => {
    const page = (await client.get("/api/admin/users?limit=2&role=REFERRER")).json();
    expect(page.users).toHaveLength(2);
    expect(page.users.every((listed: { role: string }) => listed.role === "REFERRER")).toBe(true);
    const next = (await client.get(`/api/admin/users?limit=2&role=REFERRER&cursor=${page.nextCursor}`)).json();
    expect(next.users[0].email > page.users[1].email).toBe(true);
  });

  it("searches for % and _ as themselves, not as wildcards, and refuses control characters", async () => {
    const percent = await createUser(test.db, { role: "REFERRER", email: "100%_sure@test.example" });
    const search = async (term: string) => {
      const response = await client.get(`/api/admin/users?search=${encodeURIComponent(term)}&limit=100`);
      expect(response.statusCode, term).toBe(200);
      return response.json<{ users: { id: string }[] }>().users.map((user) => user.id);
    };
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("100%_")).toEqual([percent.id]);
    expect(await search("100__")).toEqual([]);
    for (const term of ["\u0000", "a\u001b"]) {
      const response = await client.get(`/api/admin/users?search=${encodeURIComponent(term)}`);
      expect(response.statusCode, JSON.stringify(term)).toBe(400);
    }
    const badCursor = Buffer.from("jo\u0000@x").toString("base64url");
    expect((await client.get(`/api/admin/users?cursor=${badCursor}`)).statusCode).toBe(400);
  });
});
