import type { DecisionWeek } from "@cse/contracts/dashboard";
import { addDays, type CalendarDate } from "@cse/domain";
import type { Database } from "../../db/client.ts";

interface HoursCount {
  readonly hours: number;
  readonly decided: number;
}

/** The median of a histogram of whole hours: the middle decision's hour (the mean of the two middle ones). */
export function medianHours(histogram: readonly HoursCount[]): number | null {
  const total = histogram.reduce((sum, bucket) => sum + bucket.decided, 0);
  if (total === 0) return null;
  const sorted = [...histogram].sort((a, b) => a.hours - b.hours);
  const at = (position: number) => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.decided;
      if (position < seen) return bucket.hours;
    }
    return sorted[sorted.length - 1]!.hours;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/**
 * Decisions per week from "DashboardDecisionCount" (kept by triggers as referrals are decided):
 * one row per week and hour of time to decision, so 26 weeks is a small read at any volume.
 */
export async function readDecisionWeeks(
  db: Database,
  teamId: string,
  firstMonday: CalendarDate,
  weeks: number,
): Promise<DecisionWeek[]> {
  const rows = await db.$queryRaw<{ weekOf: string; hours: number; decided: number; onTime: number }[]>`
    SELECT to_char("weekOf", 'YYYY-MM-DD') AS "weekOf", "hoursToDecision" AS "hours", "decided", "onTime"
    FROM "DashboardDecisionCount"
    WHERE "teamId" = ${teamId}::uuid AND "weekOf" >= ${firstMonday}::date AND "decided" > 0`;
  return Array.from({ length: weeks }, (_, index) => {
    const weekOf = addDays(firstMonday, index * 7);
    const histogram = rows
      .filter((row) => row.weekOf === weekOf)
      .map((row) => ({ hours: row.hours, decided: Number(row.decided), onTime: Number(row.onTime) }));
    const decided = histogram.reduce((sum, bucket) => sum + bucket.decided, 0);
    const onTime = histogram.reduce((sum, bucket) => sum + bucket.onTime, 0);
    return {
      weekOf,
      decided,
      medianHours: medianHours(histogram),
      onTimeShare: decided === 0 ? null : onTime / decided,
    };
  });
}

/** Decisions each member recorded since the first of the month (London), from the same summary. */
export async function readDecidedSince(
  db: Database,
  teamId: string,
  since: CalendarDate,
): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ deciderId: string; decided: bigint }[]>`
    SELECT "deciderId", sum("decided") AS "decided" FROM "DashboardMemberDecisionCount"
    WHERE "teamId" = ${teamId}::uuid AND "decidedOn" >= ${since}::date
    GROUP BY "deciderId"`;
  return new Map(rows.map((row) => [row.deciderId, Number(row.decided)]));
}
