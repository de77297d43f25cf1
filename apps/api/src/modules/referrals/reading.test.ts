import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import type { TestClient } from "../../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";

let keys = 0;
async function submit(client: TestClient, givenNames: string) {
  const body = structuredClone(EXAMPLE_REFERRAL_SUBMISSION);
  body.child.givenNames = givenNames;
  const response = await client.post("/api/referrals", body, {
    headers: { "idempotency-key": `reading-${(keys += 1)}-${Date.now()}` },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; reference: string }>();
}

describe("the referrer's view", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let mine: TestClient;
  let someoneElse: TestClient;
  let referralIds: string[];

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db));
    mine = await signedInClient(app, await createUser(test.db, { role: "REFERRER", agency: "HEALTH" }));
    someoneElse = await signedInClient(app, await createUser(test.db, { role: "REFERRER", agency: "HEALTH" }));
    referralIds = [];
    for (const name of ["First", "Second", "Third"]) referralIds.push((await submit(mine, name)).id);
    await submit(someoneElse, "Not Yours");
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("lists only my referrals, newest first, a page at a time", async () => {
    const first = await mine.get("/api/referrals?limit=2");
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.referrals.map((referral: { childName: string }) => referral.childName)).toEqual([
      "Third Khan",
      "Second Khan",
    ]);
    expect(page.referrals[0]).toMatchObject({ status: "SUBMITTED", team: { name: "Bradford" }, outcome: null });
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = (await mine.get(`/api/referrals?limit=2&cursor=${page.nextCursor}`)).json();
    expect(second.referrals.map((referral: { childName: string }) => referral.childName)).toEqual(["First Khan"]);
    expect(second.nextCursor).toBeNull();
    expect(first.headers["cache-control"]).toBe("no-store");
  });

  it("refuses a forged cursor clearly", async () => {
    const response = await mine.get("/api/referrals?cursor=bm9uc2Vuc2U");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: "query.cursor", message: "The cursor is not valid" }]);
  });

  it("shows my whole referral for printing, and audits that it was read", async () => {
    const response = await mine.get(`/api/referrals/${referralIds[0]}`);
    expect(response.statusCode).toBe(200);
    const referral = response.json();
    expect(referral.content.child).toMatchObject({ givenNames: "First", familyName: "Khan", homePostcode: "BD1 1AA" });
    // Every sign is listed; one the referrer did not report shows as not known.
    expect(referral.content.concern.indicators).toHaveLength(14);
    expect(referral.content.concern.indicators).toContainEqual(
      expect.objectContaining({ code: "disclosure_of_sexual_assault", level: "NOT_KNOWN", detail: null }),
    );
    expect(referral.content.concern.indicators[0]).toMatchObject({
      code: "going_missing",
      label: "Going missing",
      level: "LOW",
    });
    expect(referral.content.aboutYou.organisation).toBe("Test HEALTH organisation");
    expect(referral).not.toHaveProperty("notes");
    const read = await test.db.auditEvent.findFirst({
      where: { action: "referral.read", referralId: referralIds[0], outcome: "ALLOWED" },
    });
    expect(read).not.toBeNull();
  });

  it("answers 404 for someone else's referral, and records the attempt", async () => {
    const response = await someoneElse.get(`/api/referrals/${referralIds[0]}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe("There is no referral with that id that you can see.");
    const denied = await test.db.auditEvent.findFirst({
      where: { action: "referral.read", referralId: referralIds[0], outcome: "DENIED" },
    });
    expect(denied).not.toBeNull();
    // A referral that does not exist looks exactly the same.
    const missing = await someoneElse.get("/api/referrals/0195f0a2-0000-7000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe(response.json().detail);
  });

  it("takes addenda from the referrer, never changing the referral itself", async () => {
    const before = await test.db.referral.findUniqueOrThrow({ where: { id: referralIds[1] } });
    const response = await mine.post(`/api/referrals/${referralIds[1]}/addenda`, {
      body: "Correction: the car was dark blue. 🚗",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().body).toBe("Correction: the car was dark blue. 🚗");
    const after = await test.db.referral.findUniqueOrThrow({ where: { id: referralIds[1] } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    const detail = (await mine.get(`/api/referrals/${referralIds[1]}`)).json();
    expect(detail.addenda).toHaveLength(1);
    const event = await test.db.chronologyEvent.findFirst({
      where: { referralId: referralIds[1], type: "ADDENDUM_ADDED" },
    });
    expect(event).not.toBeNull();

    expect((await someoneElse.post(`/api/referrals/${referralIds[1]}/addenda`, { body: "Not mine" })).statusCode).toBe(
      404,
    );
    const empty = await mine.post(`/api/referrals/${referralIds[1]}/addenda`, { body: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: "body", message: "Enter the correction or new information" }]);
  });

  it("is not open to administrators, who never see referral content", async () => {
    const admin = await signedInClient(app, await createUser(test.db, { role: "ADMIN" }));
    expect((await admin.get(`/api/referrals/${referralIds[0]}`)).statusCode).toBe(403);
    expect((await admin.get("/api/referrals")).statusCode).toBe(403);
  });
});

describe("drafts", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let owner: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db));
    owner = await signedInClient(app, await createUser(test.db, { role: "REFERRER" }));
    other = await signedInClient(app, await createUser(test.db, { role: "REFERRER" }));
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("are created, saved with versions, listed and deleted by their owner", async () => {
    const created = await owner.post("/api/drafts", { content: { child: { givenNames: "Zoë" } } });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ version: 1, content: { child: { givenNames: "Zoë" } } });

    const saved = await owner.put(`/api/drafts/${draft.id}`, {
      content: { child: { givenNames: "Zoë", familyName: "Ng" } },
      version: 1,
    });
    expect(saved.json()).toMatchObject({ version: 2, content: { child: { familyName: "Ng" } } });

    const stale = await owner.put(`/api/drafts/${draft.id}`, { content: { child: { givenNames: "Old" } }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await owner.get(`/api/drafts/${draft.id}`)).json().content.child.givenNames).toBe("Zoë");

    const list = (await owner.get("/api/drafts")).json();
    expect(list.drafts).toEqual([expect.objectContaining({ id: draft.id, childName: "Zoë Ng" })]);
    expect((await owner.delete(`/api/drafts/${draft.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/drafts/${draft.id}`)).statusCode).toBe(404);
  });

  it("are invisible to everyone else", async () => {
    const draft = (await owner.post("/api/drafts", { content: { immediateDanger: "no" } })).json();
    expect((await other.get(`/api/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/drafts/${draft.id}`, { content: {} })).statusCode).toBe(404);
    expect((await other.delete(`/api/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await other.get("/api/drafts")).json().drafts).toEqual([]);
    expect(await test.db.draft.count({ where: { id: draft.id } })).toBe(1);
  });

  it("expire", async () => {
    const draft = (await owner.post("/api/drafts", { content: {} })).json();
    await test.db.draft.update({ where: { id: draft.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await owner.get(`/api/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await owner.get("/api/drafts")).json().drafts.map((listed: { id: string }) => listed.id)).not.toContain(
      draft.id,
    );
  });

  it("refuse content outside the form's shape, or too large, and store nothing", async () => {
    const before = await test.db.draft.count();
    const unknown = await owner.post("/api/drafts", { content: { child: { shoeSize: "5" } } });
    expect(unknown.statusCode).toBe(400);
    const huge = await owner.post("/api/drafts", { content: { concern: { description: "x".repeat(20_000) } } });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0]).toMatchObject({ path: "content.concern.description" });
    expect(await test.db.draft.count()).toBe(before);
  });
});
