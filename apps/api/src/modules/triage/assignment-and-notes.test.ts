import type { AlertList, TeamReferralDetail } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("assignment", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  it("lets a member claim a referral, recording it in the chronology and the audit trail", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const claimed = await world.clients.triage.post(`/api/referrals/${id}/assign`, {});
    const file = claimed.json<TeamReferralDetail>();
    expect(file.status).toBe("IN_TRIAGE");
    expect(file.assignee?.id).toBe(world.users.triage.id);
    expect(file.actions).not.toContain("assign-self");
    expect(file.chronology.map((entry) => entry.type)).toContain("ASSIGNED");
    const audited = await context.test.db.auditEvent.count({ where: { referralId: id, action: "referral.assign" } });
    expect(audited).toBe(1);
  });

  it("gives a referral to exactly one of two members who claim it at the same moment", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const answers = await Promise.all([
      world.clients.triage.post(`/api/referrals/${id}/assign`, {}),
      world.clients.policeTriage.post(`/api/referrals/${id}/assign`, {}),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const events = await context.test.db.chronologyEvent.count({ where: { referralId: id, type: "ASSIGNED" } });
    expect(events).toBe(1);
  });

  it("lets only a lead give a referral to someone else, and only to a member of the owning team", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const byMember = await world.clients.triage.post(`/api/referrals/${id}/assign`, {
      assigneeId: world.users.policeTriage.id,
    });
    expect(byMember.statusCode).toBe(403);

    const outsider = await world.clients.lead.post(`/api/referrals/${id}/assign`, {
      assigneeId: world.users.leedsTriage.id,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe("assigneeId");

    const given = await world.clients.lead.post(`/api/referrals/${id}/assign`, {
      assigneeId: world.users.policeTriage.id,
    });
    expect(given.json<TeamReferralDetail>().assignee?.id).toBe(world.users.policeTriage.id);
  });

  it("is guarded by the database too: no assignee from outside the owning team", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    await expect(
      context.test.db.referral.update({ where: { id }, data: { assigneeId: world.users.leedsTriage.id } }),
    ).rejects.toThrow(/assignee must be a member/);
    await expect(
      context.test.db.referral.update({ where: { id }, data: { assigneeId: world.users.referrer.id } }),
    ).rejects.toThrow(/assignee must be a member/);
  });

  it("never lets another team, or the referrer, assign", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    expect((await world.clients.leedsTriage.post(`/api/referrals/${id}/assign`, {})).statusCode).toBe(404);
    expect((await world.clients.leedsLead.post(`/api/referrals/${id}/assign`, {})).statusCode).toBe(404);
    expect((await world.clients.referrer.post(`/api/referrals/${id}/assign`, {})).statusCode).toBe(403);
    const stored = await context.test.db.referral.findUniqueOrThrow({ where: { id } });
    expect(stored.assigneeId).toBeNull();
  });
});

describe("notes", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  it("shows an agency-only note to that agency and the lead, and never its text to anyone else", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const secret = "Intelligence: vehicle linked to operation NIGHTJAR";
    const added = await world.clients.policeTriage.post(`/api/referrals/${id}/notes`, {
      body: secret,
      visibility: "AGENCY_ONLY",
    });
    expect(added.statusCode).toBe(201);
    await world.clients.triage.post(`/api/referrals/${id}/notes`, { body: "Team note for all.", visibility: "TEAM" });

    const socialCare = await world.clients.triage.get(`/api/referrals/${id}`);
    expect(socialCare.body).not.toContain("NIGHTJAR");
    const socialCareFile = socialCare.json<TeamReferralDetail>();
    expect(socialCareFile.notes.map((note) => note.body)).toEqual(["Team note for all."]);
    expect(socialCareFile.chronology.map((entry) => entry.summary)).toContain(
      "A note restricted to another agency was added",
    );

    for (const reader of [world.clients.policeTriage, world.clients.lead]) {
      const file = (await reader.get(`/api/referrals/${id}`)).json<TeamReferralDetail>();
      expect(file.notes.map((note) => note.body)).toEqual([secret, "Team note for all."]);
      // The chronology says a note was added and for whom, never what it says.
      expect(JSON.stringify(file.chronology)).not.toContain("NIGHTJAR");
    }

    const referrerView = await world.clients.referrer.get(`/api/referrals/${id}`);
    expect(referrerView.body).not.toContain("NIGHTJAR");
    expect(referrerView.body).not.toContain("Team note for all.");
  });

  it("refuses an empty note, a NUL, or a visibility that does not exist, and stores nothing", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    for (const body of [
      { body: "  ", visibility: "TEAM" },
      { body: "a\u0000b", visibility: "TEAM" },
      { body: "fine", visibility: "EVERYONE" },
      { body: "x".repeat(10_001), visibility: "TEAM" },
    ]) {
      expect((await world.clients.triage.post(`/api/referrals/${id}/notes`, body)).statusCode).toBe(400);
    }
    expect(await context.test.db.note.count({ where: { referralId: id } })).toBe(0);
  });
});

describe("RED alerts", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  it("tell every member of the receiving team at once, and nobody else, until someone claims it", async () => {
    const { id, risk } = await submitReferral(world.clients.referrer, { immediateDanger: true });
    expect(risk.rating).toBe("RED");
    for (const member of [world.clients.triage, world.clients.policeTriage, world.clients.lead]) {
      const alerts = (await member.get("/api/alerts")).json<AlertList>();
      expect(alerts.unread).toBe(1);
      expect(alerts.alerts[0]).toMatchObject({ referralId: id, kind: "RED_REFERRAL", risk: "RED", read: false });
    }
    expect((await world.clients.leedsTriage.get("/api/alerts")).json<AlertList>().alerts).toEqual([]);

    expect((await world.clients.lead.post("/api/alerts/read")).statusCode).toBe(204);
    const read = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(read.unread).toBe(0);
    expect(read.alerts[0]?.read).toBe(true);
    expect((await world.clients.triage.get("/api/alerts")).json<AlertList>().unread).toBe(1);

    await world.clients.policeTriage.post(`/api/referrals/${id}/assign`, {});
    for (const member of [world.clients.triage, world.clients.policeTriage, world.clients.lead]) {
      expect((await member.get("/api/alerts")).json<AlertList>().alerts).toEqual([]);
    }
  });

  it("are raised when the team raises a referral to RED", async () => {
    const { id, risk } = await submitReferral(world.clients.referrer, { immediateDanger: true });
    expect(risk.rating).toBe("RED");
    // The lead's own downgrade applies at once, and nobody needs alerting about an AMBER referral.
    const lowered = await world.clients.lead.post(`/api/referrals/${id}/risk-override`, {
      toRisk: "AMBER",
      reason: "Danger has passed: the child is at home with a parent.",
    });
    expect(lowered.json<TeamReferralDetail>().risk.rating).toBe("AMBER");
    expect(
      (await world.clients.lead.get("/api/alerts")).json<AlertList>().alerts.map((a) => a.referralId),
    ).not.toContain(id);
    const raised = await world.clients.triage.post(`/api/referrals/${id}/risk-override`, {
      toRisk: "RED",
      reason: "New intelligence.",
    });
    expect(raised.json<TeamReferralDetail>().redEscalationDueAt).not.toBeNull();
    const alerts = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(alerts.alerts.map((alert) => alert.referralId)).toContain(id);
  });

  it("never show a referral the member can no longer open", async () => {
    const { id } = await submitReferral(world.clients.referrer, { immediateDanger: true });
    const leedsTeam = await context.test.db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    // Moved to another team after the alert was raised: the old team's alert must not show it.
    await context.test.db.user.update({ where: { id: world.users.triage.id }, data: { teamId: leedsTeam.id } });
    const alerts = await context.test.db.alert.count({ where: { recipientId: world.users.triage.id, referralId: id } });
    expect(alerts).toBe(1);
    const moved = await world.clients.triage.get("/api/alerts");
    // The account's team changed, so its sessions were revoked; sign-in again is needed.
    expect([200, 401]).toContain(moved.statusCode);
    if (moved.statusCode === 200)
      expect(moved.json<AlertList>().alerts.map((alert) => alert.referralId)).not.toContain(id);
  });
});
