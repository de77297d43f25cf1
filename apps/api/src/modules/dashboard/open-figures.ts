import type { Database } from "../../db/client.ts";
import type { ReferralStatus, RiskRating } from "../../generated/prisma/enums.ts";

export interface OpenReferralCounts {
  readonly status: ReferralStatus;
  readonly risk: RiskRating;
  readonly assigneeId: string | null;
  readonly count: number;
  readonly overdue: number;
  readonly dueToday: number;
  readonly redUnclaimed: number;
}

/**
 * The team's open referrals in one index-only scan of "Referral_team_queue" (it carries the
 * assignee, the RED hour and the status), grouped finely enough that every open figure, and each
 * member's open work, is a sum in the service. Each filter is the queue's own `due` rule.
 */
export async function readOpenReferralCounts(
  db: Database,
  teamId: string,
  now: Date,
  endOfToday: Date,
): Promise<OpenReferralCounts[]> {
  const rows = await db.$queryRaw<
    {
      status: ReferralStatus;
      risk: RiskRating;
      assigneeId: string | null;
      count: bigint;
      overdue: bigint;
      dueToday: bigint;
      redUnclaimed: bigint;
    }[]
  >`
    SELECT "status", "risk", "assigneeId", count(*) AS "count",
           count(*) FILTER (WHERE "decisionDueAt" < ${now}) AS "overdue",
           count(*) FILTER (WHERE "decisionDueAt" >= ${now} AND "decisionDueAt" < ${endOfToday}) AS "dueToday",
           count(*) FILTER (WHERE "risk" = 'RED' AND "assigneeId" IS NULL AND "redEscalationDueAt" < ${now}) AS "redUnclaimed"
    FROM "Referral"
    WHERE "teamId" = ${teamId}::uuid AND "status" <> 'DECIDED'
    GROUP BY "status", "risk", "assigneeId"`;
  return rows.map((row) => ({
    status: row.status,
    risk: row.risk,
    assigneeId: row.assigneeId,
    count: Number(row.count),
    overdue: Number(row.overdue),
    dueToday: Number(row.dueToday),
    redUnclaimed: Number(row.redUnclaimed),
  }));
}
