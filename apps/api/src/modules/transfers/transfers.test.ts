import type { AlertList, TeamQueuePage, TeamReferralDetail, TransferInbox, TransferResult } from "@cse/contracts";
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

// Monday 30 November 2026, 10:00 in London (GMT).
const MONDAY_MORNING = new Date("2026-11-30T10:00:00Z");
const LEEDS_CHILD = { homePostcode: "LS12 1AA" };

describe("transfers between teams", () => {
  const clock = new SettableClock(MONDAY_MORNING);
  const context = useTestApp({}, { clock });
  let world: TeamWorld;
  let bradfordId: string;
  let hubId: string;

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    bradfordId = (await context.test.db.team.findUniqueOrThrow({ where: { code: "bradford" } })).id;
    hubId = (await context.test.db.team.findUniqueOrThrow({ where: { code: "hub" } })).id;
  });

  /** A referral routed to Leeds, submitted now. */
  async function leedsReferral(immediateDanger = false) {
    const created = await submitReferral(world.clients.referrer, { child: LEEDS_CHILD, immediateDanger });
    expect(created.team.name).toBe("Leeds");
    return created.id;
  }

  async function askBradford(referralId: string, reason = "The child now lives with her aunt in Bradford.") {
    const asked = await world.clients.leedsTriage.post(`/api/referrals/${referralId}/transfer`, {
      teamId: bradfordId,
      reason,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    return asked.json<TeamReferralDetail>().pendingTransfer!.id;
  }

  const inbox = async (member: keyof TeamWorld["clients"], box: "incoming" | "outgoing") => {
    const response = await world.clients[member].get(`/api/transfers?box=${box}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TransferInbox>();
  };

  it("leaves the referral with the sender until accepted, then moves it with a new clock and no way back", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral(true);
    await world.clients.leedsTriage.post(`/api/referrals/${id}/assign`, {});
    const noted = await world.clients.leedsTriage.post(`/api/referrals/${id}/notes`, {
      body: "Leeds note: the school saw the car twice.",
      visibility: "TEAM",
    });
    expect(noted.statusCode).toBe(201);

    clock.set(new Date("2026-11-30T11:00:00Z"));
    const asked = await world.clients.leedsTriage.post(`/api/referrals/${id}/transfer`, {
      teamId: bradfordId,
      reason: "The child now lives with her aunt in Bradford.",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = asked.json<TeamReferralDetail>();
    expect(pending.team.name).toBe("Leeds");
    expect(pending.assignee?.id).toBe(world.users.leedsTriage.id);
    expect(pending.pendingTransfer).toMatchObject({ toTeam: { name: "Bradford" }, overdue: false });
    expect(pending.actions).toContain("cancel-transfer");
    expect(pending.actions).not.toContain("request-transfer");
    expect(pending.actions).toContain("decide");
    const leedsQueue = (await world.clients.leedsTriage.get("/api/referrals?scope=team")).json<TeamQueuePage>();
    expect(leedsQueue.items.find((item) => item.id === id)?.transferRequested).toBe(true);
    const transferId = pending.pendingTransfer!.id;

    // Before accepting, the receiving team has no access to the file or its notes.
    expect((await world.clients.lead.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect((await world.clients.triage.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect(
      (await world.clients.lead.post(`/api/referrals/${id}/notes`, { body: "Too early.", visibility: "TEAM" }))
        .statusCode,
    ).toBe(404);

    // Only enough to decide, through the explicit, audited "transfer review".
    const incoming = await inbox("lead", "incoming");
    expect(incoming.items).toHaveLength(1);
    const review = incoming.items[0]!;
    expect(review).toMatchObject({
      id: transferId,
      referralId: id,
      reference: pending.reference,
      fromTeam: { name: "Leeds" },
      toTeam: { name: "Bradford" },
      area: "LS12",
      risk: { rating: "RED" },
      reason: "The child now lives with her aunt in Bradford.",
      requestedBy: { id: world.users.leedsTriage.id },
      overdue: false,
    });
    expect(review.ageAtReferral).toBeTypeOf("number");
    const reviewBody = JSON.stringify(incoming);
    expect(reviewBody).not.toContain(EXAMPLE_REFERRAL_SUBMISSION.child.givenNames);
    expect(reviewBody).not.toContain("the school saw the car");
    const reviewAudit = await context.test.db.auditEvent.findMany({
      where: { action: "transfer.review", actorId: world.users.lead.id },
    });
    expect(reviewAudit).toHaveLength(1);
    expect(reviewAudit[0]!.details).toMatchObject({ referralIds: [id] });
    const leadAlerts = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(leadAlerts.alerts).toContainEqual(expect.objectContaining({ kind: "TRANSFER_REQUESTED", referralId: id }));
    expect((await inbox("triage", "incoming")).items).toEqual([]);
    expect((await inbox("leedsLead", "outgoing")).items.map((item) => item.id)).toEqual([transferId]);

    // Only the receiving team's lead may accept.
    expect((await world.clients.triage.post(`/api/transfers/${transferId}/accept`)).statusCode).toBe(403);
    expect((await world.clients.leedsLead.post(`/api/transfers/${transferId}/accept`)).statusCode).toBe(404);

    // Tuesday 15:00: accepted. The new team decides by the end of the next working day.
    clock.set(new Date("2026-12-01T15:00:00Z"));
    const accepted = await world.clients.lead.post(`/api/transfers/${transferId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<TransferResult>()).toMatchObject({
      status: "ACCEPTED",
      toTeam: { name: "Bradford" },
      decisionDueAt: "2026-12-02T23:59:59.999Z",
    });
    const stored = await context.test.db.referral.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      teamId: bradfordId,
      assigneeId: null,
      status: "SUBMITTED",
      routingMethod: "TRANSFER",
      decisionDueAt: new Date("2026-12-02T23:59:59.999Z"),
      redEscalationDueAt: new Date("2026-12-01T16:00:00Z"),
    });

    const file = (await world.clients.lead.get(`/api/referrals/${id}`)).json<TeamReferralDetail>();
    expect(file.team.name).toBe("Bradford");
    expect(file.transferredIn).toMatchObject({
      fromTeam: { name: "Leeds" },
      toTeam: { name: "Bradford" },
      acceptedAt: "2026-12-01T15:00:00.000Z",
    });
    expect(file.pendingTransfer).toBeNull();
    expect(file.chronology.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(["TRANSFER_REQUESTED", "TRANSFER_ACCEPTED"]),
    );
    expect(file.notes.map((note) => note.body)).toContain("Leeds note: the school saw the car twice.");
    expect(file.actions).toContain("request-transfer");

    // The sending team has lost the referral and its notes.
    expect((await world.clients.leedsTriage.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect((await world.clients.leedsLead.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect(
      (await world.clients.leedsTriage.post(`/api/referrals/${id}/notes`, { body: "Still ours?", visibility: "TEAM" }))
        .statusCode,
    ).toBe(404);
    const afterQueue = (await world.clients.leedsTriage.get("/api/referrals?scope=team")).json<TeamQueuePage>();
    expect(afterQueue.items.some((item) => item.id === id)).toBe(false);
    expect((await inbox("leedsLead", "outgoing")).items).toEqual([]);

    // Alerts belong to the team that must act: Leeds's are resolved, Bradford's raised; the
    // member who asked hears it was accepted (news, which opens the transfer inbox).
    const leedsAlerts = (await world.clients.leedsTriage.get("/api/alerts")).json<AlertList>();
    expect(leedsAlerts.alerts.filter((alert) => alert.referralId === id).map((alert) => alert.kind)).toEqual([
      "TRANSFER_ACCEPTED",
    ]);
    const bradfordAlerts = (await world.clients.triage.get("/api/alerts")).json<AlertList>();
    expect(bradfordAlerts.alerts).toContainEqual(expect.objectContaining({ kind: "RED_REFERRAL", referralId: id }));
    const leadAfter = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(leadAfter.alerts.some((alert) => alert.kind === "TRANSFER_REQUESTED" && alert.referralId === id)).toBe(
      false,
    );
    const audited = await context.test.db.auditEvent.findMany({
      where: { referralId: id, action: { in: ["transfer.request", "transfer.accept"] } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((event) => event.action)).toEqual(["transfer.request", "transfer.accept"]);
  });

  it("needs a reason to refuse; the sender is told and keeps the referral", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral();
    const transferId = await askBradford(id);
    const noReason = await world.clients.lead.post(`/api/transfers/${transferId}/reject`, { reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers["content-type"]).toContain("application/problem+json");
    expect((await context.test.db.transfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("PENDING");

    const refused = await world.clients.lead.post(`/api/transfers/${transferId}/reject`, {
      reason: "The family moved back to Leeds last week.",
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json<TransferResult>().status).toBe("REJECTED");
    expect(await context.test.db.transfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({
      status: "REJECTED",
      decisionReason: "The family moved back to Leeds last week.",
      decidedById: world.users.lead.id,
    });
    const told = (await world.clients.leedsTriage.get("/api/alerts")).json<AlertList>();
    expect(told.alerts).toContainEqual(expect.objectContaining({ kind: "TRANSFER_REJECTED", referralId: id }));
    const file = (await world.clients.leedsTriage.get(`/api/referrals/${id}`)).json<TeamReferralDetail>();
    expect(file.team.name).toBe("Leeds");
    expect(file.pendingTransfer).toBeNull();
    expect(file.chronology.at(-1)).toMatchObject({
      type: "TRANSFER_REJECTED",
      summary: "Bradford refused the transfer: The family moved back to Leeds last week.",
    });
    expect(file.actions).toContain("request-transfer");
    expect((await world.clients.lead.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    // Answered once: a second answer is a conflict, not a second move.
    expect((await world.clients.lead.post(`/api/transfers/${transferId}/accept`)).statusCode).toBe(409);

    expect(
      await context.test.db.auditEvent.count({
        where: { referralId: id, action: "transfer.reject", entityId: transferId },
      }),
    ).toBe(1);

    // Once seen, the news is cleared from the alerts.
    await world.clients.leedsTriage.post("/api/alerts/read");
    const later = (await world.clients.leedsTriage.get("/api/alerts")).json<AlertList>();
    expect(later.alerts.some((alert) => alert.kind === "TRANSFER_REJECTED")).toBe(false);
  });

  it("lets the sending team withdraw a waiting transfer, and nobody else", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral();
    const transferId = await askBradford(id);
    expect((await world.clients.lead.post(`/api/transfers/${transferId}/cancel`)).statusCode).toBe(404);
    const withdrawn = await world.clients.leedsLead.post(`/api/transfers/${transferId}/cancel`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<TransferResult>().status).toBe("CANCELLED");
    expect((await inbox("lead", "incoming")).items.some((item) => item.id === transferId)).toBe(false);
    const accept = await world.clients.lead.post(`/api/transfers/${transferId}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json<{ detail: string }>().detail).toBe("This transfer has been withdrawn.");
    const file = (await world.clients.leedsTriage.get(`/api/referrals/${id}`)).json<TeamReferralDetail>();
    expect(file.chronology.at(-1)?.type).toBe("TRANSFER_CANCELLED");
    expect(file.pendingTransfer).toBeNull();
    expect(
      await context.test.db.auditEvent.count({
        where: { referralId: id, action: "transfer.cancel", entityId: transferId },
      }),
    ).toBe(1);
    const leadAlerts = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(leadAlerts.alerts.some((alert) => alert.referralId === id)).toBe(false);
  });

  it("refuses to accept a referral the sending team decided while the transfer waited", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral();
    const transferId = await askBradford(id);
    const decision = await world.clients.leedsLead.post(`/api/referrals/${id}/decision`, {
      outcome: "STRATEGY_DISCUSSION",
      reason: "Strategy discussion arranged in Leeds.",
      messageToReferrer: "Thank you.",
    });
    expect(decision.statusCode, decision.body).toBe(200);
    const accept = await world.clients.lead.post(`/api/transfers/${transferId}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json<{ detail: string }>().detail).toMatch(/recorded a decision since asking/);
    const stored = await context.test.db.referral.findUniqueOrThrow({ where: { id }, include: { team: true } });
    expect(stored.team.code).toBe("leeds");
    expect((await context.test.db.transfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("PENDING");
  });

  it("keeps one pending transfer, refuses closed referrals, and stores nothing for bad input", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral();
    const transfers = () => context.test.db.transfer.count({ where: { referralId: id } });
    const ask = (body: unknown) => world.clients.leedsTriage.post(`/api/referrals/${id}/transfer`, body);

    const leedsId = (await context.test.db.team.findUniqueOrThrow({ where: { code: "leeds" } })).id;
    for (const [body, path] of [
      [{ teamId: leedsId, reason: "Ourselves." }, "teamId"],
      [{ teamId: hubId, reason: "The hub." }, "teamId"],
      [{ teamId: "0190a2b4-7c1d-7000-8000-000000000000", reason: "Nobody." }, "teamId"],
      [{ teamId: bradfordId }, "reason"],
      [{ teamId: bradfordId, reason: "" }, "reason"],
      [{ reason: "No team." }, "teamId"],
    ] as const) {
      const refused = await ask(body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.body).toContain(path);
    }
    expect(await transfers()).toBe(0);

    // Two at the same moment: the database guard lets one through.
    const both = await Promise.all([
      ask({ teamId: bradfordId, reason: "One." }),
      world.clients.leedsLead.post(`/api/referrals/${id}/transfer`, { teamId: bradfordId, reason: "Two." }),
    ]);
    expect(both.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const again = await ask({ teamId: bradfordId, reason: "Three." });
    expect(again.statusCode).toBe(409);
    expect(again.headers["content-type"]).toContain("application/problem+json");
    expect(again.json<{ detail: string }>().detail).toBe(
      "A transfer of this referral is already waiting for the other team's lead.",
    );
    expect(await context.test.db.transfer.count({ where: { referralId: id, status: "PENDING" } })).toBe(1);

    // A decided referral cannot be transferred.
    const decided = await leedsReferral();
    const decision = await world.clients.leedsLead.post(`/api/referrals/${decided}/decision`, {
      outcome: "EARLY_HELP",
      reason: "Early help is in place.",
      messageToReferrer: "Thank you.",
    });
    expect(decision.statusCode, decision.body).toBe(200);
    const closed = await world.clients.leedsLead.post(`/api/referrals/${decided}/transfer`, {
      teamId: bradfordId,
      reason: "Too late.",
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ detail: string }>().detail).toMatch(/decided referral cannot be transferred/);
    expect(await context.test.db.transfer.count({ where: { referralId: decided } })).toBe(0);
  });

  it("flags a transfer waiting more than one working day to both leads", async () => {
    clock.set(MONDAY_MORNING);
    const id = await leedsReferral();
    const transferId = await askBradford(id);
    const flagged = async () => ({
      incoming: (await inbox("lead", "incoming")).items.find((item) => item.id === transferId)?.overdue,
      outgoing: (await inbox("leedsLead", "outgoing")).items.find((item) => item.id === transferId)?.overdue,
      file: (await world.clients.leedsLead.get(`/api/referrals/${id}`)).json<TeamReferralDetail>().pendingTransfer
        ?.overdue,
    });
    clock.set(new Date("2026-12-01T23:59:00Z"));
    expect(await flagged()).toEqual({ incoming: false, outgoing: false, file: false });
    clock.set(new Date("2026-12-02T09:00:00Z"));
    expect(await flagged()).toEqual({ incoming: true, outgoing: true, file: true });
  });
});
