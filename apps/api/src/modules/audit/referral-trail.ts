import type { AuditTrailEntry, AuditTrailPage, AuditTrailQuery } from "@cse/contracts/oversight";
import type { Database } from "../../db/client.ts";
import type { AuditOutcome, Role } from "../../generated/prisma/enums.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import type { AuditService } from "./service.ts";
import { trailKindOf } from "./trail-kinds.ts";

interface TrailRow {
  id: bigint;
  occurredAt: Date;
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  outcome: AuditOutcome;
  referralId: string | null;
  details: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

function exportOf(row: TrailRow): AuditTrailEntry["export"] {
  if (row.action !== "referral.export") return null;
  const details = row.details;
  return {
    from: text(details["from"]) ?? "",
    to: text(details["to"]) ?? "",
    rows: typeof details["rows"] === "number" ? details["rows"] : 0,
    includeFreeText: details["includeFreeText"] === true,
    reason: text(details["reason"]),
  };
}

/**
 * A lead's view of one referral's audit trail: every entry that names it (its own reads,
 * changes and refusals, and every list and export it appeared in), newest first, a page at a
 * time. The referral is reached through the access gateway (the lead's team's only; anyone
 * else hears 404, and the refusal is audited), and each page viewed is itself an entry.
 */
export function createReferralTrail({
  db,
  audit,
  access,
}: {
  db: Database;
  audit: AuditService;
  access: ReferralAccess;
}) {
  return async function readReferralTrail(
    user: AuthenticatedUser,
    query: AuditTrailQuery,
    context: RequestContext,
  ): Promise<AuditTrailPage> {
    const referral = await access.find(db, user, query.referralId, "referral.audit", context, {
      id: true,
      reference: true,
      teamId: true,
    });
    await audit.recordAlone({
      actor: user,
      action: "referral.audit",
      entityType: "Referral",
      entityId: referral.id,
      referralId: referral.id,
      teamId: referral.teamId,
      requestId: context.requestId,
      details: { cursor: query.cursor ?? null },
    });
    const before = query.cursor ? BigInt(query.cursor) : null;
    // Keyset on the entry's id, which is chain order: the index (referralId, auditEventId)
    // answers each page as one range, however long the trail.
    const rows = await db.$queryRaw<TrailRow[]>`
      SELECT e."id", e."occurredAt", e."actorId", e."actorRole", e."action", e."outcome", e."referralId", e."details"
        FROM "AuditEventReferral" AS r
        JOIN "AuditEvent" AS e ON e."id" = r."auditEventId"
       WHERE r."referralId" = ${referral.id}::uuid
         AND (${before}::bigint IS NULL OR r."auditEventId" < ${before}::bigint)
       ORDER BY r."auditEventId" DESC
       LIMIT ${query.limit + 1}`;
    const page = rows.slice(0, query.limit);
    const actorIds = [...new Set(page.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
    const actors = await db.user.findMany({
      where: { id: { in: actorIds } },
      select: {
        id: true,
        displayName: true,
        team: { select: { name: true } },
        organisation: { select: { agency: true } },
      },
    });
    const actorById = new Map(actors.map((actor) => [actor.id, actor]));
    const entries = page.map((row): AuditTrailEntry => {
      const actor = row.actorId ? actorById.get(row.actorId) : undefined;
      return {
        id: row.id.toString(),
        occurredAt: row.occurredAt.toISOString(),
        kind: trailKindOf(row, referral.id),
        action: row.action,
        actor: actor
          ? {
              id: actor.id,
              name: actor.displayName,
              role: row.actorRole,
              team: actor.team?.name ?? null,
              agency: actor.organisation.agency,
            }
          : null,
        refusal: row.outcome === "DENIED" ? text(row.details["reason"]) : null,
        export: exportOf(row),
      };
    });
    const last = page[page.length - 1];
    return {
      referral: { id: referral.id, reference: referral.reference },
      entries,
      nextCursor: rows.length > query.limit && last ? last.id.toString() : null,
    };
  };
}

export type ReadReferralTrail = ReturnType<typeof createReferralTrail>;
