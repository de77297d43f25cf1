import type { Transaction } from "../../db/client.ts";
import { Conflict } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ChronologyEventType, ReferralStatus, RiskRating } from "../../generated/prisma/enums.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditDetails, AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

export interface ChronologyEntry {
  readonly type: ChronologyEventType;
  readonly summary: string;
  readonly details?: Prisma.InputJsonObject;
}

/** The fields every triage decision is based on: if any moved, the decision is stale. */
export interface ReferralState {
  readonly id: string;
  readonly teamId: string;
  readonly status: ReferralStatus;
  readonly assigneeId: string | null;
  readonly risk: RiskRating;
}

export const referralStateSelect = {
  id: true,
  teamId: true,
  status: true,
  assigneeId: true,
  risk: true,
} as const satisfies Prisma.ReferralSelect;

export interface ReferralChange {
  readonly referral: ReferralState;
  /**
   * Fields of the referral to change (status among them), or nothing for a change that only
   * adds to its history (a note). Applied only if the referral is as it was when the change was
   * decided on: otherwise someone else got there first, and nothing is written.
   */
  readonly update?: Prisma.ReferralUncheckedUpdateManyInput;
  readonly chronology: readonly ChronologyEntry[];
  readonly audit: {
    readonly action: string;
    readonly entityType?: string;
    readonly entityId?: string;
    readonly teamId?: string;
    readonly details?: AuditDetails;
  };
}

/**
 * The one way a referral changes: its fields (status included), its chronology and the audit
 * entry, written together in the caller's transaction. A status is never set by a bare update.
 */
export async function applyReferralChange(
  tx: Transaction,
  audit: AuditService,
  actor: AuthenticatedUser,
  change: ReferralChange,
  context: RequestContext,
  now: Date,
): Promise<void> {
  const { referral } = change;
  if (change.update) {
    // Optimistic concurrency on the state the change was decided on: a claim racing another
    // claim, or a decision racing a reassignment, finds the row changed and writes nothing.
    const { count } = await tx.referral.updateMany({
      where: {
        id: referral.id,
        teamId: referral.teamId,
        status: referral.status,
        assigneeId: referral.assigneeId,
        risk: referral.risk,
      },
      data: { ...change.update, updatedAt: now },
    });
    if (count !== 1)
      throw new Conflict("Someone else changed this referral while you were working on it. Reload it and try again.");
  }
  if (change.chronology.length > 0) {
    await tx.chronologyEvent.createMany({
      data: change.chronology.map((entry) => ({
        referralId: referral.id,
        type: entry.type,
        actorId: actor.id,
        occurredAt: now,
        summary: entry.summary,
        details: entry.details ?? {},
      })),
    });
  }
  // Last, so that the audit trail's serialised append is the final statement before commit.
  await audit.record(tx, {
    actor,
    action: change.audit.action,
    entityType: change.audit.entityType ?? "Referral",
    entityId: change.audit.entityId ?? referral.id,
    referralId: referral.id,
    teamId: change.audit.teamId ?? referral.teamId,
    requestId: context.requestId,
    ...(change.audit.details ? { details: change.audit.details } : {}),
  });
}
