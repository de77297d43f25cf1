import type { TeamReferralDetail } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import { noteVisibilityScope, type ReferralAction } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { availableActions, type TriageState } from "./actions.ts";
import { teamFileIncludeFor, toTeamFile } from "./file-view.ts";
import { referralStateSelect, type ReferralState } from "./referral-change.ts";
import { bankHolidayExceptions } from "../referrals/working-calendar.ts";
import { transferIsOverdue } from "../transfers/overdue.ts";

export const triageStateSelect = {
  ...referralStateSelect,
  team: { select: { isHub: true } },
  _count: {
    select: {
      riskOverrides: { where: { status: "PENDING_APPROVAL" } },
      transfers: { where: { status: "PENDING" } },
    },
  },
} as const;

export interface LoadedState {
  readonly referral: ReferralState;
  readonly triage: TriageState;
}

/**
 * The referral file as the owning team reads it. Every read is audited in the same
 * transaction as the read itself.
 */
export function createTeamFileService({
  db,
  audit,
  access,
  clock,
}: {
  db: Database;
  audit: AuditService;
  access: ReferralAccess;
  clock: Clock;
}) {
  /** Loads what a triage action decides on, through the access gateway for that action. */
  async function loadState(
    tx: Transaction,
    user: AuthenticatedUser,
    id: string,
    action: ReferralAction,
    context: RequestContext,
  ): Promise<LoadedState> {
    const row = await access.find(tx, user, id, action, context, triageStateSelect);
    return {
      referral: { id: row.id, teamId: row.teamId, status: row.status, assigneeId: row.assigneeId, risk: row.risk },
      triage: {
        status: row.status,
        assigneeId: row.assigneeId,
        teamIsHub: row.team.isHub,
        hasPendingRiskOverride: row._count.riskOverrides > 0,
        hasPendingTransfer: row._count.transfers > 0,
      },
    };
  }

  /** Reads the file inside the caller's transaction, and records the read there too. */
  async function readWithin(
    tx: Transaction,
    user: AuthenticatedUser,
    id: string,
    context: RequestContext,
  ): Promise<TeamReferralDetail> {
    const row = await access.findIncluding(
      tx,
      user,
      id,
      "referral.read-as-team",
      context,
      teamFileIncludeFor(noteVisibilityScope(user)),
    );
    const notes = row.notes;
    const now = clock.now();
    const pendingTransfer = row.transfers.find((transfer) => transfer.status === "PENDING") ?? null;
    const pendingTransferOverdue = pendingTransfer
      ? transferIsOverdue(pendingTransfer.requestedAt, await bankHolidayExceptions(tx), now)
      : false;
    const actions = availableActions(user, {
      status: row.status,
      assigneeId: row.assigneeId,
      teamIsHub: row.team.isHub,
      hasPendingRiskOverride: row.riskOverrides.length > 0,
      hasPendingTransfer: pendingTransfer !== null,
    });
    const assignableMembers = actions.includes("reassign")
      ? await tx.user.findMany({
          where: { teamId: row.teamId, role: { in: ["TRIAGE", "LEAD"] }, status: "ACTIVE" },
          orderBy: { displayName: "asc" },
          select: { id: true, displayName: true },
        })
      : [];
    const routableTeams = actions.includes("route-from-hub")
      ? await tx.team.findMany({ where: { isHub: false }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : [];
    const transferTeams = actions.includes("request-transfer")
      ? await tx.team.findMany({
          where: { isHub: false, id: { not: row.teamId } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [];
    const approvedBy = row.decisionApprovedById
      ? await tx.user.findUnique({ where: { id: row.decisionApprovedById }, select: { id: true, displayName: true } })
      : null;
    await audit.record(tx, {
      actor: user,
      action: "referral.read",
      entityType: "Referral",
      entityId: id,
      referralId: id,
      teamId: row.teamId,
      requestId: context.requestId,
      details: { audience: "team", notesShown: notes.length },
    });
    return toTeamFile(
      user,
      row,
      { notes, actions, assignableMembers, routableTeams, approvedBy, transferTeams, pendingTransferOverdue },
      now,
    );
  }

  return {
    loadState,
    readWithin,
    async read(user: AuthenticatedUser, id: string, context: RequestContext): Promise<TeamReferralDetail> {
      return db.$transaction((tx) => readWithin(tx, user, id, context));
    },
  };
}

export type TeamFileService = ReturnType<typeof createTeamFileService>;
