import type { TransferRejection, TransferResult } from "@cse/contracts";
import type { Transaction } from "../../db/client.ts";
import type { RequestContext } from "../../services/context.ts";
import type { TriageDependencies } from "../triage/dependencies.ts";
import { applyReferralChange } from "../triage/referral-change.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { closeTransfer, findWaitingTransfer } from "./find-transfer.ts";

type WaitingTransfer = Awaited<ReturnType<typeof findWaitingTransfer>>["transfer"];

/** What differs between refusing and withdrawing; the rest of ending a transfer is one path. */
interface Ending {
  readonly side: "toTeamId" | "fromTeamId";
  readonly action: "transfer.decide" | "transfer.cancel";
  readonly auditAction: "transfer.reject" | "transfer.cancel";
  readonly status: "REJECTED" | "CANCELLED";
  readonly chronology: "TRANSFER_REJECTED" | "TRANSFER_CANCELLED";
  readonly summary: (transfer: WaitingTransfer) => string;
  readonly decisionReason?: string;
  /** Anything more to do in the same transaction (telling whoever asked, for a refusal). */
  readonly alsoDo?: (tx: Transaction, transfer: WaitingTransfer, now: Date) => Promise<void>;
}

/**
 * Ending a transfer without a move: the receiving lead refuses it (with a reason, and whoever
 * asked is told), or the sending team withdraws it. The referral never left the sending team.
 */
export function createCloseTransfer({ db, audit, clock, alerts, file }: TriageDependencies) {
  const end = (
    user: AuthenticatedUser,
    transferId: string,
    context: RequestContext,
    how: Ending,
  ): Promise<TransferResult> =>
    db.$transaction(async (tx) => {
      const { transfer, referral } = await findWaitingTransfer(
        tx,
        { audit, file },
        user,
        transferId,
        how.side,
        how.action,
        context,
      );
      const now = clock.now();
      await closeTransfer(tx, transfer.id, {
        status: how.status,
        decidedById: user.id,
        decidedAt: now,
        ...(how.decisionReason !== undefined ? { decisionReason: how.decisionReason } : {}),
      });
      await alerts.resolveTransferRequested(tx, referral.id, now);
      await how.alsoDo?.(tx, transfer, now);
      await applyReferralChange(
        tx,
        audit,
        user,
        {
          referral,
          chronology: [
            {
              type: how.chronology,
              summary: how.summary(transfer),
              details: { transferId: transfer.id, toTeamId: transfer.toTeamId },
            },
          ],
          audit: {
            action: how.auditAction,
            entityType: "Transfer",
            entityId: transfer.id,
            details: { fromTeamId: transfer.fromTeamId, toTeamId: transfer.toTeamId },
          },
        },
        context,
        now,
      );
      return {
        id: transfer.id,
        referralId: referral.id,
        status: how.status,
        toTeam: transfer.toTeam,
        decisionDueAt: null,
      };
    });

  return {
    reject: (user: AuthenticatedUser, transferId: string, rejection: TransferRejection, context: RequestContext) =>
      end(user, transferId, context, {
        side: "toTeamId",
        action: "transfer.decide",
        auditAction: "transfer.reject",
        status: "REJECTED",
        decisionReason: rejection.reason,
        chronology: "TRANSFER_REJECTED",
        summary: (transfer) => `${transfer.toTeam.name} refused the transfer: ${rejection.reason}`,
        alsoDo: (tx, transfer, now) => alerts.raiseTransferAnswered(tx, transfer, "TRANSFER_REJECTED", now),
      }),

    cancel: (user: AuthenticatedUser, transferId: string, context: RequestContext) =>
      end(user, transferId, context, {
        side: "fromTeamId",
        action: "transfer.cancel",
        auditAction: "transfer.cancel",
        status: "CANCELLED",
        chronology: "TRANSFER_CANCELLED",
        summary: (transfer) =>
          `${user.displayName} withdrew the request for ${transfer.toTeam.name} to take the referral`,
      }),
  };
}
