import type { Database } from "../../db/client.ts";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ReferralStatus, RiskRating } from "../../generated/prisma/enums.ts";
import { canAddAddendum, canReadReferral, referralListScope, type ReferralListScope } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { referralDetailInclude, referralSummarySelect, toReferrerDetail, toReferrerSummary } from "./referral-view.ts";

const NOT_FOUND = "There is no referral with that id that you can see.";

export interface ListQuery {
  readonly scope: ReferralListScope;
  readonly cursor?: string | undefined;
  readonly limit: number;
  readonly status?: ReferralStatus | undefined;
  readonly risk?: RiskRating | undefined;
}

/** Keyset cursor over (submittedAt, id), newest first: stable however many arrive meanwhile. */
function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const submittedAt = new Date(at ?? "");
  if (!id || Number.isNaN(submittedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationFailed([{ path: "query.cursor", message: "The cursor is not valid" }]);
  }
  return { submittedAt, id };
}

const encodeCursor = (row: { submittedAt: Date; id: string }) =>
  Buffer.from(`${row.submittedAt.toISOString()}|${row.id}`).toString("base64url");

export function createReferralReadingService({ db, audit }: { db: Database; audit: AuditService }) {
  /** Looks up who may see a referral; refusals are recorded and answered as "not found". */
  async function authorise(user: AuthenticatedUser, id: string, action: string, context: RequestContext) {
    const facts = await db.referral.findUnique({ where: { id }, select: { id: true, referrerId: true, teamId: true } });
    if (!facts || !canReadReferral(user, facts)) {
      await audit.recordAlone({
        actor: user,
        action,
        outcome: "DENIED",
        entityType: "Referral",
        entityId: id,
        referralId: facts ? id : null,
        requestId: context.requestId,
        details: { reason: facts ? "not-permitted" : "no-such-referral" },
      });
      throw new NotFound(NOT_FOUND);
    }
    return facts;
  }

  return {
    async list(user: AuthenticatedUser, query: ListQuery, context: RequestContext) {
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const where: Prisma.ReferralWhereInput = {
        AND: [
          referralListScope(user, query.scope),
          query.status ? { status: query.status } : {},
          query.risk ? { risk: query.risk } : {},
          after
            ? {
                OR: [
                  { submittedAt: { lt: after.submittedAt } },
                  { submittedAt: after.submittedAt, id: { lt: after.id } },
                ],
              }
            : {},
        ],
      };
      const rows = await db.referral.findMany({
        where,
        select: referralSummarySelect,
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      if (page.length > 0) {
        await audit.recordAlone({
          actor: user,
          action: "referral.list",
          entityType: "Referral",
          requestId: context.requestId,
          teamId: user.team?.id ?? null,
          details: { scope: query.scope, referralIds: page.map((row) => row.id) },
        });
      }
      const last = page[page.length - 1];
      return {
        referrals: page.map(toReferrerSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    /** Every read of a referral is audited, in the same transaction as the read itself. */
    async read(user: AuthenticatedUser, id: string, context: RequestContext) {
      const facts = await authorise(user, id, "referral.read", context);
      return db.$transaction(async (tx) => {
        const referral = await tx.referral.findUniqueOrThrow({ where: { id }, include: referralDetailInclude });
        await audit.record(tx, {
          actor: user,
          action: "referral.read",
          entityType: "Referral",
          entityId: id,
          referralId: id,
          teamId: facts.teamId,
          requestId: context.requestId,
        });
        return toReferrerDetail(referral);
      });
    },

    async addAddendum(user: AuthenticatedUser, id: string, body: string, context: RequestContext) {
      const facts = await authorise(user, id, "referral.addendum", context);
      if (!canAddAddendum(user, facts)) throw new Forbidden("Only the person who made a referral can add to it.");
      return db.$transaction(async (tx) => {
        const addendum = await tx.addendum.create({
          data: { referralId: id, authorId: user.id, body },
          include: { author: { select: { displayName: true } } },
        });
        await tx.chronologyEvent.create({
          data: {
            referralId: id,
            type: "ADDENDUM_ADDED",
            actorId: user.id,
            occurredAt: addendum.createdAt,
            summary: "The referrer added an addendum",
            details: { addendumId: addendum.id },
          },
        });
        await audit.record(tx, {
          actor: user,
          action: "referral.addendum",
          entityType: "Addendum",
          entityId: addendum.id,
          referralId: id,
          teamId: facts.teamId,
          requestId: context.requestId,
        });
        return {
          id: addendum.id,
          body: addendum.body,
          createdAt: addendum.createdAt.toISOString(),
          authorName: addendum.author.displayName,
        };
      });
    },
  };
}

export type ReferralReadingService = ReturnType<typeof createReferralReadingService>;
