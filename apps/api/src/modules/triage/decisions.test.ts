import type { ReferrerReferralDetail, TeamReferralDetail } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { bornYearsAgo, submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

const decision = (outcome: string) => ({
  outcome,
  reason: "Reasons the team recorded.",
  messageToReferrer: "Thank you: we have decided how to respond.",
});

describe("deciding on a referral", () => {
  const context = useTestApp();
  let world: TeamWorld;
  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });

  async function claimedReferral(variant: Parameters<typeof submitReferral>[1] = {}) {
    const created = await submitReferral(world.clients.referrer, variant);
    const claimed = await world.clients.triage.post(`/api/referrals/${created.id}/assign`, {});
    expect(claimed.statusCode).toBe(200);
    return created.id;
  }

  it("holds no further action for a 12-year-old until the lead approves, and only then tells the referrer", async () => {
    const id = await claimedReferral({ child: { dateOfBirth: bornYearsAgo(12) } });
    const proposed = await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("NO_FURTHER_ACTION"));
    expect(proposed.statusCode).toBe(200);
    const file = proposed.json<TeamReferralDetail>();
    expect(file.status).toBe("AWAITING_APPROVAL");
    expect(file.noFurtherActionNeedsApprovalBecause).toBe("The child is under 13.");
    expect(file.actions).not.toContain("decide");

    const beforeApproval = (await world.clients.referrer.get(`/api/referrals/${id}`)).json<ReferrerReferralDetail>();
    expect(beforeApproval.status).toBe("AWAITING_APPROVAL");
    expect(beforeApproval.outcome).toBeNull();
    expect(beforeApproval.messageToReferrer).toBeNull();

    // A triage member cannot approve; the lead can.
    expect(
      (await world.clients.triage.post(`/api/referrals/${id}/decision/approval`, { approve: true })).statusCode,
    ).toBe(403);
    const approved = await world.clients.lead.post(`/api/referrals/${id}/decision/approval`, { approve: true });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<TeamReferralDetail>().decision?.approvedBy?.id).toBe(world.users.lead.id);

    const seen = (await world.clients.referrer.get(`/api/referrals/${id}`)).json<ReferrerReferralDetail>();
    expect(seen.status).toBe("DECIDED");
    expect(seen.outcome).toBe("NO_FURTHER_ACTION");
    expect(seen.messageToReferrer).toBe("Thank you: we have decided how to respond.");
    // The referrer never sees the team's reasons or notes.
    expect(JSON.stringify(seen)).not.toContain("Reasons the team recorded.");
  });

  it("sends a refused decision back to the member with the lead's reason, which is required", async () => {
    const id = await claimedReferral({ child: { dateOfBirth: bornYearsAgo(11) } });
    await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("NO_FURTHER_ACTION"));
    const noReason = await world.clients.lead.post(`/api/referrals/${id}/decision/approval`, { approve: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe("reason");
    const stillWaiting = await context.test.db.referral.findUniqueOrThrow({ where: { id } });
    expect(stillWaiting.status).toBe("AWAITING_APPROVAL");

    const refused = await world.clients.lead.post(`/api/referrals/${id}/decision/approval`, {
      approve: false,
      reason: "Speak to the school first.",
    });
    const file = refused.json<TeamReferralDetail>();
    expect(file.status).toBe("IN_TRIAGE");
    expect(file.decision).toBeNull();
    expect(file.chronology.at(-1)?.summary).toContain("Speak to the school first.");
  });

  it("needs approval for no further action when the age is unknown or the child has a learning disability", async () => {
    // The form insists on a date of birth or an estimate; an older record may have neither.
    const unknownAge = await claimedReferral();
    await context.test.db.referralChild.update({ where: { referralId: unknownAge }, data: { ageAtReferral: null } });
    const disabled = await claimedReferral({ child: { learningDisability: "YES" } });
    for (const id of [unknownAge, disabled]) {
      const proposed = await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("NO_FURTHER_ACTION"));
      expect(proposed.json<TeamReferralDetail>().status, id).toBe("AWAITING_APPROVAL");
    }
  });

  it("puts other outcomes, and a lead's own no further action, in force at once", async () => {
    const id = await claimedReferral();
    const decided = await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("STRATEGY_DISCUSSION"));
    expect(decided.json<TeamReferralDetail>().status).toBe("DECIDED");

    const young = await submitReferral(world.clients.referrer, { child: { dateOfBirth: bornYearsAgo(10) } });
    const byLead = await world.clients.lead.post(`/api/referrals/${young.id}/decision`, decision("NO_FURTHER_ACTION"));
    const file = byLead.json<TeamReferralDetail>();
    expect(file.status).toBe("DECIDED");
    expect(file.decision?.approvedBy?.id).toBe(world.users.lead.id);
  });

  it("lets a member decide only what they hold, and only once", async () => {
    const created = await submitReferral(world.clients.referrer);
    const unassigned = await world.clients.triage.post(`/api/referrals/${created.id}/decision`, decision("EARLY_HELP"));
    expect(unassigned.statusCode).toBe(409);

    const id = await claimedReferral();
    const byOther = await world.clients.policeTriage.post(`/api/referrals/${id}/decision`, decision("EARLY_HELP"));
    expect(byOther.statusCode).toBe(409);
    await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("EARLY_HELP"));
    const again = await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("POLICE_INVESTIGATION"));
    expect(again.statusCode).toBe(409);
    const stored = await context.test.db.referral.findUniqueOrThrow({ where: { id } });
    expect(stored.outcome).toBe("EARLY_HELP");
  });

  it("refuses a decision with a missing reason or an unknown outcome, and stores nothing", async () => {
    const id = await claimedReferral();
    const before = await context.test.db.chronologyEvent.count({ where: { referralId: id } });
    for (const body of [
      { ...decision("EARLY_HELP"), reason: "   " },
      { ...decision("EARLY_HELP"), messageToReferrer: "" },
      { ...decision("CLOSE_IT"), reason: "x" },
      { ...decision("EARLY_HELP"), extra: true },
      { ...decision("EARLY_HELP"), reason: "nul\u0000byte" },
    ]) {
      const response = await world.clients.triage.post(`/api/referrals/${id}/decision`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const stored = await context.test.db.referral.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe("IN_TRIAGE");
    expect(await context.test.db.chronologyEvent.count({ where: { referralId: id } })).toBe(before);
  });

  it("writes status, chronology and audit together for every transition", async () => {
    const id = await claimedReferral({ child: { dateOfBirth: bornYearsAgo(12) } });
    await world.clients.triage.post(`/api/referrals/${id}/decision`, decision("NO_FURTHER_ACTION"));
    await world.clients.lead.post(`/api/referrals/${id}/decision/approval`, { approve: true });
    const chronology = await context.test.db.chronologyEvent.findMany({
      where: { referralId: id },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    });
    expect(chronology.map((event) => event.type)).toEqual([
      "SUBMITTED",
      "ROUTED",
      "RISK_RATED",
      "ASSIGNED",
      "DECISION_RECORDED",
      "DECISION_APPROVED",
      "REFERRER_NOTIFIED",
    ]);
    const audited = await context.test.db.auditEvent.findMany({
      where: { referralId: id, outcome: "ALLOWED", action: { not: "referral.read" } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((event) => event.action)).toEqual([
      "referral.submit",
      "referral.assign",
      "decision.propose",
      "decision.approve",
    ]);
  });
});
