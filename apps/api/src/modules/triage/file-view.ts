import type { Attention, TeamReferralDetail, TriageAction } from "@cse/contracts";
import { isOverdue, noFurtherActionNeedsApprovalBecause } from "@cse/domain";
import type { Prisma } from "../../generated/prisma/client.ts";
import { mayReadNote } from "../../policy/policy.ts";
import { referralDetailInclude, toAddenda, toContent } from "../referrals/referral-view.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

const person = { select: { id: true, displayName: true } } as const;

/**
 * The shape of the file as Prisma would give it. The file is read in one hand-written statement
 * (file-query.ts) whose document takes this shape; this include names it, and the types follow.
 */
export const teamFileInclude = {
  ...referralDetailInclude,
  team: { select: { id: true, name: true, isHub: true } },
  assignee: person,
  decidedBy: person,
  riskOverrides: { where: { status: "PENDING_APPROVAL" }, include: { requestedBy: person } },
  chronology: {
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    include: { actor: { select: { displayName: true } } },
  },
  // The one waiting transfer, and the acceptance that brought the referral to its team.
  transfers: {
    where: { status: { in: ["PENDING", "ACCEPTED"] } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    include: {
      fromTeam: { select: { id: true, name: true } },
      toTeam: { select: { id: true, name: true } },
      requestedBy: person,
    },
  },
} as const satisfies Prisma.ReferralInclude;

export type TeamFileRow = Prisma.ReferralGetPayload<{ include: typeof teamFileInclude }>;
export type NoteRow = Prisma.NoteGetPayload<{ include: { author: typeof person } }>;

const personRef = (row: { id: string; displayName: string } | null) =>
  row ? { id: row.id, name: row.displayName } : null;

/** Why a referral needs someone now (DESIGN §5): the one rule the queue's SQL also encodes. */
export function attentionFor(
  row: {
    status: string;
    decisionDueAt: Date;
    risk: string;
    assigneeId: string | null;
    redEscalationDueAt: Date | null;
  },
  now: Date,
): Attention[] {
  if (row.status === "DECIDED") return [];
  const attention: Attention[] = [];
  if (isOverdue(row.decisionDueAt, now)) attention.push("OVERDUE");
  if (row.risk === "RED" && row.assigneeId === null && row.redEscalationDueAt && isOverdue(row.redEscalationDueAt, now))
    attention.push("RED_UNASSIGNED");
  return attention;
}

/** A note's chronology entry never shows (or hints at) the text of a note the viewer may not read. */
function chronologySummary(viewer: AuthenticatedUser, event: TeamFileRow["chronology"][number]): string {
  if (event.type !== "NOTE_ADDED") return event.summary;
  const details = event.details as { visibility?: string; authorAgency?: string };
  const readable = mayReadNote(viewer, {
    visibility: details.visibility ?? "AGENCY_ONLY",
    authorAgency: details.authorAgency ?? "",
  });
  return readable ? event.summary : "A note restricted to another agency was added";
}

export interface TeamFileExtras {
  readonly notes: readonly NoteRow[];
  readonly actions: readonly TriageAction[];
  readonly assignableMembers: readonly { id: string; displayName: string }[];
  readonly routableTeams: readonly { id: string; name: string }[];
  readonly approvedBy: { id: string; displayName: string } | null;
  readonly transferTeams: readonly { id: string; name: string }[];
  readonly pendingTransferOverdue: boolean;
}

export function toTeamFile(
  viewer: AuthenticatedUser,
  row: TeamFileRow,
  extras: TeamFileExtras,
  now: Date,
): TeamReferralDetail {
  const child = row.child!;
  const pending = row.riskOverrides[0] ?? null;
  const decided = row.outcome && row.decidedAt && row.decidedBy;
  const pendingTransfer = row.transfers.find((transfer) => transfer.status === "PENDING") ?? null;
  const arrival = row.transfers.find(
    (transfer) => transfer.status === "ACCEPTED" && transfer.toTeamId === row.teamId && transfer.decidedAt,
  );
  return {
    audience: "team",
    id: row.id,
    reference: row.reference,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    team: row.team,
    routingBoundary: row.routingCrossesBoundary
      ? { note: row.routingBoundaryNote ?? "This area crosses a council boundary." }
      : null,
    content: toContent(row),
    addenda: toAddenda(row),
    risk: { rating: row.risk, reasons: row.riskReasons },
    computedRisk: { rating: row.computedRisk, reasons: row.computedRiskReasons },
    decisionDueAt: row.decisionDueAt.toISOString(),
    redEscalationDueAt: row.redEscalationDueAt?.toISOString() ?? null,
    attention: attentionFor(row, now),
    assignee: personRef(row.assignee),
    notes: extras.notes.map((note) => ({
      id: note.id,
      body: note.body,
      visibility: note.visibility,
      author: personRef(note.author)!,
      authorAgency: note.authorAgency,
      createdAt: note.createdAt.toISOString(),
    })),
    chronology: row.chronology.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      summary: chronologySummary(viewer, event),
      actorName: event.actor?.displayName ?? null,
    })),
    pendingRiskOverride: pending
      ? {
          id: pending.id,
          fromRisk: pending.fromRisk,
          toRisk: pending.toRisk,
          reason: pending.reason,
          status: pending.status,
          requestedBy: personRef(pending.requestedBy)!,
          requestedAt: pending.requestedAt.toISOString(),
        }
      : null,
    decision: decided
      ? {
          outcome: row.outcome!,
          reason: row.outcomeReason ?? "",
          messageToReferrer: row.messageToReferrer ?? "",
          decidedAt: row.decidedAt!.toISOString(),
          decidedBy: personRef(row.decidedBy)!,
          approvedBy: personRef(extras.approvedBy),
          approvedAt: row.decisionApprovedAt?.toISOString() ?? null,
        }
      : null,
    noFurtherActionNeedsApprovalBecause: noFurtherActionNeedsApprovalBecause({
      ageYears: child.ageAtReferral,
      learningDisability: child.learningDisability,
    }),
    actions: [...extras.actions],
    assignableMembers: extras.assignableMembers.map((member) => personRef(member)!),
    routableTeams: [...extras.routableTeams],
    pendingTransfer: pendingTransfer
      ? {
          id: pendingTransfer.id,
          toTeam: pendingTransfer.toTeam,
          reason: pendingTransfer.reason,
          requestedBy: personRef(pendingTransfer.requestedBy)!,
          requestedAt: pendingTransfer.requestedAt.toISOString(),
          overdue: extras.pendingTransferOverdue,
        }
      : null,
    transferredIn: arrival
      ? { fromTeam: arrival.fromTeam, toTeam: arrival.toTeam, acceptedAt: arrival.decidedAt!.toISOString() }
      : null,
    transferTeams: [...extras.transferTeams],
  };
}
