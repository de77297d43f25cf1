import type { Database } from "../../db/client.ts";

/**
 * Removes what has expired: sessions past their timeouts, drafts past retention, finished
 * throttle windows and idempotency records. Safe to run anywhere, any number of times.
 */
export function createHousekeepingService(db: Database) {
  return {
    async purgeExpired(now = new Date()): Promise<Record<string, number>> {
      const [sessions, drafts, counters, idempotencyRecords] = await Promise.all([
        db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } }),
        db.draft.deleteMany({ where: { expiresAt: { lte: now } } }),
        db.rateLimitCounter.deleteMany({ where: { resetAt: { lte: now } } }),
        db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } }),
      ]);
      return {
        sessions: sessions.count,
        drafts: drafts.count,
        counters: counters.count,
        idempotencyRecords: idempotencyRecords.count,
      };
    },
  };
}

export type HousekeepingService = ReturnType<typeof createHousekeepingService>;
