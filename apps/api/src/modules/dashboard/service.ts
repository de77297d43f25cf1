import { type OpenReferralStatus, type RiskRating } from "@cse/contracts";
import { DECISION_TARGET_SHARE, ENGLAND_REREFERRAL_SHARE, type Dashboard } from "@cse/contracts/dashboard";
import { addDays, dayOfWeek, endOfLondonDay, londonDateOf } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { Forbidden } from "../../errors.ts";
import { referralScope } from "../../policy/policy.ts";
import { roleMay } from "../../policy/permissions.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { readTopConcerns } from "./concern-figures.ts";
import { readDecidedSince, readDecisionWeeks } from "./decision-figures.ts";
import { readOpenReferralCounts, type OpenReferralCounts } from "./open-figures.ts";
import { readRepeatChildren, readReReferrals } from "./rereferral-figures.ts";

export const DASHBOARD_WEEKS = 26;
const STATUSES: readonly OpenReferralStatus[] = ["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL"];
const RISKS: readonly RiskRating[] = ["RED", "AMBER", "GREEN"];

const sum = (rows: readonly OpenReferralCounts[], pick: (row: OpenReferralCounts) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);

/** The team's oversight figures for its lead and members (DESIGN §1.4; docs/dashboard.md). */
export function createDashboardService({ db, audit, clock }: { db: Database; audit: AuditService; clock: Clock }) {
  /** Per-person figures are the lead's, for managing the team; members see the team's totals. */
  async function readWorkloadParts(user: AuthenticatedUser, teamId: string, today: string) {
    if (!roleMay(user.role, "dashboard.workload")) return null;
    const [members, decided] = await Promise.all([
      db.user.findMany({
        where: { teamId, role: { in: ["TRIAGE", "LEAD"] }, disabledAt: null },
        select: { id: true, displayName: true },
        orderBy: { displayName: "asc" },
      }),
      readDecidedSince(db, teamId, `${today.slice(0, 8)}01`),
    ]);
    return { members, decided };
  }

  return async function readDashboard(user: AuthenticatedUser, context: RequestContext): Promise<Dashboard> {
    const scope = referralScope(user, "dashboard.read");
    if (!user.team || !("teamId" in scope)) throw new Forbidden("Only members of a team have a dashboard.");
    const teamId = user.team.id;
    const now = clock.now();
    const today = londonDateOf(now);
    const thisMonday = addDays(today, -((dayOfWeek(today) + 6) % 7));
    const firstMonday = addDays(thisMonday, -7 * (DASHBOARD_WEEKS - 1));
    const endOfToday = new Date(endOfLondonDay(today).getTime() + 1);

    const [open, weeks, reReferrals, repeatChildren, concerns, workloadParts] = await Promise.all([
      readOpenReferralCounts(db, teamId, now, endOfToday),
      readDecisionWeeks(db, teamId, firstMonday, DASHBOARD_WEEKS),
      readReReferrals(db, teamId, today),
      readRepeatChildren(db, teamId, today),
      readTopConcerns(db, teamId),
      readWorkloadParts(user, teamId, today),
    ]);
    const workload =
      workloadParts?.members.map((member) => ({
        member: { id: member.id, name: member.displayName },
        openAssigned: sum(
          open.filter((row) => row.assigneeId === member.id),
          (row) => row.count,
        ),
        decidedThisMonth: workloadParts.decided.get(member.id) ?? 0,
      })) ?? null;

    // Audited although it is mostly counts: it names people, phones and places of concern and
    // the references of children referred again, which are facts from referrals (docs/dashboard.md).
    await audit.recordAlone({
      actor: user,
      action: "dashboard.read",
      entityType: "Team",
      entityId: teamId,
      teamId,
      requestId: context.requestId,
      details: { workload: workload !== null, referralIds: repeatChildren.top.map((child) => child.referralId) },
    });

    return {
      team: { id: teamId, name: user.team.name },
      generatedAt: now.toISOString(),
      open: {
        total: sum(open, (row) => row.count),
        byStatus: STATUSES.map((status) => ({
          status,
          count: sum(
            open.filter((row) => row.status === status),
            (row) => row.count,
          ),
        })),
        byRisk: RISKS.map((risk) => ({
          risk,
          count: sum(
            open.filter((row) => row.risk === risk),
            (row) => row.count,
          ),
        })),
        dueToday: sum(open, (row) => row.dueToday),
        overdue: sum(open, (row) => row.overdue),
        redUnassignedOverAnHour: sum(open, (row) => row.redUnclaimed),
      },
      timeToDecision: { target: DECISION_TARGET_SHARE, weeks },
      reReferrals: {
        ...reReferrals,
        share: reReferrals.referrals === 0 ? null : reReferrals.reReferrals / reReferrals.referrals,
        england: ENGLAND_REREFERRAL_SHARE,
      },
      repeatChildren,
      concerns,
      workload,
    };
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
