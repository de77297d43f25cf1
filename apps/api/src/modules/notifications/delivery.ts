import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Database } from "../../db/client.ts";
import type { NotificationKind } from "../../generated/prisma/enums.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { SecretBox } from "../../security/encryption.ts";
import type { Clock } from "../../services/clock.ts";
import { ALWAYS_SENT_KINDS } from "./kinds.ts";
import type { Mailer } from "./mailer.ts";
import { composeMessage, linkPathFor, type MessageItem } from "./message.ts";

/** How long a worker holds what it claimed; a worker that dies frees it when this runs out. */
export const DELIVERY_LEASE_MS = 5 * 60_000;
const RECIPIENTS_PER_RUN = 100;

export interface DeliverySettings {
  readonly coalesceMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly publicUrl: string;
}

interface ClaimedRow {
  id: string;
  kind: NotificationKind;
  referralId: string | null;
  teamId: string | null;
  sealedLink: string | null;
  messageId: string;
  attempts: number;
}

/** The error's code or class only: an SMTP error's text can quote the address it refused. */
function errorClass(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(code)) return code;
  return error instanceof Error ? error.name.slice(0, 40) : "Error";
}

export interface DeliveryReport {
  sent: number;
  alreadySent: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

/**
 * Sends what the outbox holds. Each run claims, per recipient, every due row in one statement
 * (FOR UPDATE SKIP LOCKED, committed before sending), so two workers never hold the same row.
 * A claimed row keeps its message id for good: a worker that dies after sending leaves the rows
 * SENDING until their lease runs out, and the next run sends the same message id again, which
 * the mailer recognises (see docs/notifications.md for the whole argument).
 */
export function createNotificationDelivery(deps: {
  db: Database;
  mailer: Mailer;
  secretBox: SecretBox;
  clock: Clock;
  settings: DeliverySettings;
  log: Pick<Logger, "info" | "warn" | "error">;
  /** Tests simulate a worker dying between sending and recording it. */
  afterSend?: (messageId: string) => Promise<void>;
}) {
  const { db, mailer, secretBox, clock, settings, log } = deps;

  async function dueRecipients(now: Date): Promise<string[]> {
    // A first attempt waits until the oldest due event has settled for the coalescing window,
    // so the events that follow it within the window go in the same email.
    const settled = new Date(now.getTime() - settings.coalesceMs);
    const rows = await db.$queryRaw<{ recipientId: string }[]>(Prisma.sql`
      SELECT DISTINCT "recipientId" FROM "Notification"
       WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("attempts" > 0 OR "createdAt" <= ${settled}))
          OR ("status" = 'SENDING' AND "leaseUntil" <= ${now})
       LIMIT ${RECIPIENTS_PER_RUN}`);
    return rows.map((row) => row.recipientId);
  }

  async function claim(recipientId: string, now: Date): Promise<ClaimedRow[]> {
    return db.$queryRaw<ClaimedRow[]>(Prisma.sql`
      UPDATE "Notification"
         SET "status" = 'SENDING', "leaseUntil" = ${new Date(now.getTime() + DELIVERY_LEASE_MS)},
             "attempts" = "attempts" + 1, "messageId" = COALESCE("messageId", ${randomUUID()}::uuid)
       WHERE "id" IN (
         SELECT "id" FROM "Notification"
          WHERE "recipientId" = ${recipientId}::uuid
            AND (("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "leaseUntil" <= ${now}))
          FOR UPDATE SKIP LOCKED)
      RETURNING "id", "kind", "referralId", "teamId", "sealedLink", "messageId", "attempts"`);
  }

  async function itemsOf(rows: readonly ClaimedRow[]): Promise<MessageItem[]> {
    const referralIds = rows.flatMap((row) => (row.referralId ? [row.referralId] : []));
    const teamIds = rows.flatMap((row) => (row.teamId ? [row.teamId] : []));
    const [referrals, teams] = await Promise.all([
      db.referral.findMany({ where: { id: { in: referralIds } }, select: { id: true, reference: true } }),
      db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
    ]);
    const referenceOf = new Map(referrals.map((referral) => [referral.id, referral.reference]));
    const teamNameOf = new Map(teams.map((team) => [team.id, team.name]));
    return rows.map((row) => ({
      kind: row.kind,
      reference: row.referralId ? (referenceOf.get(row.referralId) ?? null) : null,
      teamName: row.teamId ? (teamNameOf.get(row.teamId) ?? null) : null,
      link:
        settings.publicUrl + (row.sealedLink ? secretBox.open(row.sealedLink) : linkPathFor(row.kind, row.referralId)),
    }));
  }

  async function settle(messageId: string, data: Prisma.NotificationUpdateManyMutationInput): Promise<void> {
    await db.notification.updateMany({ where: { messageId, status: "SENDING" }, data: { ...data, leaseUntil: null } });
  }

  async function deliverMessage(recipientId: string, messageId: string, rows: ClaimedRow[], report: DeliveryReport) {
    const recipient = await db.user.findUnique({ where: { id: recipientId }, select: { email: true, status: true } });
    const mayReceive =
      recipient !== null &&
      recipient.status !== "DISABLED" &&
      (recipient.status === "ACTIVE" || rows.every((row) => ALWAYS_SENT_KINDS.includes(row.kind)));
    if (!mayReceive) {
      // Disabled since the event: never notified.
      await settle(messageId, { status: "CANCELLED" });
      report.cancelled += rows.length;
      return;
    }
    const now = clock.now();
    try {
      const { subject, text } = composeMessage(await itemsOf(rows));
      const result = await mailer.send({ messageId, to: recipient.email, subject, text });
      await deps.afterSend?.(messageId);
      await settle(messageId, { status: "SENT", sentAt: now, lastError: null });
      if (result === "sent") report.sent += 1;
      else report.alreadySent += 1;
    } catch (error) {
      if ((error as { simulatedCrash?: boolean }).simulatedCrash) throw error;
      const attempts = Math.max(...rows.map((row) => row.attempts));
      const lastError = errorClass(error);
      if (attempts >= settings.maxAttempts) {
        await settle(messageId, { status: "FAILED", lastError });
        report.failed += 1;
        log.error({ messageId, attempts, lastError }, "email gave up after its last retry");
      } else {
        const backoff = settings.retryBaseMs * 2 ** (attempts - 1);
        await settle(messageId, { status: "PENDING", nextAttemptAt: new Date(now.getTime() + backoff), lastError });
        report.retrying += 1;
        log.warn({ messageId, attempts, lastError }, "email not sent; it will be retried");
      }
    }
  }

  return {
    /** Sends every due message once; safe to run on any number of workers at the same time. */
    async deliverDue(): Promise<DeliveryReport> {
      const report: DeliveryReport = { sent: 0, alreadySent: 0, retrying: 0, failed: 0, cancelled: 0 };
      const now = clock.now();
      for (const recipientId of await dueRecipients(now)) {
        const claimed = await claim(recipientId, now);
        const byMessage = new Map<string, ClaimedRow[]>();
        for (const row of claimed) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);
        for (const [messageId, rows] of byMessage) await deliverMessage(recipientId, messageId, rows, report);
      }
      return report;
    },
  };
}

export type NotificationDelivery = ReturnType<typeof createNotificationDelivery>;
