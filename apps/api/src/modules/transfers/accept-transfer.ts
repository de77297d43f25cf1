import type { TransferResult } from "@cse/contracts";
import { decisionDueAt, redEscalationDueAt } from "@cse/domain";
import { Conflict } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import { bankHolidayExceptions } from "../referrals/working-calendar.ts";
import type { TriageDependencies } from "../triage/dependencies.ts";
import { applyReferralChange } from "../triage/referral-change.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { closeTransfer, findWaitingTransfer } from "./find-transfer.ts";

/**
 * The receiving lead accepts: in one transaction the referral, its history and its duties move
 * to their team. The assignee is cleared (nobody in the new team holds it yet), the sending
 * team's open alerts are resolved and, for a RED referral, the new team's members are alerted
 * afresh (an alert always belongs to the team that must act on it), and the statutory decision
 * clock restarts from the acceptance: the new team has its own working day to decide.
 */
export function createAcceptTransfer({ db, audit, clock, alerts, file }: TriageDependencies) {
  return async function acceptTransfer(
    user: AuthenticatedUser,
    transferId: string,
    context: RequestContext,
  ): Promise<TransferResult> {
    return db.$transaction(async (tx) => {
      const { transfer, referral, triage } = await findWaitingTransfer(
        tx,
        { audit, file },
        user,
        transferId,
        "toTeamId",
        "transfer.decide",
        context,
      );
      if (triage.status !== "SUBMITTED" && triage.status !== "IN_TRIAGE")
        throw new Conflict(
          "The sending team has recorded a decision since asking: this referral can no longer be transferred. Refuse the transfer with a reason.",
        );
      const now = clock.now();
      const dueAt = decisionDueAt(now, await bankHolidayExceptions(tx));
      await closeTransfer(tx, transfer.id, { status: "ACCEPTED", decidedById: user.id, decidedAt: now });
      await alerts.resolveForReferral(tx, referral.id, now);
      await alerts.resolveTransferRequested(tx, referral.id, now);
      await applyReferralChange(
        tx,
        audit,
        user,
        {
          referral,
          update: {
            teamId: transfer.toTeamId,
            assigneeId: null,
            assignedAt: null,
            status: "SUBMITTED",
            routingMethod: "TRANSFER",
            decisionDueAt: dueAt,
            redEscalationDueAt: referral.risk === "RED" ? redEscalationDueAt(now) : null,
            // A new team and a new clock: its escalations are its own.
            escalatedAt: null,
            redEscalatedAt: null,
          },
          chronology: [
            {
              type: "TRANSFER_ACCEPTED",
              summary: `${transfer.toTeam.name} accepted the transfer from ${transfer.fromTeam.name}. The decision clock restarted from the acceptance.`,
              details: {
                transferId: transfer.id,
                fromTeamId: transfer.fromTeamId,
                toTeamId: transfer.toTeamId,
                decisionDueAt: dueAt.toISOString(),
              },
            },
          ],
          // Recorded against the receiving team, the referral's owner from now on.
          audit: {
            action: "transfer.accept",
            entityType: "Transfer",
            entityId: transfer.id,
            teamId: transfer.toTeamId,
            details: { fromTeamId: transfer.fromTeamId, toTeamId: transfer.toTeamId },
          },
        },
        context,
        now,
      );
      if (referral.risk === "RED")
        await alerts.raiseRedReferral(tx, { id: referral.id, teamId: transfer.toTeamId }, now);
      await alerts.raiseTransferAnswered(tx, transfer, "TRANSFER_ACCEPTED", now);
      return {
        id: transfer.id,
        referralId: referral.id,
        status: "ACCEPTED" as const,
        toTeam: transfer.toTeam,
        decisionDueAt: dueAt.toISOString(),
      };
    });
  };
}
