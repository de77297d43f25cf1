// The team's file is read, and its read recorded, in one statement (file-query.ts). These hold
// that statement to what the audit trail promises: one entry per read that showed something,
// with the facts of what it showed, none for a read that found nothing, and a chain that
// still verifies.
import type { TeamReferralDetail } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuditService } from "../audit/service.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("reading the team's file", () => {
  const context = useTestApp();
  let world: TeamWorld;
  let id: string;

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    ({ id } = await submitReferral(world.clients.referrer));
    const notes = [
      [world.clients.policeTriage, "Police intelligence, police only.", "AGENCY_ONLY"],
      [world.clients.triage, "A note for the whole team.", "TEAM"],
      [world.clients.triage, "Social care only.", "AGENCY_ONLY"],
    ] as const;
    for (const [client, body, visibility] of notes) {
      expect((await client.post(`/api/referrals/${id}/notes`, { body, visibility })).statusCode).toBe(201);
    }
  });

  const reads = (actorId: string) =>
    context.test.db.auditEvent.findMany({
      where: { referralId: id, actorId, action: "referral.read" },
      orderBy: { id: "asc" },
      select: { outcome: true, teamId: true, entityId: true, details: true },
    });

  it("records each reader's read once, with the notes that reader was shown", async () => {
    const cases = [
      ["triage", ["A note for the whole team.", "Social care only."]],
      ["policeTriage", ["Police intelligence, police only.", "A note for the whole team."]],
      ["lead", ["Police intelligence, police only.", "A note for the whole team.", "Social care only."]],
    ] as const;
    for (const [member, shown] of cases) {
      // Adding a note answers with the file too, so count the entries this read adds.
      const before = (await reads(world.users[member].id)).length;
      const answer = await world.clients[member].get(`/api/referrals/${id}`);
      expect(answer.statusCode).toBe(200);
      expect(answer.json<TeamReferralDetail>().notes.map((note) => note.body)).toEqual(shown);
      expect((await reads(world.users[member].id)).slice(before)).toEqual([
        {
          outcome: "ALLOWED",
          teamId: answer.json<TeamReferralDetail>().team.id,
          entityId: id,
          details: { audience: "team", notesShown: shown.length },
        },
      ]);
    }
    // Each entry's hash covers the count the database worked out, exactly as it is stored.
    expect((await createAuditService(context.test.db).verifyChain()).brokenAt).toBeNull();
  });

  it("records nothing as read when the referral is another team's, only the refusal", async () => {
    const answer = await world.clients.leedsTriage.get(`/api/referrals/${id}`);
    expect(answer.statusCode).toBe(404);
    expect(await reads(world.users.leedsTriage.id)).toEqual([]);
    const refused = await context.test.db.auditEvent.findMany({
      where: { referralId: id, actorId: world.users.leedsTriage.id },
      select: { action: true, outcome: true },
    });
    expect(refused).toEqual([{ action: "referral.read-as-team", outcome: "DENIED" }]);
  });
});
