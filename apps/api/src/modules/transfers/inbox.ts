import type { TransferBox, TransferInbox } from "@cse/contracts";
import { parsePostcode } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { Forbidden } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import { bankHolidayExceptions } from "../referrals/working-calendar.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { transferIsOverdue } from "./overdue.ts";

const LIST_LIMIT = 100;
const team = { select: { id: true, name: true } } as const;

/**
 * What a lead needs to decide on a transfer, and nothing more: never the child's name, the
 * concern, the people of concern or the notes. The area is the postcode district only.
 */
const reviewSelect = {
  id: true,
  referralId: true,
  reason: true,
  requestedAt: true,
  fromTeam: team,
  toTeam: team,
  requestedBy: { select: { id: true, displayName: true } },
  referral: {
    select: {
      reference: true,
      risk: true,
      riskReasons: true,
      routingPostcode: true,
      child: { select: { ageAtReferral: true } },
    },
  },
} as const satisfies Prisma.TransferSelect;

/**
 * The transfer inbox. Incoming: transfers waiting for the lead's team, read through the
 * "transfer review" scope (a member who is not a lead finds none) and audited as that access.
 * Outgoing: transfers the team asked for that still wait, read through the team's own scope.
 */
export function createTransferInbox({
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
  return async function listTransfers(
    user: AuthenticatedUser,
    box: TransferBox,
    context: RequestContext,
  ): Promise<TransferInbox> {
    if (!user.team) throw new Forbidden("Only members of a team have a transfer inbox.");
    const where: Prisma.TransferWhereInput =
      box === "incoming"
        ? { status: "PENDING", toTeamId: user.team.id, referral: access.scope(user, "transfer.review") }
        : { status: "PENDING", fromTeamId: user.team.id, referral: access.scope(user, "transfer.request") };
    const [rows, exceptions] = await Promise.all([
      db.transfer.findMany({
        where,
        orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
        take: LIST_LIMIT,
        select: reviewSelect,
      }),
      bankHolidayExceptions(db),
    ]);
    const now = clock.now();
    if (rows.length > 0) {
      // Each row shows a referral's risk and its reasons: recorded like a read, and for the
      // receiving lead as the explicit "transfer review" access it is.
      await audit.recordAlone({
        actor: user,
        action: box === "incoming" ? "transfer.review" : "transfer.list",
        entityType: "Transfer",
        teamId: user.team.id,
        requestId: context.requestId,
        details: {
          box,
          transferIds: rows.map((row) => row.id),
          referralIds: rows.map((row) => row.referralId),
        },
      });
    }
    return {
      box,
      items: rows.map((row) => ({
        id: row.id,
        referralId: row.referralId,
        reference: row.referral.reference,
        fromTeam: row.fromTeam,
        toTeam: row.toTeam,
        ageAtReferral: row.referral.child?.ageAtReferral ?? null,
        area: row.referral.routingPostcode ? (parsePostcode(row.referral.routingPostcode)?.district ?? null) : null,
        risk: { rating: row.referral.risk, reasons: row.referral.riskReasons },
        reason: row.reason,
        requestedBy: { id: row.requestedBy.id, name: row.requestedBy.displayName },
        requestedAt: row.requestedAt.toISOString(),
        overdue: transferIsOverdue(row.requestedAt, exceptions, now),
      })),
    };
  };
}
