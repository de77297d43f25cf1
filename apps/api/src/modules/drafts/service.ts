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

  const isVisibleTo = (user: AuthenticatedUser, draft: DraftRow): boolean =>
    draft.expiresAt > new Date() && canManageDraft(user, draft);

  async function refuse(
    user: AuthenticatedUser,
    id: string,
    draft: DraftRow | null,
    context: RequestContext,
  ): Promise<never> {
    if (draft && draft.expiresAt > new Date()) {
      // Someone else's draft: say it does not exist, and keep a record of the attempt.
      await audit.recordAlone({
        actor: user,
        action: "draft.read",
        outcome: "DENIED",
        entityType: "Draft",
        entityId: id,
        requestId: context.requestId,
      });
    }
    throw new NotFound(NOT_FOUND);
  }

  async function findOwned(user: AuthenticatedUser, id: string, context: RequestContext): Promise<DraftRow> {
    const draft = await db.draft.findUnique({ where: { id } });
    return draft && isVisibleTo(user, draft) ? draft : refuse(user, id, draft, context);
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

    /** The list shows each child's name, so reading it is audited like reading a draft. */
    async list(user: AuthenticatedUser, context: RequestContext) {
      requireDrafting(user);
      const drafts = await db.$transaction(async (tx) => {
        const rows = await tx.draft.findMany({
          where: { ownerId: user.id, expiresAt: { gt: new Date() } },
          orderBy: { updatedAt: "desc" },
          take: 50,
        });
        if (rows.length > 0) {
          await audit.record(tx, {
            actor: user,
            action: "draft.list",
            entityType: "Draft",
            requestId: context.requestId,
            details: { draftIds: rows.map((row) => row.id) },
          });
        }
        return rows;
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

    /** A draft holds a child's details: every read is audited, in the same transaction as the read. */
    async get(user: AuthenticatedUser, id: string, context: RequestContext) {
      requireDrafting(user);
      const draft = await db.$transaction(async (tx) => {
        const row = await tx.draft.findUnique({ where: { id } });
        if (!row || !isVisibleTo(user, row)) return { refused: true as const, row };
        await audit.record(tx, {
          actor: user,
          action: "draft.read",
          entityType: "Draft",
          entityId: id,
          requestId: context.requestId,
          details: { version: row.version },
        });
        return { refused: false as const, row };
      });
      // A refusal is recorded on its own, after the reading transaction has ended.
      return draft.refused ? refuse(user, id, draft.row, context) : toDraft(draft.row);
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
      return db.$transaction(async (tx) => {
        const updated = await tx.draft.updateMany({
          where: { id, ownerId: user.id, version: current.version },
          data: { content, version: { increment: 1 }, expiresAt: expiry() },
        });
        if (updated.count !== 1) throw new Conflict("This draft was changed somewhere else. Reload it to carry on.");
        const saved = await tx.draft.findUniqueOrThrow({ where: { id } });
        // Last, so the audit chain's lock is held only for this statement and the commit.
        await audit.record(tx, {
          actor: user,
          action: "draft.save",
          entityType: "Draft",
          entityId: id,
          requestId: context.requestId,
          details: { version: saved.version },
        });
        return toDraft(saved);
      });
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
