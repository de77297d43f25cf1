import { ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange } from "./referral-change.ts";

/**
 * The hub sends a referral the postcode rules could not route to the district team that owns
 * it (DESIGN §4), with a reason. The district team owns it from then on, unassigned and on the
 * statutory clock that started at receipt; if it is RED, its members are told now.
 */
export function createRouteFromHub({ db, audit, clock, alerts, file }: TriageDependencies) {
  return async function routeFromHub(
    user: AuthenticatedUser,
    referralId: string,
    routing: { teamId: string; reason: string },
    context: RequestContext,
  ): Promise<{ id: string; team: { id: string; name: string } }> {
    return db.$transaction(async (tx) => {
      const { referral, triage } = await file.loadState(tx, user, referralId, "referral.route-from-hub", context);
      assertActionOpen(user, triage, "route-from-hub");
      const team = await tx.team.findFirst({
        where: { id: routing.teamId, isHub: false },
        select: { id: true, name: true },
      });
      if (!team) throw new ValidationFailed([{ path: "teamId", message: "Choose a district team" }]);
      const now = clock.now();
      await alerts.resolveForReferral(tx, referralId, now);
      await alerts.raiseNewReferral(tx, { id: referralId, teamId: team.id, risk: referral.risk }, now);
      await applyReferralChange(
        tx,
        audit,
        user,
        {
          referral,
          update: { teamId: team.id, assigneeId: null, assignedAt: null, status: "SUBMITTED" },
          chronology: [
            {
              type: "ROUTED",
              summary: `Routed by the hub to ${team.name}: ${routing.reason}`,
              details: { fromTeamId: referral.teamId, teamId: team.id, method: "HUB" },
            },
          ],
          // Recorded against the receiving team too, so its lead's audit view shows the arrival.
          audit: {
            action: "referral.route-from-hub",
            teamId: team.id,
            details: { fromTeamId: referral.teamId, toTeamId: team.id },
          },
        },
        context,
        now,
      );
      return { id: referralId, team };
    });
  };
}
