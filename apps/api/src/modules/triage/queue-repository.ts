import type { Database } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ReferralStatus, RiskRating } from "../../generated/prisma/enums.ts";

/**
 * The queue in two segments: first what needs someone now (overdue, or RED and unclaimed past
 * its hour), then the rest. Each segment is read in the order of the partial index
 * "Referral_team_queue" (RED first, soonest due, id), so a page, however deep, is one index
 * range from the cursor: no offset, no sort.
 */
export type QueueSegment = 0 | 1;

export interface QueuePosition {
  readonly segment: QueueSegment;
  readonly risk: RiskRating;
  readonly decisionDueAt: Date;
  readonly id: string;
}

export interface QueueFilter {
  readonly teamId: string;
  readonly status?: ReferralStatus | undefined;
  readonly risk?: RiskRating | undefined;
  /** Only this member's (an id), only nobody's (null), or anyone's (undefined). */
  readonly assigneeId?: string | null | undefined;
  readonly attentionOnly: boolean;
  /** Decision due before this instant (overdue: now). */
  readonly dueBefore?: Date | undefined;
  /** Decision due at or after this instant (due today: now). */
  readonly dueFrom?: Date | undefined;
  /** RED, nobody on it, and its hour passed before this instant. */
  readonly redUnclaimedBefore?: Date | undefined;
}

/** Needs someone now. The same rule as attentionFor in file-view.ts, in SQL. */
function needsAttention(now: Date): Prisma.Sql {
  return Prisma.sql`("decisionDueAt" < ${now} OR ("risk" = 'RED' AND "assigneeId" IS NULL AND COALESCE("redEscalationDueAt" < ${now}, false)))`;
}

function filterConditions(filter: QueueFilter): Prisma.Sql[] {
  // "status <> 'DECIDED'" literally, so the planner can match the partial index.
  const conditions = [Prisma.sql`"teamId" = ${filter.teamId}::uuid`, Prisma.sql`"status" <> 'DECIDED'`];
  if (filter.status) conditions.push(Prisma.sql`"status" = ${filter.status}::"ReferralStatus"`);
  if (filter.risk) conditions.push(Prisma.sql`"risk" = ${filter.risk}::"RiskRating"`);
  if (filter.assigneeId === null) conditions.push(Prisma.sql`"assigneeId" IS NULL`);
  else if (filter.assigneeId !== undefined) conditions.push(Prisma.sql`"assigneeId" = ${filter.assigneeId}::uuid`);
  if (filter.dueBefore) conditions.push(Prisma.sql`"decisionDueAt" < ${filter.dueBefore}`);
  if (filter.dueFrom) conditions.push(Prisma.sql`"decisionDueAt" >= ${filter.dueFrom}`);
  if (filter.redUnclaimedBefore)
    conditions.push(
      Prisma.sql`"risk" = 'RED' AND "assigneeId" IS NULL AND "redEscalationDueAt" < ${filter.redUnclaimedBefore}`,
    );
  return conditions;
}

/** One segment's page, after the cursor if it is in this segment. Exported for the plan test. */
export function segmentPageSql(
  filter: QueueFilter,
  segment: QueueSegment,
  after: QueuePosition | null,
  limit: number,
  now: Date,
): Prisma.Sql {
  const conditions = filterConditions(filter);
  conditions.push(segment === 0 ? needsAttention(now) : Prisma.sql`NOT ${needsAttention(now)}`);
  if (after && after.segment === segment) {
    conditions.push(
      Prisma.sql`("risk", "decisionDueAt", "id") > (${after.risk}::"RiskRating", ${after.decisionDueAt}, ${after.id}::uuid)`,
    );
  }
  return Prisma.sql`SELECT "id", "risk", "decisionDueAt" FROM "Referral"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "risk", "decisionDueAt", "id"
    LIMIT ${limit}`;
}

interface Row {
  id: string;
  risk: RiskRating;
  decisionDueAt: Date;
}

/** Up to `limit` positions after the cursor, in queue order. */
export async function readQueuePositions(
  db: Database,
  filter: QueueFilter,
  after: QueuePosition | null,
  limit: number,
  now: Date,
): Promise<QueuePosition[]> {
  const positions: QueuePosition[] = [];
  const segments: QueueSegment[] = filter.attentionOnly ? [0] : [0, 1];
  for (const segment of segments) {
    if (after && segment < after.segment) continue;
    const wanted = limit - positions.length;
    if (wanted <= 0) break;
    const rows = await db.$queryRaw<Row[]>(segmentPageSql(filter, segment, after, wanted, now));
    positions.push(...rows.map((row) => ({ segment, ...row })));
  }
  return positions;
}

export interface QueueCountsRow {
  all: number;
  mine: number;
  unassigned: number;
  attention: number;
}

/** Every view's count in one pass over the team's open referrals. */
export async function countQueue(
  db: Database,
  filter: Omit<QueueFilter, "assigneeId" | "attentionOnly">,
  userId: string,
  now: Date,
): Promise<QueueCountsRow> {
  const conditions = filterConditions({ ...filter, attentionOnly: false });
  const [row] = await db.$queryRaw<{ all: bigint; mine: bigint; unassigned: bigint; attention: bigint }[]>`
    SELECT count(*) AS "all",
           count(*) FILTER (WHERE "assigneeId" = ${userId}::uuid) AS "mine",
           count(*) FILTER (WHERE "assigneeId" IS NULL) AS "unassigned",
           count(*) FILTER (WHERE ${needsAttention(now)}) AS "attention"
    FROM "Referral" WHERE ${Prisma.join(conditions, " AND ")}`;
  return {
    all: Number(row?.all ?? 0),
    mine: Number(row?.mine ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    attention: Number(row?.attention ?? 0),
  };
}
