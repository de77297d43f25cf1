import type { CalendarDate } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

export interface ReReferralCounts {
  readonly referrals: number;
  readonly reReferrals: number;
}

/**
 * Of the team's referrals received in the last 12 months (London days, today included), how
 * many are about a child referred before, by anyone to any team, in the 12 months before that
 * referral: the children in need statistics' definition, so the figure sits beside England's.
 * "The same child" is the link rules' (docs/links.md); the triggers keep the daily counts.
 */
export async function readReReferrals(db: Database, teamId: string, today: CalendarDate): Promise<ReReferralCounts> {
  const [row] = await db.$queryRaw<{ referrals: bigint | null; reReferrals: bigint | null }[]>`
    SELECT sum("referrals") AS "referrals", sum("reReferrals") AS "reReferrals" FROM "DashboardReferralDay"
    WHERE "teamId" = ${teamId}::uuid AND "receivedOn" > ${yearBefore(today)}::date AND "receivedOn" <= ${today}::date`;
  return { referrals: Number(row?.referrals ?? 0), reReferrals: Number(row?.reReferrals ?? 0) };
}

/** The same day a year earlier (29 February falls back to the 28th). */
export function yearBefore(date: CalendarDate): CalendarDate {
  const earlier = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return earlier.endsWith("-02-29") ? `${earlier.slice(0, 8)}28` : earlier;
}

export interface RepeatChildren {
  readonly children: number;
  readonly top: { referralId: string; reference: string; referrals: number }[];
}

/**
 * Children referred more than once in 12 months: children whose latest referral is the team's,
 * came in the last 12 months, and followed another about them within the 12 months before it.
 * Each is shown by that referral and how many referrals about them came in the 12 months to it;
 * its reference only: the figure is a count, and the file is one (audited) click away.
 */
export async function readRepeatChildren(
  db: Database,
  teamId: string,
  today: CalendarDate,
  limit = 10,
): Promise<RepeatChildren> {
  // "earlier > 0 AND later = 0" literally, so the planner can use the partial indexes.
  const latestReReferrals = Prisma.sql`"teamId" = ${teamId}::uuid AND "earlier" > 0 AND "later" = 0
    AND "submittedAt" >= (${yearBefore(today)}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`;
  const [counted, top] = await Promise.all([
    db.$queryRaw<{ children: bigint }[]>`
      SELECT count(*) AS "children" FROM "DashboardSameChildReferral" WHERE ${latestReReferrals}`,
    db.$queryRaw<{ referralId: string; reference: string; referrals: number }[]>`
      SELECT s."referralId", r."reference", s."earlier" + 1 AS "referrals"
      FROM (SELECT "referralId", "earlier", "submittedAt" FROM "DashboardSameChildReferral" WHERE ${latestReReferrals}
            ORDER BY "earlier" DESC, "submittedAt" DESC LIMIT ${limit}) s
      JOIN "Referral" r ON r."id" = s."referralId"
      ORDER BY s."earlier" DESC, s."submittedAt" DESC`,
  ]);
  return { children: Number(counted[0]?.children ?? 0), top };
}
