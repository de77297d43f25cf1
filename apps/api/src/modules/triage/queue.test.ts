import type { TeamQueuePage, TeamReferralDetail } from "@cse/contracts";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { segmentPageSql } from "./queue-repository.ts";

// Monday 30 November 2026, 10:00 in London (GMT): a decision is due by the end of Tuesday.
const MONDAY_MORNING = new Date("2026-11-30T10:00:00Z");

describe("the team queue", () => {
  const clock = new SettableClock(MONDAY_MORNING);
  const context = useTestApp({}, { clock });
  let world: TeamWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    const { referrer, lead } = world.clients;
    // Friday's referral: due at the end of Monday, so overdue by Tuesday.
    clock.set(new Date("2026-11-27T09:00:00Z"));
    ids.overdue = (await submitReferral(referrer)).id;
    await lead.post(`/api/referrals/${ids.overdue}/risk-override`, { toRisk: "GREEN", reason: "Lower for the test." });
    clock.set(MONDAY_MORNING);
    ids.redUnclaimed = (await submitReferral(referrer, { immediateDanger: true })).id;
    clock.set(new Date("2026-11-30T10:30:00Z"));
    ids.redClaimed = (await submitReferral(referrer, { immediateDanger: true })).id;
    await world.clients.triage.post(`/api/referrals/${ids.redClaimed}/assign`, {});
    ids.amber = (await submitReferral(referrer)).id;
    await lead.post(`/api/referrals/${ids.amber}/risk-override`, { toRisk: "AMBER", reason: "Lower for the test." });
    ids.green = (await submitReferral(referrer)).id;
    await lead.post(`/api/referrals/${ids.green}/risk-override`, { toRisk: "GREEN", reason: "Lower for the test." });
    ids.decided = (await submitReferral(referrer)).id;
    await lead.post(`/api/referrals/${ids.decided}/decision`, {
      outcome: "EARLY_HELP",
      reason: "Test.",
      messageToReferrer: "Thanks.",
    });
    ids.leeds = (await submitReferral(referrer, { child: { homePostcode: "LS1 1AA" } })).id;
    // Tuesday 11:00: the RED one unclaimed since Monday 10:00 is past its hour; Friday's is overdue.
    clock.set(new Date("2026-12-01T11:00:00Z"));
  });

  const queue = async (query = "") => {
    const response = await world.clients.triage.get(`/api/referrals?scope=team${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TeamQueuePage>();
  };

  it("puts what needs someone now first, then RED, AMBER and GREEN, soonest due first", async () => {
    const page = await queue();
    expect(page.items.map((item) => item.id)).toEqual([
      ids.redUnclaimed,
      ids.overdue,
      ids.redClaimed,
      ids.amber,
      ids.green,
    ]);
    expect(page.items[0]?.attention).toEqual(["RED_UNASSIGNED"]);
    expect(page.items[1]?.attention).toEqual(["OVERDUE"]);
    expect(page.items[2]?.attention).toEqual([]);
    expect(page.counts).toEqual({ all: 5, mine: 1, unassigned: 4, attention: 2 });
    // Never another team's, never a decided one.
    expect(page.items.map((item) => item.id)).not.toContain(ids.leeds);
    expect(page.items.map((item) => item.id)).not.toContain(ids.decided);
  });

  it("says the same about attention on the referral file", async () => {
    const file = (await world.clients.triage.get(`/api/referrals/${ids.overdue}`)).json<TeamReferralDetail>();
    expect(file.attention).toEqual(["OVERDUE"]);
  });

  it("filters by assignee, risk, status and attention, with counts under the same risk and status", async () => {
    expect((await queue("&assignee=mine")).items.map((item) => item.id)).toEqual([ids.redClaimed]);
    expect((await queue("&assignee=unassigned")).items).toHaveLength(4);
    const red = await queue("&risk=RED");
    expect(red.items.map((item) => item.id)).toEqual([ids.redUnclaimed, ids.redClaimed]);
    expect(red.counts).toEqual({ all: 2, mine: 1, unassigned: 1, attention: 1 });
    expect((await queue("&status=IN_TRIAGE")).items.map((item) => item.id)).toEqual([ids.redClaimed]);
    expect((await queue("&attention=true")).items.map((item) => item.id)).toEqual([ids.redUnclaimed, ids.overdue]);
  });

  it("pages by keyset through both segments, each referral exactly once and in order", async () => {
    const whole = (await queue()).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TeamQueuePage = await queue(`&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(whole);
    expect(pages).toBe(3);
  });

  it("refuses a forged cursor or a closed status, and gives referrers no queue", async () => {
    for (const query of ["&cursor=bm90LWEtY3Vyc29y", "&status=DECIDED", "&limit=0", "&risk=PURPLE"]) {
      expect((await world.clients.triage.get(`/api/referrals?scope=team${query}`)).statusCode, query).toBe(400);
    }
    expect((await world.clients.referrer.get("/api/referrals?scope=team")).statusCode).toBe(403);
  });

  it("records who saw which referrals in the list", async () => {
    const entries = await context.test.db.auditEvent.findMany({
      where: { actorId: world.users.triage.id, action: "referral.queue" },
    });
    expect(entries.length).toBeGreaterThan(0);
    const listed = entries.flatMap((entry) => (entry.details as { referralIds: string[] }).referralIds);
    expect(listed).toContain(ids.redUnclaimed);
    expect(listed).not.toContain(ids.leeds);
  });

  it("reads a page as one range of the queue index: no sort, whatever the depth", async () => {
    const team = await context.test.db.team.findUniqueOrThrow({ where: { code: "bradford" } });
    // As the owner: ANALYZE by the application's role is skipped with only a warning.
    const client = new pg.Client({ connectionString: context.test.ownerUrl });
    await client.connect();
    try {
      await client.query(`ANALYZE "Referral"`);
      // A handful of rows would make a sequential scan cheapest; the plan's shape is the point.
      await client.query("SET enable_seqscan = off");
      for (const segment of [0, 1] as const) {
        const sql = segmentPageSql(
          { teamId: team.id, attentionOnly: false },
          segment,
          { segment, risk: "AMBER", decisionDueAt: new Date("2026-12-01T00:00:00Z"), id: ids.amber! },
          26,
          clock.now(),
        );
        const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
        const plan = JSON.stringify(rows[0]?.["QUERY PLAN"]);
        expect(plan, plan).toContain('"Index Name":"Referral_team_queue"');
        expect(plan).not.toContain('"Node Type":"Sort"');
        // The cursor is where the index range starts, not a filter scanned past.
        const indexConditions = [...plan.matchAll(/"Index Cond":"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]);
        expect(indexConditions.join(" "), plan).toContain('ROW(risk, \\"decisionDueAt\\", id) >');
      }
    } finally {
      await client.end();
    }
  });
});
