import type { AlertList } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { AlertKind } from "../../generated/prisma/enums.ts";
import { referralScope } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import { nextDigestAt } from "@cse/domain";
import type { Outbox } from "../notifications/outbox.ts";
import { bankHolidayExceptions } from "../referrals/working-calendar.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

const LIST_LIMIT = 50;
/** Alerts that say something happened rather than ask for work: resolved once read. */
const NEWS_KINDS: AlertKind[] = ["TRANSFER_REJECTED", "TRANSFER_ACCEPTED", "DECISION_DUE_SOON", "ESCALATED", "OUTCOME"];

/**
 * One alert of this kind to each recipient; one already there (resolved or not) is new again.
 * One statement, returning the recipients: the ids given, or the team's working members (or its
 * leads). As SQL, so a caller can make it part of a larger statement.
 */
function notifySql(
  kind: AlertKind,
  referralId: string,
  teamId: string,
  recipients: readonly { id: string }[] | TeamRecipients,
  now: Date,
): Prisma.Sql {
  const people =
    "leadsOnly" in recipients
      ? Prisma.sql`SELECT u."id" FROM "User" u WHERE u."teamId" = ${teamId}::uuid AND u."status" = 'ACTIVE'
          AND u."role" = ANY(${recipients.leadsOnly ? ["LEAD"] : ["TRIAGE", "LEAD"]}::"Role"[])`
      : Prisma.sql`SELECT unnest(${recipients.map((recipient) => recipient.id)}::uuid[]) AS "id"`;
  return Prisma.sql`
    INSERT INTO "Alert" ("id", "recipientId", "referralId", "teamId", "kind", "createdAt", "readAt", "resolvedAt")
    SELECT uuidv7(), people."id", ${referralId}::uuid, ${teamId}::uuid, ${kind}::"AlertKind", ${now}, NULL, NULL
      FROM (${people}) AS people
    ON CONFLICT ("recipientId", "referralId", "kind") DO UPDATE
      SET "resolvedAt" = NULL, "readAt" = NULL, "createdAt" = EXCLUDED."createdAt", "teamId" = EXCLUDED."teamId"
    RETURNING "recipientId"`;
}

async function notify(
  tx: Transaction,
  kind: AlertKind,
  referralId: string,
  teamId: string,
  recipients: readonly { id: string }[] | TeamRecipients,
  now: Date,
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ recipientId: string }[]>(notifySql(kind, referralId, teamId, recipients, now));
  return rows.map((row) => row.recipientId);
}

/**
 * A new referral's alerts in two parts: the in-app alerts as SQL (to run alone, or inside the
 * statement that writes the referral) and, with their recipients, what follows (the email).
 */
export interface NewReferralAlerts {
  readonly sql: Prisma.Sql;
  afterwards(tx: Transaction, recipientIds: string[]): Promise<void>;
}

/** The team's members who work its referrals, or only its leads, as notify finds them. */
interface TeamRecipients {
  readonly leadsOnly: boolean;
}
const TEAM: TeamRecipients = { leadsOnly: false };
const TEAM_LEADS: TeamRecipients = { leadsOnly: true };

/** The alerts a member sees: never about a referral they may not open now. */
function visibleTo(user: AuthenticatedUser) {
  return {
    recipientId: user.id,
    resolvedAt: null,
    // Alerts never widen access: about a referral the member may open as its team, or (a
    // lead) a transfer waiting for their team, which opens the transfer inbox, not the file.
    OR: [
      { referral: referralScope(user, "referral.read-as-team") },
      { kind: "TRANSFER_REQUESTED" as const, referral: referralScope(user, "transfer.review") },
      // The sender hears their transfer was accepted, though the referral is no longer theirs.
      ...(user.team ? [{ kind: "TRANSFER_ACCEPTED" as const, teamId: user.team.id }] : []),
      // The referrer hears the outcome of a referral they made, which they may open as its referrer.
      { kind: "OUTCOME" as const, referral: referralScope(user, "referral.read") },
    ],
  };
}

const ids = (people: readonly { id: string }[]) => people.map((person) => person.id);

/**
 * In-app alerts, and the same events in the email outbox (modules/notifications). A RED referral
 * tells every member of the owning team at once, in the same transaction as the change that
 * made it RED, and stays in their alerts until somebody claims it. Alerts never widen access: a
 * member sees only alerts about referrals they may open now.
 */
export function createAlertService({ db, clock, outbox }: { db: Database; clock: Clock; outbox: Outbox }) {
  function redReferralAlerts(referral: { id: string; teamId: string }, now: Date): NewReferralAlerts {
    return {
      // A referral raised to RED again re-opens the alerts it had: unread, and new as of now.
      sql: notifySql("RED_REFERRAL", referral.id, referral.teamId, TEAM, now),
      async afterwards(tx, members) {
        await outbox.record(
          tx,
          {
            kind: "RED_REFERRAL",
            eventKey: `red:${referral.id}:${now.toISOString()}`,
            recipientIds: members,
            referralId: referral.id,
            teamId: referral.teamId,
          },
          now,
        );
      },
    };
  }

  /**
   * A referral has reached a team (submitted, or routed on by the hub). RED tells everyone at
   * once; any other goes out by email in the next half-hourly digest within working hours.
   */
  function newReferralAlerts(referral: { id: string; teamId: string; risk: string }, now: Date): NewReferralAlerts {
    if (referral.risk === "RED") return redReferralAlerts(referral, now);
    return {
      sql: notifySql("NEW_REFERRAL", referral.id, referral.teamId, TEAM, now),
      async afterwards(tx, members) {
        if (!outbox.emailEnabled) return;
        const deliverAfter = nextDigestAt(now, await bankHolidayExceptions(tx));
        await outbox.record(
          tx,
          {
            kind: "NEW_REFERRAL",
            eventKey: `new:${referral.id}:${referral.teamId}`,
            recipientIds: members,
            referralId: referral.id,
            teamId: referral.teamId,
            deliverAfter,
          },
          now,
        );
      },
    };
  }

  /** Runs a new referral's alerts on their own. */
  async function raise(tx: Transaction, alerts: NewReferralAlerts): Promise<void> {
    const rows = await tx.$queryRaw<{ recipientId: string }[]>(alerts.sql);
    await alerts.afterwards(
      tx,
      rows.map((row) => row.recipientId),
    );
  }

  return {
    newReferralAlerts,

    async raiseRedReferral(tx: Transaction, referral: { id: string; teamId: string }, now: Date): Promise<void> {
      await raise(tx, redReferralAlerts(referral, now));
    },

    async raiseNewReferral(
      tx: Transaction,
      referral: { id: string; teamId: string; risk: string },
      now: Date,
    ): Promise<void> {
      await raise(tx, newReferralAlerts(referral, now));
    },

    /** Somebody holds the referral now (or it left the team): nobody needs telling any more. */
    async resolveForReferral(tx: Transaction, referralId: string, now: Date): Promise<void> {
      // A transfer's alerts follow the transfer, not who holds the referral.
      await tx.alert.updateMany({
        where: { referralId, kind: { in: ["RED_REFERRAL", "NEW_REFERRAL"] }, resolvedAt: null },
        data: { resolvedAt: now },
      });
    },

    /** Tells the receiving team's leads that a transfer waits for them. */
    async raiseTransferRequested(
      tx: Transaction,
      transfer: { id?: string; referralId: string; toTeamId: string },
      now: Date,
    ): Promise<void> {
      const leads = await notify(tx, "TRANSFER_REQUESTED", transfer.referralId, transfer.toTeamId, TEAM_LEADS, now);
      await outbox.record(
        tx,
        {
          kind: "TRANSFER_REQUESTED",
          eventKey: `transfer-requested:${transfer.id ?? transfer.referralId}:${now.toISOString()}`,
          recipientIds: leads,
          referralId: transfer.referralId,
          teamId: transfer.toTeamId,
        },
        now,
      );
    },

    /** The transfer has been answered (or withdrawn): its leads need no reminding. */
    async resolveTransferRequested(tx: Transaction, referralId: string, now: Date): Promise<void> {
      await tx.alert.updateMany({
        where: { referralId, kind: "TRANSFER_REQUESTED", resolvedAt: null },
        data: { resolvedAt: now },
      });
    },

    /** Tells whoever asked for a transfer that the other team's lead answered it. */
    async raiseTransferAnswered(
      tx: Transaction,
      transfer: { id: string; referralId: string; fromTeamId: string; requestedById: string },
      kind: "TRANSFER_ACCEPTED" | "TRANSFER_REJECTED",
      now: Date,
    ): Promise<void> {
      const sender = [{ id: transfer.requestedById }];
      await notify(tx, kind, transfer.referralId, transfer.fromTeamId, sender, now);
      await outbox.record(
        tx,
        {
          kind,
          eventKey: `transfer-answered:${transfer.id}`,
          recipientIds: ids(sender),
          referralId: transfer.referralId,
          teamId: transfer.fromTeamId,
        },
        now,
      );
    },

    /** The decision is in force: the referrer hears of it (the outcome; never the team's reasons). */
    async raiseOutcome(tx: Transaction, referral: { id: string; teamId: string }, now: Date): Promise<void> {
      const { referrerId } = await tx.referral.findUniqueOrThrow({
        where: { id: referral.id },
        select: { referrerId: true },
      });
      await notify(tx, "OUTCOME", referral.id, referral.teamId, [{ id: referrerId }], now);
      await outbox.record(
        tx,
        {
          kind: "OUTCOME",
          eventKey: `outcome:${referral.id}:${now.toISOString()}`,
          recipientIds: [referrerId],
          referralId: referral.id,
          teamId: referral.teamId,
        },
        now,
      );
    },

    /** Two working hours left: the assignee is reminded, or the whole team when nobody holds it. */
    async raiseDecisionDueSoon(
      tx: Transaction,
      referral: { id: string; teamId: string; assigneeId: string | null; decisionDueAt: Date },
      now: Date,
    ): Promise<void> {
      const recipients = await notify(
        tx,
        "DECISION_DUE_SOON",
        referral.id,
        referral.teamId,
        referral.assigneeId ? [{ id: referral.assigneeId }] : TEAM,
        now,
      );
      await outbox.record(
        tx,
        {
          kind: "DECISION_DUE_SOON",
          eventKey: `due-soon:${referral.id}:${referral.decisionDueAt.toISOString()}`,
          recipientIds: recipients,
          referralId: referral.id,
          teamId: referral.teamId,
        },
        now,
      );
    },

    /** Overdue, or RED and unclaimed for an hour: the team's leads are told (once per escalation). */
    async raiseEscalation(
      tx: Transaction,
      referral: { id: string; teamId: string },
      eventKey: string,
      now: Date,
    ): Promise<void> {
      const leads = await notify(tx, "ESCALATED", referral.id, referral.teamId, TEAM_LEADS, now);
      await outbox.record(
        tx,
        { kind: "ESCALATED", eventKey, recipientIds: leads, referralId: referral.id, teamId: referral.teamId },
        now,
      );
    },

    async unreadCount(user: AuthenticatedUser): Promise<number> {
      return db.alert.count({ where: { ...visibleTo(user), readAt: null } });
    },

    async list(user: AuthenticatedUser): Promise<AlertList> {
      const where = visibleTo(user);
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
        // News, not work: once seen, it has told the member what it had to.
        db.alert.updateMany({
          where: { recipientId: user.id, readAt: null, kind: { in: NEWS_KINDS } },
          data: { readAt: now, resolvedAt: now },
        }),
        db.alert.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: now } }),
      ]);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
