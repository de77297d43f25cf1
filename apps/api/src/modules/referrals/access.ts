import type { Database, Transaction } from "../../db/client.ts";
import { Forbidden, NotFound } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { roleMay } from "../../policy/permissions.ts";
import { referralScope, referralScopeSql, type ReferralAction } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

export const REFERRAL_NOT_FOUND = "There is no referral with that id that you can see.";

type Client = Database | Transaction;

/**
 * The one gateway to a single referral. It asks for the referral inside the policy's scope
 * for (user, action), so the permission is part of the query; when nothing comes back the
 * answer is 404 whether the referral is missing or someone else's (no enumeration), and the
 * refusal is audited with what was tried.
 */
export function createReferralAccess({ db, audit }: { db: Database; audit: AuditService }) {
  /** A role that may never do the action hears so (403), whichever referral it names. */
  async function refuseRole(user: AuthenticatedUser, id: string, action: ReferralAction, context: RequestContext) {
    await audit.recordAlone({
      actor: user,
      action,
      outcome: "DENIED",
      entityType: "Referral",
      entityId: id,
      requestId: context.requestId,
      details: { reason: "role-not-permitted" },
    });
    return new Forbidden("Your role does not allow this.");
  }

  async function refuse(user: AuthenticatedUser, id: string, action: ReferralAction, context: RequestContext) {
    // Only on refusal: learn whether it exists, so the owning team's audit trail shows the attempt.
    const existing = await db.referral.findUnique({ where: { id }, select: { teamId: true } });
    await audit.recordAlone({
      actor: user,
      action,
      outcome: "DENIED",
      entityType: "Referral",
      entityId: id,
      referralId: existing ? id : null,
      teamId: existing?.teamId ?? null,
      requestId: context.requestId,
      details: { reason: existing ? "not-permitted" : "no-such-referral" },
    });
    return new NotFound(REFERRAL_NOT_FOUND);
  }

  return {
    /** Loads the referral if the user may do the action to it; otherwise audits and throws 404. */
    async find<S extends Prisma.ReferralSelect>(
      client: Client,
      user: AuthenticatedUser,
      id: string,
      action: ReferralAction,
      context: RequestContext,
      select: S,
    ): Promise<Prisma.ReferralGetPayload<{ select: S }>> {
      if (!roleMay(user.role, action)) throw await refuseRole(user, id, action, context);
      const row = await client.referral.findFirst({ where: { id, AND: [referralScope(user, action)] }, select });
      if (!row) throw await refuse(user, id, action, context);
      return row;
    },

    /**
     * As find, for a read written as one statement: `statement` is given the scope for (user,
     * action) as SQL over the referral aliased `r`, and must return no row when it matches nothing.
     */
    async findByStatement<T>(
      client: Client,
      user: AuthenticatedUser,
      id: string,
      action: ReferralAction,
      context: RequestContext,
      statement: (scope: Prisma.Sql) => Prisma.Sql,
    ): Promise<T> {
      if (!roleMay(user.role, action)) throw await refuseRole(user, id, action, context);
      const [row] = await client.$queryRaw<T[]>(statement(referralScopeSql(user, action)));
      if (!row) throw await refuse(user, id, action, context);
      return row;
    },

    /** The fragment for list queries: the same rule the single read applies. */
    scope: referralScope,
  };
}

export type ReferralAccess = ReturnType<typeof createReferralAccess>;
