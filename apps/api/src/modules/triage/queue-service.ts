import type { QueueDue, TeamQueuePage, TeamQueueQuery } from "@cse/contracts";
import { endOfLondonDay, londonDateOf } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { Forbidden, ValidationFailed } from "../../errors.ts";
import { RiskRating } from "../../generated/prisma/enums.ts";
import { roleMay } from "../../policy/permissions.ts";
import { referralScope } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { attentionFor } from "./file-view.ts";
import { countQueue, readQueuePositions, type QueueFilter, type QueuePosition } from "./queue-repository.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RISKS = Object.values(RiskRating) as string[];

function decodeCursor(cursor: string): QueuePosition {
  const invalid = new ValidationFailed([{ path: "query.cursor", message: "The cursor is not valid" }]);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parts) || parts.length !== 4) throw invalid;
  const [segment, risk, dueAt, id] = parts as unknown[];
  const decisionDueAt = new Date(typeof dueAt === "string" ? dueAt : "");
  if (
    (segment !== 0 && segment !== 1) ||
    typeof risk !== "string" ||
    !RISKS.includes(risk) ||
    Number.isNaN(decisionDueAt.getTime()) ||
    typeof id !== "string" ||
    !UUID.test(id)
  )
    throw invalid;
  return { segment, risk: risk as RiskRating, decisionDueAt, id };
}

const encodeCursor = (position: QueuePosition) =>
  Buffer.from(
    JSON.stringify([position.segment, position.risk, position.decisionDueAt.toISOString(), position.id]),
  ).toString("base64url");

/** The decision clock's filters, each the same rule the dashboard counts by. */
function dueFilter(due: QueueDue | undefined, now: Date): Partial<QueueFilter> {
  if (due === "overdue") return { dueBefore: now };
  if (due === "today") return { dueFrom: now, dueBefore: new Date(endOfLondonDay(londonDateOf(now)).getTime() + 1) };
  if (due === "red-hour") return { redUnclaimedBefore: now };
  return {};
}

const queueItemSelect = {
  id: true,
  reference: true,
  status: true,
  risk: true,
  submittedAt: true,
  decisionDueAt: true,
  redEscalationDueAt: true,
  assigneeId: true,
  routingMethod: true,
  assignee: { select: { id: true, displayName: true } },
  team: { select: { isHub: true } },
  child: { select: { givenNames: true, familyName: true, ageAtReferral: true } },
  _count: { select: { transfers: { where: { status: "PENDING" } } } },
} as const;

/** The team's queue of open referrals, most urgent first (DESIGN §5). */
export function createQueueService({ db, audit, clock }: { db: Database; audit: AuditService; clock: Clock }) {
  return async function listTeamQueue(
    user: AuthenticatedUser,
    query: TeamQueueQuery,
    context: RequestContext,
  ): Promise<TeamQueuePage> {
    const scope = referralScope(user, "referral.queue");
    if (!user.team || !("teamId" in scope)) throw new Forbidden("Only members of a team have a queue.");
    const now = clock.now();
    const filter: QueueFilter = {
      teamId: user.team.id,
      status: query.status,
      risk: query.risk,
      assigneeId:
        query.member ?? (query.assignee === "mine" ? user.id : query.assignee === "unassigned" ? null : undefined),
      attentionOnly: query.attention,
      ...dueFilter(query.due, now),
    };
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const [positions, counts, assignableMembers] = await Promise.all([
      readQueuePositions(db, filter, after, query.limit + 1, now),
      countQueue(db, filter, user.id, now),
      // For a lead's "Reassign selected" (bulk-reassign.ts checks the choice again).
      roleMay(user.role, "referral.reassign")
        ? db.user.findMany({
            where: { teamId: user.team.id, role: { in: ["TRIAGE", "LEAD"] }, status: "ACTIVE" },
            orderBy: { displayName: "asc" },
            select: { id: true, displayName: true },
          })
        : [],
    ]);
    const page = positions.slice(0, query.limit);
    // The page's rows are read back through the policy's scope too: the ordering query is an
    // optimisation, never the permission.
    const rows = await db.referral.findMany({
      where: { id: { in: page.map((position) => position.id) }, AND: [scope] },
      select: queueItemSelect,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const items = page.flatMap((position) => {
      const row = byId.get(position.id);
      if (!row) return [];
      return [
        {
          id: row.id,
          reference: row.reference,
          childName: row.child ? `${row.child.givenNames} ${row.child.familyName}` : "",
          ageAtReferral: row.child?.ageAtReferral ?? null,
          status: row.status,
          risk: row.risk,
          submittedAt: row.submittedAt.toISOString(),
          decisionDueAt: row.decisionDueAt.toISOString(),
          assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.displayName } : null,
          attention: attentionFor(row, now),
          awaitingRouting: row.team.isHub,
          transferRequested: row._count.transfers > 0,
        },
      ];
    });
    if (items.length > 0) {
      // Each appearance in a list is a disclosure of the child's name: recorded like a read.
      await audit.recordAlone({
        actor: user,
        action: "referral.queue",
        entityType: "Referral",
        teamId: user.team.id,
        requestId: context.requestId,
        details: { referralIds: items.map((item) => item.id) },
      });
    }
    const last = page[page.length - 1];
    return {
      scope: "team",
      team: { id: user.team.id, name: user.team.name },
      items,
      counts,
      nextCursor: positions.length > query.limit && last ? encodeCursor(last) : null,
      assignableMembers: assignableMembers.map((member) => ({ id: member.id, name: member.displayName })),
    };
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
