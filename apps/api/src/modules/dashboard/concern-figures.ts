import type { ConcernIdentifierKind } from "@cse/contracts/dashboard";
import type { Database } from "../../db/client.ts";

export const CONCERN_KINDS: readonly ConcernIdentifierKind[] = ["PERSON_NAME", "PHONE", "VEHICLE", "HANDLE", "ADDRESS"];
const PER_KIND = 5;

/**
 * The people, phones, vehicles, handles and places of concern named in the most of the team's
 * referrals (two or more: one referral is no pattern), the top of each kind from the index on
 * "DashboardIdentifierCount".
 */
export async function readTopConcerns(
  db: Database,
  teamId: string,
): Promise<{ kind: ConcernIdentifierKind; value: string; referrals: number }[]> {
  const rows = await db.$queryRaw<{ kind: ConcernIdentifierKind; value: string; referrals: number }[]>`
    SELECT k."kind", top."value", top."referrals"
    FROM unnest(${CONCERN_KINDS}::"IdentifierKind"[]) WITH ORDINALITY AS k("kind", "position")
    CROSS JOIN LATERAL (
      SELECT "value", "referrals" FROM "DashboardIdentifierCount"
      WHERE "teamId" = ${teamId}::uuid AND "kind" = k."kind" AND "referrals" >= 2
      ORDER BY "referrals" DESC
      LIMIT ${PER_KIND}
    ) top
    ORDER BY k."position", top."referrals" DESC, top."value"`;
  return rows;
}
