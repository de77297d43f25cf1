import type { TeamReferralDetail, TransferRequest } from "@cse/contracts";
import { isUniqueViolation } from "../../db/errors.ts";
import { Conflict, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import { assertActionOpen } from "../triage/actions.ts";
import type { TriageDependencies } from "../triage/dependencies.ts";
import { applyReferralChange } from "../triage/referral-change.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

export const ONE_PENDING_TRANSFER = "A transfer of this referral is already waiting for the other team's lead.";

/**
 * A triage member or lead asks another district team to take a referral, with a reason. Nothing
 * moves yet: the team keeps the referral, its clock and its duties until the other lead
 * accepts (statutory guidance: one team always owns the child's referral). That lead is told.
 */
export function createRequestTransfer({ db, audit, clock, alerts, file }: TriageDependencies) {
  return async function requestTransfer(
    user: AuthenticatedUser,
    referralId: string,
    request: TransferRequest,
    context: RequestContext,
  ): Promise<TeamReferralDetail> {
    return db.$transaction(async (tx) => {
      const { referral, triage } = await file.loadState(tx, user, referralId, "transfer.request", context);
      assertActionOpen(user, triage, "request-transfer");
      const [toTeam, fromTeam] = await Promise.all([
        tx.team.findFirst({
          where: { id: request.teamId, isHub: false, NOT: { id: referral.teamId } },
          select: { id: true, name: true },
        }),
        tx.team.findUniqueOrThrow({ where: { id: referral.teamId }, select: { name: true } }),
      ]);
      if (!toTeam) throw new ValidationFailed([{ path: "teamId", message: "Choose another district team" }]);
      const now = clock.now();
      const transfer = await tx.transfer
        .create({
          data: {
            referralId,
            fromTeamId: referral.teamId,
            toTeamId: toTeam.id,
            reason: request.reason,
            requestedById: user.id,
            requestedAt: now,
          },
          select: { id: true },
        })
        .catch((error: unknown) => {
          // The one-pending index: another transfer was asked for at the same moment.
          if (isUniqueViolation(error)) throw new Conflict(ONE_PENDING_TRANSFER);
          throw error;
        });
      await alerts.raiseTransferRequested(tx, { id: transfer.id, referralId, toTeamId: toTeam.id }, now);
      await applyReferralChange(
        tx,
        audit,
        user,
        {
          referral,
          chronology: [
            {
              type: "TRANSFER_REQUESTED",
              summary: `Asked ${toTeam.name} to take the referral from ${fromTeam.name}: ${request.reason}`,
              details: { transferId: transfer.id, fromTeamId: referral.teamId, toTeamId: toTeam.id },
            },
          ],
          audit: {
            action: "transfer.request",
            entityType: "Transfer",
            entityId: transfer.id,
            details: { fromTeamId: referral.teamId, toTeamId: toTeam.id },
          },
        },
        context,
        now,
      );
      return file.readWithin(tx, user, referralId, context);
    });
  };
}
