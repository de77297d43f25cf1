import type { Database } from "../../db/client.ts";
import { NotFound, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import { hashPassword } from "../auth/passwords.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import { hashInvitationToken } from "./invitation-token.ts";

const LINK_NOT_VALID = "This link has expired or has already been used. Ask your administrator for a new one.";

/** The one-time links administrators issue: to set a first password, or a new one. */
export function createInvitationService({ db, audit }: { db: Database; audit: AuditService }) {
  async function findUsable(token: string) {
    const invitation = await db.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      include: { user: true },
    });
    if (
      !invitation ||
      invitation.usedAt ||
      invitation.expiresAt <= new Date() ||
      invitation.user.status === "DISABLED"
    ) {
      throw new NotFound(LINK_NOT_VALID);
    }
    return invitation;
  }

  return {
    async describe(token: string) {
      const invitation = await findUsable(token);
      return {
        email: invitation.user.email,
        displayName: invitation.user.displayName,
        expiresAt: invitation.expiresAt.toISOString(),
        isReset: invitation.user.passwordHash !== null,
      };
    },

    async accept(token: string, password: string, context: RequestContext): Promise<void> {
      const invitation = await findUsable(token);
      const problem = passwordProblem(password, {
        email: invitation.user.email,
        displayName: invitation.user.displayName,
      });
      if (problem) throw new ValidationFailed([{ path: "password", message: problem }]);
      const passwordHash = await hashPassword(password);
      await db.$transaction(async (tx) => {
        // Claim the link first: of two concurrent uses, only one finds it unused.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, usedAt: null },
          data: { usedAt: new Date() },
        });
        if (claimed.count !== 1) throw new NotFound(LINK_NOT_VALID);
        await tx.user.update({
          where: { id: invitation.userId },
          data: { passwordHash, passwordChangedAt: new Date(), status: "ACTIVE" },
        });
        await tx.session.deleteMany({ where: { userId: invitation.userId } });
        await audit.record(tx, {
          actor: { id: invitation.user.id, role: invitation.user.role },
          action: invitation.user.passwordHash ? "auth.password.reset" : "user.invitation.accept",
          entityType: "User",
          entityId: invitation.userId,
          teamId: invitation.user.teamId,
          requestId: context.requestId,
        });
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
