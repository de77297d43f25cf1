import type { ReferralDraftContent } from "@cse/contracts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { Conflict, Forbidden, NotFound } from "../../errors.ts";
import { canManageDraft, may } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

interface DraftRow {
  id: string;
  ownerId: string;
  content: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

function toDraft(row: DraftRow) {
  return {
    id: row.id,
    content: row.content as ReferralDraftContent,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const NOT_FOUND = "There is no draft with that id, or it has expired.";

/** Referrals in progress: only ever visible to the person writing them. */
export function createDraftService({ db, audit, config }: { db: Database; audit: AuditService; config: Config }) {
  const expiry = () => new Date(Date.now() + config.draftRetentionMs);

  async function findOwned(user: AuthenticatedUser, id: string, context: RequestContext): Promise<DraftRow> {
    const draft = await db.draft.findUnique({ where: { id } });
    if (!draft || draft.expiresAt <= new Date()) throw new NotFound(NOT_FOUND);
    if (!canManageDraft(user, draft)) {
      // Someone else's draft: say it does not exist, and keep a record of the attempt.
      await audit.recordAlone({
        actor: user,
        action: "draft.read",
        outcome: "DENIED",
        entityType: "Draft",
        entityId: id,
        requestId: context.requestId,
      });
      throw new NotFound(NOT_FOUND);
    }
    return draft;
  }

  function requireDrafting(user: AuthenticatedUser) {
    if (!may(user, "draft.manage")) throw new Forbidden("Only referrers keep drafts.");
  }

  return {
    async create(user: AuthenticatedUser, content: ReferralDraftContent, context: RequestContext) {
      requireDrafting(user);
      return db.$transaction(async (tx) => {
        const draft = await tx.draft.create({ data: { ownerId: user.id, content, expiresAt: expiry() } });
        await audit.record(tx, {
          actor: user,
          action: "draft.create",
          entityType: "Draft",
          entityId: draft.id,
          requestId: context.requestId,
        });
        return toDraft(draft);
      });
    },

    async list(user: AuthenticatedUser) {
      requireDrafting(user);
      const drafts = await db.draft.findMany({
        where: { ownerId: user.id, expiresAt: { gt: new Date() } },
        orderBy: { updatedAt: "desc" },
        take: 50,
      });
      return drafts.map((draft) => {
        const child = (draft.content as ReferralDraftContent).child;
        return {
          id: draft.id,
          childName: [child?.givenNames, child?.familyName].filter(Boolean).join(" ").trim(),
          updatedAt: draft.updatedAt.toISOString(),
          expiresAt: draft.expiresAt.toISOString(),
        };
      });
    },

    async get(user: AuthenticatedUser, id: string, context: RequestContext) {
      requireDrafting(user);
      return toDraft(await findOwned(user, id, context));
    },

    /** Saves only if based on the current version, so two windows cannot silently overwrite each other. */
    async save(
      user: AuthenticatedUser,
      id: string,
      content: ReferralDraftContent,
      version: number | undefined,
      context: RequestContext,
    ) {
      requireDrafting(user);
      const current = await findOwned(user, id, context);
      if (version !== undefined && version !== current.version) {
        throw new Conflict(
          `This draft was changed somewhere else (version ${current.version}, not ${version}). Reload it to carry on.`,
        );
      }
      const updated = await db.draft.updateMany({
        where: { id, ownerId: user.id, version: current.version },
        data: { content, version: { increment: 1 }, expiresAt: expiry() },
      });
      if (updated.count !== 1) throw new Conflict("This draft was changed somewhere else. Reload it to carry on.");
      return toDraft(await db.draft.findUniqueOrThrow({ where: { id } }));
    },

    async remove(user: AuthenticatedUser, id: string, context: RequestContext) {
      requireDrafting(user);
      await findOwned(user, id, context);
      await db.$transaction(async (tx) => {
        await tx.draft.delete({ where: { id } });
        await audit.record(tx, {
          actor: user,
          action: "draft.delete",
          entityType: "Draft",
          entityId: id,
          requestId: context.requestId,
        });
      });
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
