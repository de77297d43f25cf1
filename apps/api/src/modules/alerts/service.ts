import type { AlertList } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import { referralScope } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

const LIST_LIMIT = 50;

/**
 * In-app alerts. A RED referral tells every member of the owning team at once, in the same
 * transaction as the change that made it RED, and stays in their alerts until somebody claims
 * it. Alerts never widen access: a member sees only alerts about referrals they may open now.
 */
export function createAlertService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** Tells every active member of the team about a RED referral nobody holds yet. */
    async raiseRedReferral(tx: Transaction, referral: { id: string; teamId: string }, now: Date): Promise<void> {
      const members = await tx.user.findMany({
        where: { teamId: referral.teamId, role: { in: ["TRIAGE", "LEAD"] }, status: "ACTIVE" },
        select: { id: true },
      });
      // A referral raised to RED again re-opens the alerts it had: unread, and new as of now.
      await tx.alert.updateMany({
        where: {
          referralId: referral.id,
          kind: "RED_REFERRAL",
          recipientId: { in: members.map((member) => member.id) },
        },
        data: { resolvedAt: null, readAt: null, createdAt: now, teamId: referral.teamId },
      });
      await tx.alert.createMany({
        data: members.map((member) => ({
          recipientId: member.id,
          referralId: referral.id,
          teamId: referral.teamId,
          kind: "RED_REFERRAL" as const,
          createdAt: now,
        })),
        skipDuplicates: true,
      });
    },

    /** Somebody holds the referral now (or it left the team): nobody needs telling any more. */
    async resolveForReferral(tx: Transaction, referralId: string, now: Date): Promise<void> {
      await tx.alert.updateMany({ where: { referralId, resolvedAt: null }, data: { resolvedAt: now } });
    },

    async list(user: AuthenticatedUser): Promise<AlertList> {
      const where = {
        recipientId: user.id,
        resolvedAt: null,
        referral: referralScope(user, "referral.read-as-team"),
      };
      const [alerts, unread] = await Promise.all([
        db.alert.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: LIST_LIMIT,
          select: {
            id: true,
            kind: true,
            createdAt: true,
            readAt: true,
            referral: { select: { id: true, reference: true, risk: true } },
          },
        }),
        db.alert.count({ where: { ...where, readAt: null } }),
      ]);
      return {
        unread,
        alerts: alerts.map((alert) => ({
          id: alert.id,
          kind: alert.kind,
          referralId: alert.referral.id,
          reference: alert.referral.reference,
          risk: alert.referral.risk,
          createdAt: alert.createdAt.toISOString(),
          read: alert.readAt !== null,
        })),
      };
    },

    async markAllRead(user: AuthenticatedUser): Promise<void> {
      await db.alert.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: clock.now() } });
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
