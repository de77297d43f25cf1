import type { TransferRejection, TransferResult } from "@cse/contracts";
import type { RequestContext } from "../../services/context.ts";
import type { TriageDependencies } from "../triage/dependencies.ts";
import { applyReferralChange } from "../triage/referral-change.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { closeTransfer, findWaitingTransfer } from "./find-transfer.ts";

/**
 * Ending a transfer without a move: the receiving lead refuses it (with a reason, and whoever
 * asked is told), or the sending team withdraws it. The referral never left the sending team.
 */
export function createCloseTransfer({ db, audit, clock, alerts, file }: TriageDependencies) {
  return {
    reject: async (
      user: AuthenticatedUser,
      transferId: string,
      rejection: TransferRejection,
      context: RequestContext,
    ): Promise<TransferResult> =>
      db.$transaction(async (tx) => {
        const { transfer, referral } = await findWaitingTransfer(
          tx,
          { audit, file },
          user,
          transferId,
          "toTeamId",
          "transfer.decide",
          context,
        );
        const now = clock.now();
        await closeTransfer(tx, transfer.id, {
          status: "REJECTED",
          decidedById: user.id,
          decidedAt: now,
          decisionReason: rejection.reason,
        });
        await alerts.resolveTransferRequested(tx, referral.id, now);
        await alerts.raiseTransferRejected(tx, transfer, now);
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            chronology: [
              {
                type: "TRANSFER_REJECTED",
                summary: `${transfer.toTeam.name} refused the transfer: ${rejection.reason}`,
                details: { transferId: transfer.id, toTeamId: transfer.toTeamId },
              },
            ],
            audit: {
              action: "transfer.reject",
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
          status: "REJECTED",
          toTeam: transfer.toTeam,
          decisionDueAt: null,
        };
      }),

    cancel: async (user: AuthenticatedUser, transferId: string, context: RequestContext): Promise<TransferResult> =>
      db.$transaction(async (tx) => {
        const { transfer, referral } = await findWaitingTransfer(
          tx,
          { audit, file },
          user,
          transferId,
          "fromTeamId",
          "transfer.cancel",
          context,
        );
        const now = clock.now();
        await closeTransfer(tx, transfer.id, { status: "CANCELLED", decidedById: user.id, decidedAt: now });
        await alerts.resolveTransferRequested(tx, referral.id, now);
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            chronology: [
              {
                type: "TRANSFER_CANCELLED",
                summary: `${user.displayName} withdrew the request for ${transfer.toTeam.name} to take the referral`,
                details: { transferId: transfer.id, toTeamId: transfer.toTeamId },
              },
            ],
            audit: {
              action: "transfer.cancel",
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
          status: "CANCELLED",
          toTeam: transfer.toTeam,
          decisionDueAt: null,
        };
      }),
  };
}
