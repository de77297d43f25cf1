import type { Database } from "../../db/client.ts";

export interface ThrottleState {
  readonly count: number;
  readonly resetAt: Date;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every API instance. One atomic upsert per
 * hit: a window that has ended starts again at 1.
 */
export function createThrottle(db: Database) {
  return {
    async hit(key: string, windowMs: number): Promise<ThrottleState> {
      const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
        INSERT INTO "RateLimitCounter" ("key", "count", "resetAt")
        VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
        ON CONFLICT ("key") DO UPDATE SET
          "count"   = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
          "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now()
                           THEN now() + ${windowMs} * interval '1 millisecond'
                           ELSE "RateLimitCounter"."resetAt" END
        RETURNING "count", "resetAt"`;
      const row = rows[0]!;
      return { count: row.count, resetAt: row.resetAt };
    },

    async clear(key: string): Promise<void> {
      await db.rateLimitCounter.deleteMany({ where: { key } });
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
