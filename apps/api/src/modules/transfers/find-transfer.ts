import type { Transaction } from "../../db/client.ts";
import { Conflict, NotFound } from "../../errors.ts";
import type { TransferStatus } from "../../generated/prisma/enums.ts";
import type { ReferralAction } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { LoadedState, TeamFileService } from "../triage/file-service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

export const TRANSFER_NOT_FOUND = "There is no transfer with that id that you can answer.";

const STATUS_WORDS: Record<TransferStatus, string> = {
  PENDING: "is waiting",
  ACCEPTED: "has already been accepted",
  REJECTED: "has already been refused",
  CANCELLED: "has been withdrawn",
};

export const transferSelect = {
  id: true,
  referralId: true,
  fromTeamId: true,
  toTeamId: true,
  status: true,
  requestedById: true,
  fromTeam: { select: { id: true, name: true } },
  toTeam: { select: { id: true, name: true } },
} as const;

/**
 * A waiting transfer on the side named (the receiving team answers it, the sending team
 * withdraws it), with its referral's state loaded through the access gateway for the action.
 * Someone on neither side hears 404, audited; an answered transfer is a 409 for its own teams.
 */
export async function findWaitingTransfer(
  tx: Transaction,
  deps: { audit: AuditService; file: TeamFileService },
  user: AuthenticatedUser,
  transferId: string,
  side: "toTeamId" | "fromTeamId",
  action: Extract<ReferralAction, "transfer.decide" | "transfer.cancel">,
  context: RequestContext,
) {
  const transfer = user.team
    ? await tx.transfer.findFirst({ where: { id: transferId, [side]: user.team.id }, select: transferSelect })
    : null;
  if (!transfer) {
    await deps.audit.recordAlone({
      actor: user,
      action,
      outcome: "DENIED",
      entityType: "Transfer",
      entityId: transferId,
      requestId: context.requestId,
      details: { reason: "not-permitted-or-missing" },
    });
    throw new NotFound(TRANSFER_NOT_FOUND);
  }
  if (transfer.status !== "PENDING") throw new Conflict(`This transfer ${STATUS_WORDS[transfer.status]}.`);
  // The gateway: the receiving lead reaches the referral only through the waiting transfer,
  // the sending team only while it still holds the referral.
  const state: LoadedState = await deps.file.loadState(tx, user, transfer.referralId, action, context);
  return { transfer, ...state };
}

/** Marks the transfer answered, unless someone answered or withdrew it first. */
export async function closeTransfer(
  tx: Transaction,
  transferId: string,
  data: { status: Exclude<TransferStatus, "PENDING">; decidedById: string; decidedAt: Date; decisionReason?: string },
): Promise<void> {
  const { count } = await tx.transfer.updateMany({ where: { id: transferId, status: "PENDING" }, data });
  if (count !== 1) throw new Conflict("Someone else answered or withdrew this transfer first. Reload and try again.");
}
