import type { TeamReferralDetail } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import type { ReferralAction } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { availableActions, type TriageState } from "./actions.ts";
import { parseFileDocument, teamFileStatement } from "./file-query.ts";
import { toTeamFile } from "./file-view.ts";
import { referralStateSelect, type ReferralState } from "./referral-change.ts";
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
 * statement as the read itself.
 */
export function createTeamFileService({ db, access, clock }: { db: Database; access: ReferralAccess; clock: Clock }) {
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

  /**
   * Reads the file, and records the read, in one statement (file-query.ts): inside the caller's
   * transaction when there is one, or as a transaction of its own.
   */
  async function readWithin(
    client: Database | Transaction,
    user: AuthenticatedUser,
    id: string,
    context: RequestContext,
  ): Promise<TeamReferralDetail> {
    const now = clock.now();
    const { document } = await access.findByStatement<{ document: string }>(
      client,
      user,
      id,
      "referral.read-as-team",
      context,
      (scope) =>
        teamFileStatement(
          user,
          id,
          scope,
          {
            actor: user,
            action: "referral.read",
            entityType: "Referral",
            requestId: context.requestId,
            details: { audience: "team" },
          },
          new Date(),
        ),
    );
    const row = parseFileDocument(document);
    const pendingTransfer = row.transfers.find((transfer) => transfer.status === "PENDING") ?? null;
    const pendingTransferOverdue = pendingTransfer
      ? transferIsOverdue(pendingTransfer.requestedAt, row.bankHolidayExceptions ?? [], now)
      : false;
    const actions = availableActions(user, {
      status: row.status,
      assigneeId: row.assigneeId,
      teamIsHub: row.team.isHub,
      hasPendingRiskOverride: row.riskOverrides.length > 0,
      hasPendingTransfer: pendingTransfer !== null,
    });
    // The statement brings every choice; the file offers those its actions need.
    return toTeamFile(
      user,
      row,
      {
        notes: row.notes,
        actions,
        assignableMembers: actions.includes("reassign") ? row.assignableMembers : [],
        routableTeams: actions.includes("route-from-hub") ? row.routableTeams : [],
        transferTeams: actions.includes("request-transfer") ? row.transferTeams : [],
        approvedBy: row.approvedBy,
        pendingTransferOverdue,
      },
      now,
    );
  }

  return {
    loadState,
    readWithin,
    async read(user: AuthenticatedUser, id: string, context: RequestContext): Promise<TeamReferralDetail> {
      return readWithin(db, user, id, context);
    },
  };
}

export type TeamFileService = ReturnType<typeof createTeamFileService>;
