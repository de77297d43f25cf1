import type { TeamQueuePage } from "@cse/contracts";
import type { Dashboard } from "@cse/contracts/dashboard";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { submitReferral, type ReferralVariant } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

// Tuesday 1 December 2026, 11:00 in London (GMT).
const NOW = new Date("2026-12-01T11:00:00Z");
type Entity = NonNullable<ReferralVariant["entities"]>[number];
const PHONE: Entity = { kind: "PERSON", name: "Jay", phoneNumbers: ["07700 900123"] };
const CAR: Entity = { kind: "VEHICLE", vehicleRegistrations: ["AB12 CDE"] };
const NO_CONCERNS: ReferralVariant = { entities: [] };

describe("the dashboard's figures, against a known set of referrals", () => {
  const clock = new SettableClock(NOW);
  const context = useTestApp({}, { clock });
  let world: TeamWorld;
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};

  const submitAt = async (name: string, at: string, variant: ReferralVariant = NO_CONCERNS) => {
    clock.set(new Date(at));
    const created = await submitReferral(world.clients.referrer, variant);
    ids[name] = created.id;
    references[name] = created.reference;
    return created.id;
  };
  const decideAt = async (name: string, at: string, by: "lead" | "triage") => {
    clock.set(new Date(at));
    const client = world.clients[by];
    if (by === "triage") expect((await client.post(`/api/referrals/${ids[name]}/assign`, {})).statusCode).toBe(200);
    const response = await client.post(`/api/referrals/${ids[name]}/decision`, {
      outcome: "EARLY_HELP",
      reason: "Known to early help.",
      messageToReferrer: "Thank you.",
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const link = (first: string, second: string, sameChild: boolean, dismissed = false) => {
    const [a, b] = [ids[first]!, ids[second]!].sort();
    return context.test.db.referralLink.create({
      data: {
        firstId: a!,
        secondId: b!,
        score: 90,
        sameChild,
        reasons: ["Same child"],
        computedAt: NOW,
        ...(dismissed
          ? { dismissedAt: NOW, dismissedById: world.users.lead.id, dismissedReason: "Twins, not the same." }
          : {}),
      },
    });
  };

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    // More than 12 months ago: neither counted nor making anything a re-referral.
    await submitAt("old", "2025-10-01T09:00:00Z");
    await decideAt("old", "2025-10-01T12:00:00Z", "lead");
    // Decided in the week of Monday 23 November: after 4, 24 and 96 hours (the last one late).
    await submitAt("d1", "2026-11-23T09:00:00Z", { entities: [CAR] });
    await decideAt("d1", "2026-11-23T13:00:00Z", "lead");
    await submitAt("d2", "2026-11-23T10:00:00Z", { entities: [CAR] });
    await decideAt("d2", "2026-11-24T10:00:00Z", "triage");
    await submitAt("d3", "2026-11-19T09:00:00Z");
    await decideAt("d3", "2026-11-23T09:00:00Z", "lead");
    // Open: Friday's, overdue since the end of Monday, lowered to GREEN, with nobody on it.
    await submitAt("o1", "2026-11-27T09:00:00Z", { entities: [PHONE] });
    expect(
      (await world.clients.lead.post(`/api/referrals/${ids.o1}/risk-override`, { toRisk: "GREEN", reason: "Lower." }))
        .statusCode,
    ).toBe(200);
    // Decided this week (and this month) by the triage member, after 24 hours and a half.
    await submitAt("d4", "2026-11-30T09:00:00Z");
    await decideAt("d4", "2026-12-01T09:30:00Z", "triage");
    // RED with nobody on it since Monday 10:00, due at the end of today.
    await submitAt("o2", "2026-11-30T10:00:00Z", { immediateDanger: true, entities: [PHONE] });
    // RED, taken by the triage member, due tomorrow.
    await submitAt("o3", "2026-12-01T10:30:00Z", { immediateDanger: true, entities: [PHONE] });
    clock.set(new Date("2026-12-01T10:35:00Z"));
    expect((await world.clients.triage.post(`/api/referrals/${ids.o3}/assign`, {})).statusCode).toBe(200);
    // Leeds's: never in Bradford's figures.
    await submitAt("leeds", "2026-11-30T12:00:00Z", { child: { homePostcode: "LS1 1AA" }, entities: [PHONE, CAR] });

    await link("d1", "o2", true);
    await link("d4", "o2", true);
    await link("d1", "d4", true);
    await link("d2", "o3", true, true);
    await link("d3", "leeds", true);
    await link("old", "o1", true);
    await link("o1", "o3", false);
    clock.set(NOW);
  });

  const restoreLink = async () => {
    await context.test.db.referralLink.deleteMany({
      where: {
        OR: [
          { firstId: ids.d4, secondId: ids.o2 },
          { firstId: ids.o2, secondId: ids.d4 },
        ],
      },
    });
    await link("d4", "o2", true);
  };

  const dashboard = async (who: keyof TeamWorld["clients"] = "lead") => {
    const response = await world.clients[who].get("/api/dashboard");
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Dashboard>();
  };

  it("counts the open referrals by status and risk, and where each stands on the decision clock", async () => {
    const { open, team } = await dashboard();
    expect(team.name).toMatch(/Bradford/);
    expect(open).toEqual({
      total: 3,
      byStatus: [
        { status: "SUBMITTED", count: 2 },
        { status: "IN_TRIAGE", count: 1 },
        { status: "AWAITING_APPROVAL", count: 0 },
      ],
      byRisk: [
        { risk: "RED", count: 2 },
        { risk: "AMBER", count: 0 },
        { risk: "GREEN", count: 1 },
      ],
      dueToday: 1,
      overdue: 1,
      redUnassignedOverAnHour: 1,
    });
  });

  it("counts exactly what the queue shows under the same filter, so each figure's link agrees with it", async () => {
    const queue = async (query: string) => {
      const response = await world.clients.lead.get(`/api/referrals?scope=team${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<TeamQueuePage>().items.map((item) => item.id);
    };
    expect(await queue("&due=overdue")).toEqual([ids.o1]);
    expect(await queue("&due=today")).toEqual([ids.o2]);
    expect(await queue("&due=red-hour")).toEqual([ids.o2]);
    expect(await queue("&status=IN_TRIAGE")).toEqual([ids.o3]);
    expect(await queue(`&member=${world.users.triage.id}`)).toEqual([ids.o3]);
    expect(await queue(`&member=${world.users.lead.id}`)).toEqual([]);
    expect((await world.clients.lead.get("/api/referrals?scope=team&due=soon")).statusCode).toBe(400);
  });

  it("gives time to decision by week for 26 weeks: the median and the share decided within a working day", async () => {
    const { timeToDecision } = await dashboard();
    expect(timeToDecision.target).toBe(0.95);
    expect(timeToDecision.weeks).toHaveLength(26);
    expect(timeToDecision.weeks[0]?.weekOf).toBe("2026-06-08");
    expect(timeToDecision.weeks.slice(-2)).toEqual([
      { weekOf: "2026-11-23", decided: 3, medianHours: 24, onTimeShare: 2 / 3 },
      { weekOf: "2026-11-30", decided: 1, medianHours: 24, onTimeShare: 1 },
    ]);
    expect(timeToDecision.weeks.slice(0, -2).every((week) => week.decided === 0 && week.medianHours === null)).toBe(
      true,
    );
  });

  it("gives the share of re-referrals within 12 months beside England's, counting only links not dismissed", async () => {
    const { reReferrals } = await dashboard();
    // Bradford received 7 in the 12 months; d4 follows d1, and o2 follows both, about the same
    // child. d3 came before Leeds's; o1's earlier one is over 12 months before; d2/o3 was dismissed.
    expect(reReferrals).toEqual({ referrals: 7, reReferrals: 2, share: 2 / 7, england: 0.226 });
  });

  it("lists the children referred more than once in 12 months, by the team's latest referral", async () => {
    const { repeatChildren } = await dashboard();
    // d1, d4 and o2 are one child; d3's child was referred again, but to Leeds.
    expect(repeatChildren).toEqual({
      children: 1,
      top: [{ referralId: ids.o2, reference: references.o2, referrals: 3 }],
    });
    const leeds = await dashboard("leedsLead");
    expect(leeds.repeatChildren).toEqual({
      children: 1,
      top: [{ referralId: ids.leeds, reference: references.leeds, referrals: 2 }],
    });
  });

  it("counts again when a lead dismisses a same-child link", async () => {
    const link = await context.test.db.referralLink.findFirstOrThrow({
      where: {
        OR: [
          { firstId: ids.d4, secondId: ids.o2 },
          { firstId: ids.o2, secondId: ids.d4 },
        ],
      },
    });
    await context.test.db.referralLink.update({
      where: { id: link.id },
      data: { dismissedAt: NOW, dismissedById: world.users.lead.id, dismissedReason: "Not the same." },
    });
    try {
      // The lead says d4 and o2 are not the same child: each still follows d1, so each is a
      // child referred twice (by its latest referral), and both still count as re-referrals.
      const { reReferrals, repeatChildren } = await dashboard();
      expect(reReferrals).toMatchObject({ referrals: 7, reReferrals: 2 });
      expect(repeatChildren).toEqual({
        children: 2,
        top: [
          { referralId: ids.o2, reference: references.o2, referrals: 2 },
          { referralId: ids.d4, reference: references.d4, referrals: 2 },
        ],
      });
      await context.test.db.referralLink.delete({ where: { id: link.id } });
      expect((await dashboard()).repeatChildren.children).toBe(2);
    } finally {
      await restoreLink();
    }
    expect((await dashboard()).repeatChildren).toMatchObject({ children: 1, top: [{ referrals: 3 }] });
  });

  it("names the people, phones, vehicles and places of concern in two or more of the team's referrals", async () => {
    const { concerns } = await dashboard();
    expect(concerns).toEqual([
      { kind: "PERSON_NAME", value: "jay", referrals: 3 },
      { kind: "PHONE", value: "+447700900123", referrals: 3 },
      { kind: "VEHICLE", value: "AB12CDE", referrals: 2 },
    ]);
  });

  it("gives the lead each member's open work and decisions this month", async () => {
    const { workload } = await dashboard();
    const byId = new Map(workload?.map((row) => [row.member.id, row]));
    expect(byId.get(world.users.triage.id)).toMatchObject({ openAssigned: 1, decidedThisMonth: 1 });
    expect(byId.get(world.users.lead.id)).toMatchObject({ openAssigned: 0, decidedThisMonth: 0 });
    expect(byId.get(world.users.policeTriage.id)).toMatchObject({ openAssigned: 0, decidedThisMonth: 0 });
    expect(byId.has(world.users.leedsLead.id)).toBe(false);
  });

  it("moves a referral's counts with it when another team accepts it", async () => {
    const leeds = await context.test.db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    const bradford = await context.test.db.team.findUniqueOrThrow({ where: { code: "bradford" } });
    await context.test.db.referral.update({ where: { id: ids.d2! }, data: { teamId: leeds.id, assigneeId: null } });
    try {
      const bradfordView = await dashboard();
      expect(bradfordView.concerns.map((concern) => concern.kind)).toEqual(["PERSON_NAME", "PHONE"]);
      expect(bradfordView.timeToDecision.weeks.at(-2)).toMatchObject({ decided: 2 });
      const leedsView = await dashboard("leedsLead");
      expect(leedsView.concerns).toEqual([{ kind: "VEHICLE", value: "AB12CDE", referrals: 2 }]);
      expect(leedsView.timeToDecision.weeks.at(-2)).toMatchObject({ decided: 1, medianHours: 24 });
    } finally {
      await context.test.db.referral.update({ where: { id: ids.d2! }, data: { teamId: bradford.id } });
    }
    expect((await dashboard()).concerns).toHaveLength(3);
  });
});
