import type { TeamReferralDetail } from "@cse/contracts";
import { ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange } from "./referral-change.ts";

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
      const now = clock.now();
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
              summary: claiming ? `${user.displayName} took the referral` : `Assigned to ${assignee.displayName}`,
              details: { assigneeId: assignee.id, previousAssigneeId: referral.assigneeId },
            },
          ],
          audit: {
            action: claiming ? "referral.assign" : "referral.reassign",
            details: { assigneeId: assignee.id, previousAssigneeId: referral.assigneeId },
          },
        },
        context,
        now,
      );
    });
    return file.read(user, referralId, context);
  };
}
