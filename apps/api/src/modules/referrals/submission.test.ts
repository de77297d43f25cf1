import { EXAMPLE_REFERRAL_SUBMISSION, type ReferralSubmission } from "@cse/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "../../db/client.ts";
import { buildTestApp } from "../../testing/app.ts";
import type { TestClient } from "../../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient, type TestUser } from "../../testing/fixtures.ts";

let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${(keyCounter += 1)}`;
const example = (): ReferralSubmission & typeof EXAMPLE_REFERRAL_SUBMISSION =>
  structuredClone(EXAMPLE_REFERRAL_SUBMISSION);

describe("submitting a referral", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let referrer: TestUser;
  let client: TestClient;

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db));
    referrer = await createUser(test.db, { role: "REFERRER", agency: "EDUCATION" });
    client = await signedInClient(app, referrer);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const submit = (body: unknown, key: string | null = newKey(), query = "") =>
    client.post(`/api/referrals${query}`, body, key === null ? {} : { headers: { "idempotency-key": key } });

  it("routes, rates, times and records the referral, and answers with the reference", async () => {
    const response = await submit(example());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.reference).toMatch(/^WY-\d{4}-\d{6}$/);
    expect(created.team.name).toBe("Bradford");
    // Three medium indicators: RED, with the reason in words.
    expect(created.risk).toEqual({
      rating: "RED",
      reasons: expect.arrayContaining([expect.stringMatching(/3 indicators rated medium or higher/)]),
    });
    expect(new Date(created.decisionDueAt).getTime()).toBeGreaterThan(new Date(created.submittedAt).getTime());

    const stored = await test.db.referral.findUniqueOrThrow({
      where: { id: created.id },
      include: {
        child: true,
        indicators: true,
        concernEntities: true,
        identifiers: true,
        chronology: true,
        informationSharing: true,
      },
    });
    expect(stored).toMatchObject({
      reference: created.reference,
      status: "SUBMITTED",
      routingMethod: "POSTCODE_RULE",
      routingMatchedPrefix: "BD1",
      referrerId: referrer.id,
    });
    expect(stored.child).toMatchObject({
      givenNames: "Amira",
      familyName: "Khan",
      homePostcode: "BD1 1AA",
      ageAtReferral: expect.any(Number),
    });
    // Only the signs the referrer reported are stored; any other is not known, not absent.
    expect(stored.indicators.map((indicator) => indicator.indicatorCode).sort()).toEqual(
      Object.keys(example().concern.indicators).sort(),
    );
    expect(stored.indicators.some((indicator) => indicator.level === "NOT_PRESENT")).toBe(false);
    expect(stored.concernEntities.map((entity) => entity.kind)).toEqual(expect.arrayContaining(["VEHICLE", "PERSON"]));
    expect(stored.chronology.map((event) => event.type).sort()).toEqual(["RISK_RATED", "ROUTED", "SUBMITTED"]);
    const identifiers = stored.identifiers.map((identifier) => `${identifier.kind}:${identifier.value}`);
    expect(identifiers).toEqual(
      expect.arrayContaining([
        "CHILD_DOB:2012-05-06",
        "VEHICLE:AB12CDE",
        "PHONE:+447700900123",
        "HANDLE:jay_99",
        "POSTCODE:BD1 1AA",
      ]),
    );
    const audit = await test.db.auditEvent.findFirstOrThrow({
      where: { action: "referral.submit", referralId: created.id },
    });
    expect(audit).toMatchObject({ actorId: referrer.id, outcome: "ALLOWED" });
  });

  it("gives consecutive, unique references", async () => {
    const [a, b] = await Promise.all([submit(example()), submit(example())]);
    const numbers = [a.json().reference, b.json().reference]
      .map((reference: string) => Number(reference.split("-")[2]))
      .sort();
    expect(numbers[1]! - numbers[0]!).toBe(1);
  });

  it("sends a child with no postcode to the hub, and an out-of-area one too", async () => {
    const noPostcode = example();
    noPostcode.child.homePostcode = null as never;
    const hub = await submit(noPostcode);
    expect(hub.json().team.name).toBe("West Yorkshire hub");
    const outOfArea = example();
    outOfArea.child.homePostcode = "M1 1AE";
    expect((await submit(outOfArea)).json().team.name).toBe("West Yorkshire hub");
    const ilkley = example();
    ilkley.child.homePostcode = "ls29 8ab";
    expect((await submit(ilkley)).json().team.name).toBe("Bradford");
  });

  it("rates a child in immediate danger RED", async () => {
    const danger: ReferralSubmission = { ...example(), immediateDanger: true };
    expect((await submit(danger)).json().risk).toEqual({
      rating: "RED",
      reasons: expect.arrayContaining(["The child is in immediate danger"]),
    });
  });

  it("takes 'None of these' as no rows, rated honestly, and a disclosure only as present", async () => {
    const none: ReferralSubmission = { ...example(), concern: { ...example().concern, indicators: {} } };
    const response = await submit(none);
    expect(response.statusCode).toBe(201);
    expect(response.json().risk).toEqual({
      rating: "GREEN",
      reasons: ["No signs of exploitation seen or reported", "14 signs not known to the referrer, so not ruled out"],
    });
    const stored = await test.db.referralIndicator.count({ where: { referralId: response.json().id } });
    expect(stored).toBe(0);

    const before = await test.db.referral.count();
    const lowDisclosure = structuredClone(none) as ReferralSubmission & { concern: { indicators: object } };
    lowDisclosure.concern.indicators = { disclosure_of_sexual_assault: { level: "LOW", detail: null } };
    const refused = await submit(lowDisclosure);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      {
        path: "concern.indicators.disclosure_of_sexual_assault.level",
        message: "Say whether there has been a disclosure of sexual assault",
      },
    ]);
    expect(await test.db.referral.count()).toBe(before);
  });

  describe("idempotency", () => {
    it("returns the original answer to a retry with the same key, and stores nothing new", async () => {
      const key = newKey();
      const first = await submit(example(), key);
      const before = await test.db.referral.count();
      const retry = await submit(example(), key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      expect(retry.headers["idempotent-replayed"]).toBe("true");
      expect(await test.db.referral.count()).toBe(before);
    });

    it("refuses the same key with a different body (422), storing nothing", async () => {
      const key = newKey();
      await submit(example(), key);
      const before = await test.db.referral.count();
      const changed = example();
      changed.child.givenNames = "Someone Else";
      const response = await submit(changed, key);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: "idempotency-key-reused" });
      expect(await test.db.referral.count()).toBe(before);
    });

    it("requires the key (400)", async () => {
      const before = await test.db.referral.count();
      const response = await submit(example(), null);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "idempotency-key-missing" });
      expect(await test.db.referral.count()).toBe(before);
    });

    it("answers 409 while the first request with the key is still running", async () => {
      const key = newKey();
      // The first request is mid-flight: its claim is recorded, its transaction not yet committed.
      const { requestHash } = await import("./idempotency.ts");
      const { EXAMPLE_REFERRAL_SUBMISSION: body } = await import("@cse/contracts");
      const { referralSubmissionSchema } = await import("@cse/contracts");
      await test.db.idempotencyRecord.create({
        data: {
          userId: referrer.id,
          key,
          requestHash: requestHash({ body: referralSubmissionSchema.parse(body), draftId: null }),
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      const before = await test.db.referral.count();
      const response = await submit(example(), key);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: "idempotency-in-progress" });
      expect(await test.db.referral.count()).toBe(before);
    });

    it("really is concurrent-safe: two identical requests at once make one referral", async () => {
      const key = newKey();
      const before = await test.db.referral.count();
      const responses = await Promise.all([submit(example(), key), submit(example(), key)]);
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses[0]).toBe(201);
      expect([201, 409]).toContain(statuses[1]);
      expect(await test.db.referral.count()).toBe(before + 1);
    });
  });

  it("stores all of it or none of it: a failure part-way leaves no trace, and frees the key", async () => {
    const key = newKey();
    const counts = async () => ({
      referrals: await test.db.referral.count(),
      children: await test.db.referralChild.count(),
      chronology: await test.db.chronologyEvent.count(),
      audit: await test.db.auditEvent.count({ where: { action: "referral.submit" } }),
      sequence: (await test.db.referenceSequence.findFirst())?.lastNumber ?? 0,
    });
    const before = await counts();
    // Make the chronology insert fail: it comes after the referral, child, entities and
    // identifiers are already written in the transaction. The service's role may not create
    // triggers, so the fault is injected as the owner.
    const owner = createDatabaseClient({ url: test.ownerUrl, maxConnections: 1 });
    await owner.$executeRawUnsafe(
      `CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
    );
    await owner.$executeRawUnsafe(
      `CREATE TRIGGER test_fail BEFORE INSERT ON "ChronologyEvent" FOR EACH STATEMENT EXECUTE FUNCTION test_fail()`,
    );
    try {
      const failed = await submit(example(), key);
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toMatchObject({ title: "Something went wrong" });
      expect(await counts()).toEqual(before);
      expect(await test.db.idempotencyRecord.count({ where: { key } })).toBe(0);
    } finally {
      await owner.$executeRawUnsafe(`DROP TRIGGER test_fail ON "ChronologyEvent"`);
      await owner.$executeRawUnsafe(`DROP FUNCTION test_fail()`);
      await owner.$disconnect();
    }
    expect((await submit(example(), key)).statusCode).toBe(201);
  });

  it("deletes the draft it came from, in the same transaction", async () => {
    const draft = await client.post("/api/drafts", { content: { immediateDanger: "no" } });
    const draftId = draft.json().id;
    expect((await submit(example(), newKey(), `?draftId=${draftId}`)).statusCode).toBe(201);
    expect(await test.db.draft.count({ where: { id: draftId } })).toBe(0);
  });

  it("refuses invalid input with field paths, and stores nothing", async () => {
    const before = await test.db.referral.count();
    const bad = example() as Record<string, unknown> & ReturnType<typeof example>;
    bad.child.dateOfBirth = "2999-01-01";
    bad.child.givenNames = "";
    (bad.concern.indicators as Record<string, unknown>).going_missing = { level: "EXTREME", detail: null };
    bad.surprise = true;
    const response = await submit(bad);
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "child.givenNames", message: "Enter the child's first name" },
        { path: "child.dateOfBirth", message: "The child's date of birth must be today or in the past" },
        { path: "concern.indicators.going_missing.level", message: "Select how strong the sign of going missing is" },
      ]),
    );
    expect(errors.some((error) => error.message.includes("surprise") || error.path === "")).toBe(true);
    expect(await test.db.referral.count()).toBe(before);
  });

  it("may only be done by referrers", async () => {
    const triage = await createUser(test.db, { role: "TRIAGE", teamCode: "leeds" });
    const triageClient = await signedInClient(app, triage);
    const response = await triageClient.post("/api/referrals", example(), { headers: { "idempotency-key": newKey() } });
    expect(response.statusCode).toBe(403);
  });
});
