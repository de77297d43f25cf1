import type { TeamReferralDetail } from "@cse/contracts";
import type { Transaction } from "../../db/client.ts";
import { ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange, type ReferralState } from "./referral-change.ts";

/**
 * Gives the referral to a member of its team, in the caller's transaction: its open alerts are
 * resolved, and the change is written with its chronology entry and audit entry. One way for a
 * claim, a reassignment and each referral of a bulk reassignment alike.
 */
export async function recordAssignment(
  { audit, clock, alerts }: Pick<TriageDependencies, "audit" | "clock" | "alerts">,
  tx: Transaction,
  user: AuthenticatedUser,
  referral: ReferralState,
  assignee: { id: string; displayName: string },
  how: { claiming: boolean; bulk?: boolean },
  context: RequestContext,
): Promise<void> {
  const now = clock.now();
  const details = {
    assigneeId: assignee.id,
    previousAssigneeId: referral.assigneeId,
    ...(how.bulk ? { bulk: true } : {}),
  };
  await alerts.resolveForReferral(tx, referral.id, now);
  await applyReferralChange(
    tx,
    audit,
    user,
    {
      referral,
      update: { assigneeId: assignee.id, assignedAt: now, status: "IN_TRIAGE" },
      chronology: [
        {
          type: "ASSIGNED",
          summary: how.claiming ? `${user.displayName} took the referral` : `Assigned to ${assignee.displayName}`,
          details,
        },
      ],
      audit: { action: how.claiming ? "referral.assign" : "referral.reassign", details },
    },
    context,
    now,
  );
}

/**
 * Claim a referral ("assign to me"), or, for a lead, give it to any member of the team. The
 * assignee must belong to the owning team: checked here for a clear answer, and enforced by a
 * database trigger whatever the application does.
 */
export function createAssignReferral({ db, audit, clock, alerts, file }: TriageDependencies) {
  return async function assign(
    user: AuthenticatedUser,
    referralId: string,
    requestedAssigneeId: string | undefined,
    context: RequestContext,
  ): Promise<TeamReferralDetail> {
    const assigneeId = requestedAssigneeId ?? user.id;
    const claiming = assigneeId === user.id;
    await db.$transaction(async (tx) => {
      const { referral, triage } = await file.loadState(
        tx,
        user,
        referralId,
        claiming ? "referral.assign" : "referral.reassign",
        context,
      );
      // Taking a referral somebody else holds is a reassignment, which only a lead may do.
      const action = claiming && (triage.assigneeId === null || user.role !== "LEAD") ? "assign-self" : "reassign";
      assertActionOpen(user, triage, action);
      const assignee = await tx.user.findFirst({
        where: { id: assigneeId, teamId: referral.teamId, role: { in: ["TRIAGE", "LEAD"] }, status: "ACTIVE" },
        select: { id: true, displayName: true },
      });
      if (!assignee) throw new ValidationFailed([{ path: "assigneeId", message: "Choose a member of the team" }]);
      if (assignee.id === referral.assigneeId)
        throw new ValidationFailed([
          { path: "assigneeId", message: `The referral is already assigned to ${assignee.displayName}` },
        ]);
      await recordAssignment({ audit, clock, alerts }, tx, user, referral, assignee, { claiming }, context);
    });
    return file.read(user, referralId, context);
  };
}
