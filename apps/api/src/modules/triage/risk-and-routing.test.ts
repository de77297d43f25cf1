import type { TeamQueuePage, TeamReferralDetail } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("changing the risk", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  it("waits for the lead to lower it, and keeps the rules' reasons beside the change", async () => {
    const { id, risk } = await submitReferral(world.clients.referrer);
    expect(risk.rating).toBe("RED");
    const asked = await world.clients.triage.post(`/api/referrals/${id}/risk-override`, {
      toRisk: "AMBER",
      reason: "The older male is her cousin.",
    });
    const pending = asked.json<TeamReferralDetail>();
    expect(pending.risk.rating).toBe("RED");
    expect(pending.pendingRiskOverride).toMatchObject({ fromRisk: "RED", toRisk: "AMBER", status: "PENDING_APPROVAL" });
    expect(pending.actions).not.toContain("override-risk");

    // At most one waits at a time.
    const second = await world.clients.policeTriage.post(`/api/referrals/${id}/risk-override`, {
      toRisk: "GREEN",
      reason: "Another view.",
    });
    expect(second.statusCode).toBe(409);

    const approved = await world.clients.lead.post(`/api/referrals/${id}/risk-override/decision`, { approve: true });
    const file = approved.json<TeamReferralDetail>();
    expect(file.risk.rating).toBe("AMBER");
    expect(file.risk.reasons).toEqual([...file.computedRisk.reasons, "Changed by the team from Red to Amber"]);
    expect(file.computedRisk.rating).toBe("RED");
    expect(file.pendingRiskOverride).toBeNull();
    expect(file.redEscalationDueAt).toBeNull();
    const referrerView = await world.clients.referrer.get(`/api/referrals/${id}`);
    expect(referrerView.body).not.toContain("her cousin");
  });

  it("lets the lead refuse a downgrade, with a reason", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    await world.clients.triage.post(`/api/referrals/${id}/risk-override`, { toRisk: "GREEN", reason: "Resolved." });
    expect(
      (await world.clients.triage.post(`/api/referrals/${id}/risk-override/decision`, { approve: true })).statusCode,
    ).toBe(403);
    expect(
      (await world.clients.lead.post(`/api/referrals/${id}/risk-override/decision`, { approve: false })).statusCode,
    ).toBe(400);
    const refused = await world.clients.lead.post(`/api/referrals/${id}/risk-override/decision`, {
      approve: false,
      reason: "Three medium indicators still stand.",
    });
    const file = refused.json<TeamReferralDetail>();
    expect(file.risk.rating).toBe("RED");
    expect(file.chronology.at(-1)).toMatchObject({ type: "RISK_OVERRIDE_REJECTED" });
    const stored = await context.test.db.riskOverride.findFirstOrThrow({ where: { referralId: id } });
    expect(stored).toMatchObject({ status: "REJECTED", decisionReason: "Three medium indicators still stand." });
  });

  it("keeps one pending downgrade even when two are asked for at the same moment (database guard)", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const answers = await Promise.all([
      world.clients.triage.post(`/api/referrals/${id}/risk-override`, { toRisk: "AMBER", reason: "One." }),
      world.clients.policeTriage.post(`/api/referrals/${id}/risk-override`, { toRisk: "GREEN", reason: "Two." }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await context.test.db.riskOverride.count({ where: { referralId: id, status: "PENDING_APPROVAL" } })).toBe(1);
  });

  it("refuses a change to the same rating, or without a reason", async () => {
    const { id } = await submitReferral(world.clients.referrer);
    const same = await world.clients.triage.post(`/api/referrals/${id}/risk-override`, { toRisk: "RED", reason: "x" });
    expect(same.statusCode).toBe(400);
    const noReason = await world.clients.triage.post(`/api/referrals/${id}/risk-override`, { toRisk: "GREEN" });
    expect(noReason.statusCode).toBe(400);
    expect(await context.test.db.riskOverride.count({ where: { referralId: id } })).toBe(0);
  });
});

describe("routing from the hub", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  it("hands a referral the rules could not route to a district team, which then owns it alone", async () => {
    const created = await submitReferral(world.clients.referrer, {
      immediateDanger: true,
      child: { homePostcode: null, currentPostcode: null },
    });
    expect(created.team.name).toMatch(/hub/i);
    const hubQueue = (await world.clients.hubTriage.get("/api/referrals?scope=team")).json<TeamQueuePage>();
    expect(hubQueue.items.find((item) => item.id === created.id)?.awaitingRouting).toBe(true);
    const hubFile = (await world.clients.hubTriage.get(`/api/referrals/${created.id}`)).json<TeamReferralDetail>();
    expect(hubFile.actions).toContain("route-from-hub");
    const leeds = hubFile.routableTeams.find((team) => team.name === "Leeds")!;
    expect(hubFile.routableTeams.some((team) => /hub/i.test(team.name))).toBe(false);

    // Bradford cannot route what the hub holds, nor can the hub route to itself.
    expect(
      (await world.clients.triage.post(`/api/referrals/${created.id}/route`, { teamId: leeds.id, reason: "x" }))
        .statusCode,
    ).toBe(404);
    const hubTeam = await context.test.db.team.findFirstOrThrow({ where: { isHub: true } });
    expect(
      (await world.clients.hubTriage.post(`/api/referrals/${created.id}/route`, { teamId: hubTeam.id, reason: "x" }))
        .statusCode,
    ).toBe(400);

    const routed = await world.clients.hubTriage.post(`/api/referrals/${created.id}/route`, {
      teamId: leeds.id,
      reason: "The child's school is in Leeds.",
    });
    expect(routed.json()).toEqual({ id: created.id, team: { id: leeds.id, name: "Leeds" } });

    expect((await world.clients.hubTriage.get(`/api/referrals/${created.id}`)).statusCode).toBe(404);
    const leedsFile = (await world.clients.leedsTriage.get(`/api/referrals/${created.id}`)).json<TeamReferralDetail>();
    expect(leedsFile.status).toBe("SUBMITTED");
    expect(leedsFile.decisionDueAt).toBe(created.decisionDueAt);
    expect(leedsFile.chronology.at(-1)?.summary).toBe("Routed by the hub to Leeds: The child's school is in Leeds.");
    const leedsAlerts = await context.test.db.alert.count({
      where: { referralId: created.id, recipientId: world.users.leedsTriage.id, resolvedAt: null },
    });
    expect(leedsAlerts).toBe(1);
    const hubAlerts = await context.test.db.alert.count({
      where: { referralId: created.id, recipientId: world.users.hubTriage.id, resolvedAt: null },
    });
    expect(hubAlerts).toBe(0);
  });
});
