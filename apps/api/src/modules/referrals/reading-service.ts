import type { ReferralDetail, ValidAddendum } from "@cse/contracts";
import { extractEntityIdentifiers, normalisePostcode } from "@cse/domain";
import type { Database, Transaction } from "../../db/client.ts";
import { Forbidden, ValidationFailed } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ReferralStatus, RiskRating } from "../../generated/prisma/enums.ts";
import { referralAudience, referralScope } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import { noLinkRequests, type LinkRequests } from "../links/link-requests.ts";
import type { TeamFileService } from "../triage/file-service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import type { ReferralAccess } from "./access.ts";
import { parseReferralDocument, readReferralStatement } from "./referral-document.ts";
import {
  referralSummarySelect,
  toReferrerDetail,
  toReferrerSummary,
  type ReferralWithDetail,
} from "./referral-view.ts";

export interface ListQuery {
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

interface ReadingDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly access: ReferralAccess;
  readonly teamFile: TeamFileService;
  readonly clock: Clock;
  /** Where an addendum that adds identifiers asks for the referral's links to be computed again. */
  readonly linkRequests?: LinkRequests;
}

/**
 * Stores an addendum's people, places and vehicles after the referral's own (positions go on
 * from the last), and their identifiers as submission does, so they join the referral up.
 * Returns how many new identifiers were written.
 */
async function addEntities(
  tx: Transaction,
  referralId: string,
  addendumId: string,
  entities: ValidAddendum["entities"],
): Promise<number> {
  if (entities.length === 0) return 0;
  const last = await tx.concernEntity.aggregate({ where: { referralId }, _max: { position: true } });
  const first = (last._max.position ?? -1) + 1;
  const created = await tx.concernEntity.createManyAndReturn({
    data: entities.map((entity, index) => ({
      ...entity,
      referralId,
      addendumId,
      position: first + index,
      postcodes: entity.postcodes.flatMap((postcode) => normalisePostcode(postcode) ?? []),
    })),
    select: { id: true, position: true },
  });
  const entityIdAt = new Map(created.map((entity) => [entity.position, entity.id]));
  const identifiers = extractEntityIdentifiers(
    entities.map((entity, index) => ({ ...entity, position: first + index })),
  );
  const written = await tx.referralIdentifier.createMany({
    data: identifiers.map((identifier) => ({
      referralId,
      kind: identifier.kind,
      value: identifier.value,
      entityId: identifier.entityPosition === null ? null : (entityIdAt.get(identifier.entityPosition) ?? null),
    })),
    skipDuplicates: true,
  });
  return written.count;
}

export function createReferralReadingService({
  db,
  audit,
  access,
  teamFile,
  clock,
  linkRequests = noLinkRequests,
}: ReadingDependencies) {
  return {
    /** The referrals the user made, newest first. */
    async listMine(user: AuthenticatedUser, query: ListQuery, context: RequestContext) {
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const where: Prisma.ReferralWhereInput = {
        AND: [
          referralScope(user, "referral.list"),
          // "Mine" is what the user referred, whatever else their role may list.
          { referrerId: user.id },
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
          details: { scope: "mine", referralIds: page.map((row) => row.id) },
        });
      }
      const last = page[page.length - 1];
      return {
        scope: "mine" as const,
        referrals: page.map(toReferrerSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    /** The view for the caller's audience. Every read is audited in the same transaction as the read. */
    async read(user: AuthenticatedUser, id: string, context: RequestContext): Promise<ReferralDetail> {
      const audience = referralAudience(user);
      if (audience === "team") return teamFile.read(user, id, context);
      if (audience === null) throw new Forbidden("Your role does not give access to referrals.");
      // The referrer's copy and the read's audit entry, in one statement.
      const { document } = await access.findByStatement<{ document: string }>(
        db,
        user,
        id,
        "referral.read",
        context,
        (scope) =>
          readReferralStatement({
            id,
            scope,
            extra: null,
            audit: {
              actor: user,
              action: "referral.read",
              entityType: "Referral",
              requestId: context.requestId,
              details: { audience: "referrer" },
            },
            occurredAt: new Date(),
          }),
      );
      return toReferrerDetail(parseReferralDocument<ReferralWithDetail>(document));
    },

    async addAddendum(user: AuthenticatedUser, id: string, request: ValidAddendum, context: RequestContext) {
      const added = await db.$transaction(async (tx) => {
        const referral = await access.find(tx, user, id, "referral.addendum", context, { id: true, teamId: true });
        const now = clock.now();
        const addendum = await tx.addendum.create({
          data: { referralId: id, authorId: user.id, body: request.body, createdAt: now },
          include: { author: { select: { displayName: true } } },
        });
        const identifiers = await addEntities(tx, id, addendum.id, request.entities);
        await tx.chronologyEvent.create({
          data: {
            referralId: id,
            type: "ADDENDUM_ADDED",
            actorId: user.id,
            occurredAt: now,
            summary: "The referrer added an addendum",
            details: { addendumId: addendum.id, entitiesAdded: request.entities.length },
          },
        });
        await audit.record(tx, {
          actor: user,
          action: "referral.addendum",
          entityType: "Addendum",
          entityId: addendum.id,
          referralId: id,
          teamId: referral.teamId,
          requestId: context.requestId,
          details: { entitiesAdded: request.entities.length, identifiersAdded: identifiers },
        });
        return {
          identifiers,
          view: {
            id: addendum.id,
            body: addendum.body,
            createdAt: addendum.createdAt.toISOString(),
            authorName: addendum.author.displayName,
          },
        };
      });
      // After the commit, as at submission: the addendum stands whatever the queue does.
      if (added.identifiers > 0) await linkRequests.request(id);
      return added.view;
    },
  };
}

export type ReferralReadingService = ReturnType<typeof createReferralReadingService>;
