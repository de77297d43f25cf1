import type { Database } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

/**
 * Both directions of every same-child link a lead has not dismissed ("same child" as the link
 * rules define it: docs/links.md), read from the partial index "ReferralLink_same_child". The
 * cost follows the number of same-child links, not of referrals.
 */
const SAME_CHILD_PAIRS = Prisma.sql`
  SELECT "firstId" AS "referralId", "secondId" AS "otherId" FROM "ReferralLink" WHERE "sameChild" AND "dismissedAt" IS NULL
  UNION ALL
  SELECT "secondId", "firstId" FROM "ReferralLink" WHERE "sameChild" AND "dismissedAt" IS NULL`;

export interface ReReferralCounts {
  readonly referrals: number;
  readonly reReferrals: number;
}

/**
 * Of the team's referrals received in the 12 months to now, how many are about a child referred
 * before (by anyone, to any team) in the 12 months before that referral: the children in need
 * statistics' definition, so the figure sits beside England's.
 */
export async function readReReferrals(db: Database, teamId: string, now: Date): Promise<ReReferralCounts> {
  const [row] = await db.$queryRaw<{ referrals: bigint; reReferrals: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Referral" WHERE "teamId" = ${teamId}::uuid
         AND "submittedAt" > ${now}::timestamptz - interval '12 months' AND "submittedAt" <= ${now}) AS "referrals",
      (SELECT count(DISTINCT r."id") FROM (${SAME_CHILD_PAIRS}) pair
         JOIN "Referral" r ON r."id" = pair."referralId"
         JOIN "Referral" earlier ON earlier."id" = pair."otherId"
       WHERE r."teamId" = ${teamId}::uuid
         AND r."submittedAt" > ${now}::timestamptz - interval '12 months' AND r."submittedAt" <= ${now}
         AND earlier."submittedAt" < r."submittedAt"
         AND earlier."submittedAt" >= r."submittedAt" - interval '12 months') AS "reReferrals"`;
  return { referrals: Number(row?.referrals ?? 0), reReferrals: Number(row?.reReferrals ?? 0) };
}

export interface RepeatChildren {
  readonly children: number;
  readonly top: { referralId: string; reference: string; referrals: number }[];
}

/**
 * Children referred more than once in the last 12 months, one row per child: the team's
 * referrals in the window with a same-child link to another referral in the window, grouped by
 * the lowest id among each referral and its partners. Each child is shown by the team's latest
 * referral about them (its reference only: the figure is a count, the file is one click away).
 */
export async function readRepeatChildren(db: Database, teamId: string, now: Date, limit = 10): Promise<RepeatChildren> {
  const rows = await db.$queryRaw<{ referralId: string; reference: string; referrals: bigint; children: bigint }[]>`
    WITH linked AS (
      SELECT r."id", r."reference", r."submittedAt", other."id" AS "otherId"
      FROM (${SAME_CHILD_PAIRS}) pair
      JOIN "Referral" r ON r."id" = pair."referralId"
      JOIN "Referral" other ON other."id" = pair."otherId"
      WHERE r."teamId" = ${teamId}::uuid
        AND r."submittedAt" > ${now}::timestamptz - interval '12 months' AND r."submittedAt" <= ${now}
        AND other."submittedAt" > ${now}::timestamptz - interval '12 months' AND other."submittedAt" <= ${now}
    ), per_referral AS (
      SELECT "id", min("reference") AS "reference", min("submittedAt") AS "submittedAt",
             least("id"::text, min("otherId"::text)) AS "child", 1 + count(DISTINCT "otherId") AS "referrals"
      FROM linked GROUP BY "id"
    ), per_child AS (
      SELECT DISTINCT ON ("child") "child", "id", "reference", "referrals"
      FROM per_referral ORDER BY "child", "submittedAt" DESC, "id" DESC
    )
    SELECT "id" AS "referralId", "reference", "referrals", count(*) OVER () AS "children"
    FROM per_child ORDER BY "referrals" DESC, "reference" DESC LIMIT ${limit}`;
  return {
    children: Number(rows[0]?.children ?? 0),
    top: rows.map((row) => ({
      referralId: row.referralId,
      reference: row.reference,
      referrals: Number(row.referrals),
    })),
  };
}
