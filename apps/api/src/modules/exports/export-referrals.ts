import type { Readable } from "node:stream";
import type { ReferralExportRequest } from "@cse/contracts/oversight";
import { addDays, startOfLondonDay } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { Forbidden } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { referralScope } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { exportRowSelect, type ExportRow } from "./columns.ts";
import { csvStream } from "./csv.ts";

/** Rows read per query while streaming: memory stays flat however large the team. */
const BATCH = 250;

export interface ReferralExport {
  readonly filename: string;
  readonly rows: number;
  readonly csv: Readable;
}

/**
 * A CSV of the lead's team's referrals submitted between two dates (inclusive, London days).
 * The audit entry (filter, row count, reason, and every referral's id, so each referral's own
 * trail shows the export) is written before a single row leaves: an export that was served
 * was always recorded. The rows are then streamed in batches, each read again through the
 * policy's scope, so a referral that left the team in between is left out rather than leaked.
 */
export function createReferralExport({ db, audit }: { db: Database; audit: AuditService }) {
  return async function exportReferrals(
    user: AuthenticatedUser,
    request: ReferralExportRequest,
    context: RequestContext,
  ): Promise<ReferralExport> {
    const scope = referralScope(user, "referral.export");
    if (!user.team || !("teamId" in scope)) throw new Forbidden("Only a team's lead may export its referrals.");
    const where: Prisma.ReferralWhereInput = {
      AND: [
        scope,
        { submittedAt: { gte: startOfLondonDay(request.from), lt: startOfLondonDay(addDays(request.to, 1)) } },
      ],
    };
    const orderBy = [
      { submittedAt: "asc" },
      { id: "asc" },
    ] as const satisfies Prisma.ReferralOrderByWithRelationInput[];
    const ids = (await db.referral.findMany({ where, select: { id: true }, orderBy: [...orderBy] })).map(
      (row) => row.id,
    );
    await audit.recordAlone({
      actor: user,
      action: "referral.export",
      entityType: "Export",
      teamId: user.team.id,
      requestId: context.requestId,
      details: {
        from: request.from,
        to: request.to,
        includeFreeText: request.includeFreeText,
        // Why the lead needs the export; asked for (and required) only with free text.
        reason: request.reason,
        rows: ids.length,
        referralIds: ids,
      },
    });
    async function* rows(): AsyncGenerator<ExportRow> {
      for (let start = 0; start < ids.length; start += BATCH) {
        const batch = ids.slice(start, start + BATCH);
        yield* await db.referral.findMany({
          where: { id: { in: batch }, AND: [scope] },
          select: exportRowSelect,
          orderBy: [...orderBy],
        });
      }
    }
    return {
      filename: `referrals-${user.team.code}-${request.from}-to-${request.to}.csv`,
      rows: ids.length,
      csv: csvStream(rows(), request.includeFreeText),
    };
  };
}

export type ExportReferrals = ReturnType<typeof createReferralExport>;
