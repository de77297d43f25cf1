import type { AlertList } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import type { AlertKind } from "../../generated/prisma/enums.ts";
import { referralScope } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

const LIST_LIMIT = 50;

/** One alert of this kind to each recipient; one already there (resolved or not) is new again. */
async function notify(
  tx: Transaction,
  kind: AlertKind,
  referralId: string,
  teamId: string,
  recipients: readonly { id: string }[],
  now: Date,
): Promise<void> {
  const recipientIds = recipients.map((recipient) => recipient.id);
  await tx.alert.updateMany({
    where: { referralId, kind, recipientId: { in: recipientIds } },
    data: { resolvedAt: null, readAt: null, createdAt: now, teamId },
  });
  await tx.alert.createMany({
    data: recipientIds.map((recipientId) => ({ recipientId, referralId, teamId, kind, createdAt: now })),
    skipDuplicates: true,
  });
}

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
      // A transfer's alerts follow the transfer, not who holds the referral.
      await tx.alert.updateMany({
        where: { referralId, kind: "RED_REFERRAL", resolvedAt: null },
        data: { resolvedAt: now },
      });
    },

    /** Tells the receiving team's leads that a transfer waits for them. */
    async raiseTransferRequested(
      tx: Transaction,
      transfer: { referralId: string; toTeamId: string },
      now: Date,
    ): Promise<void> {
      const leads = await tx.user.findMany({
        where: { teamId: transfer.toTeamId, role: "LEAD", status: "ACTIVE" },
        select: { id: true },
      });
      await notify(tx, "TRANSFER_REQUESTED", transfer.referralId, transfer.toTeamId, leads, now);
    },

    /** The transfer has been answered (or withdrawn): its leads need no reminding. */
    async resolveTransferRequested(tx: Transaction, referralId: string, now: Date): Promise<void> {
      await tx.alert.updateMany({
        where: { referralId, kind: "TRANSFER_REQUESTED", resolvedAt: null },
        data: { resolvedAt: now },
      });
    },

    /** Tells whoever asked for a transfer that the other team's lead refused it. */
    async raiseTransferRejected(
      tx: Transaction,
      transfer: { referralId: string; fromTeamId: string; requestedById: string },
      now: Date,
    ): Promise<void> {
      await notify(
        tx,
        "TRANSFER_REJECTED",
        transfer.referralId,
        transfer.fromTeamId,
        [{ id: transfer.requestedById }],
        now,
      );
    },

    async list(user: AuthenticatedUser): Promise<AlertList> {
      const where = {
        recipientId: user.id,
        resolvedAt: null,
        // Alerts never widen access: about a referral the member may open as its team, or (a
        // lead) a transfer waiting for their team, which opens the transfer inbox, not the file.
        OR: [
          { referral: referralScope(user, "referral.read-as-team") },
          { kind: "TRANSFER_REQUESTED" as const, referral: referralScope(user, "transfer.review") },
        ],
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
      const now = clock.now();
      await db.$transaction([
        // A refused transfer is news, not work: once seen, it has told the member what it had to.
        db.alert.updateMany({
          where: { recipientId: user.id, readAt: null, kind: "TRANSFER_REJECTED" },
          data: { readAt: now, resolvedAt: now },
        }),
        db.alert.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: now } }),
      ]);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
