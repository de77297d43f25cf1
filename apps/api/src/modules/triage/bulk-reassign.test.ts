import type { BulkReassignResult } from "@cse/contracts/oversight";
import { beforeAll, describe, expect, it } from "vitest";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

const MANY = 300;

describe("reassigning several referrals at once", () => {
  const context = useTestApp();
  let world: TeamWorld;
  let bradford: string[];
  let leedsId: string;
  let decidedId: string;
  const nobody = "0190a2b4-7c1d-7000-8000-00000000dead";

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    const { referrer, lead } = world.clients;
    const template = (await submitReferral(referrer)).id;
    // Copies of one submitted referral (fresh ids and references): the batch needs many
    // referrals, not many submissions.
    await context.test.db.$executeRaw`
      INSERT INTO "Referral"
      SELECT (jsonb_populate_record(r, jsonb_build_object('id', gen_random_uuid(), 'reference', r."reference" || '-' || n))).*
        FROM "Referral" AS r, generate_series(1, ${MANY - 1}::int) AS n
       WHERE r."id" = ${template}::uuid`;
    bradford = (
      await context.test.db.referral.findMany({
        where: { teamId: world.users.lead.teamId! },
        select: { id: true },
        orderBy: { reference: "asc" },
      })
    ).map((row) => row.id);
    expect(bradford).toHaveLength(MANY);
    leedsId = (await submitReferral(referrer, { child: { homePostcode: "LS1 1AA" } })).id;
    decidedId = (await submitReferral(referrer)).id;
    const decided = await lead.post(`/api/referrals/${decidedId}/decision`, {
      outcome: "EARLY_HELP",
      reason: "Test.",
      messageToReferrer: "Thanks.",
    });
    expect(decided.json().status).toBe("DECIDED");
  });

  const reassign = (body: unknown, who: keyof TeamWorld["clients"] = "lead") =>
    world.clients[who].post("/api/referrals/bulk-reassign", body);

  it(
    `reassigns ${MANY} in one request, each with its own chronology and audit entry; the rest are refused one by one`,
    { timeout: 180_000 },
    async () => {
      const response = await reassign({
        referralIds: [...bradford, leedsId, decidedId, nobody],
        assigneeId: world.users.triage.id,
      });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const result = response.json<BulkReassignResult>();
      expect(result.reassigned).toBe(MANY);
      expect(result.results).toHaveLength(MANY + 3);
      expect(result.results.slice(MANY)).toEqual([
        { referralId: leedsId, reference: null, outcome: "not-found" },
        { referralId: decidedId, reference: expect.any(String), outcome: "not-open" },
        { referralId: nobody, reference: null, outcome: "not-found" },
      ]);

      const { db } = context.test;
      expect(await db.referral.count({ where: { id: { in: bradford }, assigneeId: world.users.triage.id } })).toBe(
        MANY,
      );
      const chronology = await db.chronologyEvent.findMany({
        where: { referralId: { in: bradford }, type: "ASSIGNED", actorId: world.users.lead.id },
        select: { referralId: true },
      });
      expect(new Set(chronology.map((event) => event.referralId)).size).toBe(MANY);
      expect(chronology).toHaveLength(MANY);
      const audited = await db.auditEvent.findMany({
        where: { action: "referral.reassign", actorId: world.users.lead.id, outcome: "ALLOWED" },
        select: { referralId: true, details: true },
      });
      expect(audited).toHaveLength(MANY);
      expect(new Set(audited.map((entry) => entry.referralId))).toEqual(new Set(bradford));
      expect(audited[0]!.details).toMatchObject({
        assigneeId: world.users.triage.id,
        previousAssigneeId: null,
        bulk: true,
      });

      // The other team's referral is untouched, and the attempt is on its trail.
      expect((await db.referral.findUniqueOrThrow({ where: { id: leedsId } })).assigneeId).toBeNull();
      const refused = await db.auditEvent.findFirst({
        where: { referralId: leedsId, action: "referral.reassign", outcome: "DENIED", actorId: world.users.lead.id },
      });
      expect(refused).not.toBeNull();
      expect(await db.referral.count({ where: { id: decidedId, assigneeId: world.users.triage.id } })).toBe(0);
    },
  );

  it("leaves a referral already with that member unchanged", async () => {
    const response = await reassign({ referralIds: bradford.slice(0, 3), assigneeId: world.users.triage.id });
    expect(response.json<BulkReassignResult>()).toMatchObject({
      reassigned: 0,
      results: bradford.slice(0, 3).map((referralId) => ({ referralId, outcome: "unchanged" })),
    });
  });

  it("needs an active member of the lead's own team as the assignee, and changes nothing otherwise", async () => {
    const before = await context.test.db.chronologyEvent.count();
    for (const assigneeId of [world.users.leedsTriage.id, world.users.referrer.id, nobody]) {
      const response = await reassign({ referralIds: bradford.slice(0, 2), assigneeId });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: "assigneeId" })]);
    }
    expect(await context.test.db.chronologyEvent.count()).toBe(before);
  });

  it("is for leads: a triage member or another team's lead reaches nothing", async () => {
    const body = { referralIds: bradford.slice(0, 2), assigneeId: world.users.policeTriage.id };
    expect((await reassign(body, "triage")).statusCode).toBe(403);
    expect((await reassign(body, "referrer")).statusCode).toBe(403);
    // Leeds's lead cannot name a Bradford member, nor reach Bradford's referrals.
    const leeds = await reassign(
      { referralIds: bradford.slice(0, 2), assigneeId: world.users.leedsTriage.id },
      "leedsLead",
    );
    expect(leeds.json<BulkReassignResult>().results.map((result) => result.outcome)).toEqual([
      "not-found",
      "not-found",
    ]);
    expect(await context.test.db.referral.count({ where: { assigneeId: world.users.leedsTriage.id } })).toBe(0);
  });

  it("offers the lead the team's active members on the queue page, and a triage member none", async () => {
    const asLead = await world.clients.lead.get("/api/referrals?scope=team");
    const members = asLead.json<{ assignableMembers: { id: string }[] }>().assignableMembers.map((member) => member.id);
    expect(members).toEqual(
      expect.arrayContaining([world.users.triage.id, world.users.policeTriage.id, world.users.lead.id]),
    );
    expect(members).not.toContain(world.users.leedsTriage.id);
    const asTriage = await world.clients.triage.get("/api/referrals?scope=team");
    expect(asTriage.json<{ assignableMembers: unknown[] }>().assignableMembers).toEqual([]);
  });

  it("refuses an empty selection", async () => {
    const response = await reassign({ referralIds: [], assigneeId: world.users.triage.id });
    expect(response.statusCode).toBe(400);
  });
});
