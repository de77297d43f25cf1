import type { OutboxReport } from "@cse/contracts/notifications";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../services/clock.ts";

const LIST_LIMIT = 200;

/**
 * What administrators see of the outbox: sends that failed for good or still wait, with their
 * kind, attempts and error class. No address, no reference, nothing about any child.
 */
export function createOutboxStatus({ db, clock }: { db: Database; clock: Clock }) {
  return {
    async report(emailMode: OutboxReport["emailMode"]): Promise<OutboxReport> {
      const dayAgo = new Date(clock.now().getTime() - 86_400_000);
      const unfinished = { status: { in: ["PENDING", "SENDING", "FAILED"] as ("PENDING" | "SENDING" | "FAILED")[] } };
      const [entries, pending, failed, sentLastDay] = await Promise.all([
        db.notification.findMany({
          where: unfinished,
          // Failed first: they need someone; then what waits longest.
          orderBy: [{ status: "asc" }, { nextAttemptAt: "asc" }, { id: "asc" }],
          take: LIST_LIMIT,
          select: {
            id: true,
            kind: true,
            status: true,
            attempts: true,
            createdAt: true,
            nextAttemptAt: true,
            lastError: true,
          },
        }),
        db.notification.count({ where: { status: { in: ["PENDING", "SENDING"] } } }),
        db.notification.count({ where: { status: "FAILED" } }),
        db.notification.count({ where: { status: "SENT", sentAt: { gte: dayAgo } } }),
      ]);
      return {
        emailMode,
        counts: { pending, failed, sentLastDay },
        entries: entries.map((entry) => ({
          id: entry.id,
          kind: entry.kind,
          status: entry.status as "PENDING" | "SENDING" | "FAILED",
          attempts: entry.attempts,
          createdAt: entry.createdAt.toISOString(),
          nextAttemptAt: entry.nextAttemptAt.toISOString(),
          lastError: entry.lastError,
        })),
      };
    },
  };
}

export type OutboxStatusService = ReturnType<typeof createOutboxStatus>;
