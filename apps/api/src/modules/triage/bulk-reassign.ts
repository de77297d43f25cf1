import type { BulkReassignOutcome, BulkReassignRequest, BulkReassignResult } from "@cse/contracts/oversight";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { recordAssignment } from "./assign.ts";

/**
 * A lead gives several referrals to one member of the team, with no cap on how many. Each
 * referral is its own transaction through the access gateway, with its own chronology entry
 * and audit entry, exactly as a single reassignment: so the results are per item (one the
 * lead cannot see, or that moved on meanwhile, does not undo the others), and the audit
 * chain's lock is held for one referral at a time, never for the whole batch.
 */
export function createBulkReassign({ db, audit, clock, alerts, file }: TriageDependencies) {
  async function reassignOne(
    user: AuthenticatedUser,
    referralId: string,
    assignee: { id: string; displayName: string },
    context: RequestContext,
  ): Promise<{ outcome: BulkReassignOutcome; reference: string | null }> {
    return db.$transaction(async (tx) => {
      const { referral, triage } = await file.loadState(tx, user, referralId, "referral.reassign", context);
      const { reference } = await tx.referral.findUniqueOrThrow({
        where: { id: referral.id },
        select: { reference: true },
      });
      try {
        assertActionOpen(user, triage, "reassign");
      } catch (error) {
        if (error instanceof Conflict) return { outcome: "not-open", reference };
        throw error;
      }
      if (referral.assigneeId === assignee.id) return { outcome: "unchanged", reference };
      await recordAssignment(
        { audit, clock, alerts },
        tx,
        user,
        referral,
        assignee,
        { claiming: false, bulk: true },
        context,
      );
      return { outcome: "reassigned", reference };
    });
  }

  /** The gateway's 404 (not the team's, or no such referral), or a change that lost a race. */
  function outcomeOfRefusal(error: unknown): BulkReassignOutcome {
    if (error instanceof NotFound) return "not-found";
    if (error instanceof Conflict) return "conflict";
    throw error;
  }

  return async function bulkReassign(
    user: AuthenticatedUser,
    request: BulkReassignRequest,
    context: RequestContext,
  ): Promise<BulkReassignResult> {
    if (user.role !== "LEAD" || !user.team) throw new Forbidden("Only a team's lead may reassign referrals.");
    const assignee = await db.user.findFirst({
      where: { id: request.assigneeId, teamId: user.team.id, role: { in: ["TRIAGE", "LEAD"] }, status: "ACTIVE" },
      select: { id: true, displayName: true },
    });
    if (!assignee) throw new ValidationFailed([{ path: "assigneeId", message: "Choose a member of the team" }]);
    const results: BulkReassignResult["results"] = [];
    // One after another: each holds the audit chain's lock briefly, and other people's work
    // interleaves between them instead of queuing behind the whole batch.
    for (const referralId of new Set(request.referralIds)) {
      try {
        const { outcome, reference } = await reassignOne(user, referralId, assignee, context);
        results.push({ referralId, reference, outcome });
      } catch (error) {
        results.push({ referralId, reference: null, outcome: outcomeOfRefusal(error) });
      }
    }
    return {
      assignee: { id: assignee.id, name: assignee.displayName },
      reassigned: results.filter((result) => result.outcome === "reassigned").length,
      results,
    };
  };
}
