import type { SessionStore } from "@fastify/session";
import type { Session } from "fastify";
import type { Database } from "../../db/client.ts";

export interface SessionLifetimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/**
 * @fastify/session store on PostgreSQL. Expiry is enforced here, on every read: a session past
 * its idle or absolute limit is deleted and treated as absent, whatever the cookie says.
 */
export class PostgresSessionStore implements SessionStore {
  constructor(
    private readonly db: Database,
    private readonly lifetimes: SessionLifetimes,
  ) {}

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    const now = Date.now();
    const absoluteExpiresAt = new Date(session.absoluteExpiresAt ?? now + this.lifetimes.absoluteMs);
    const expiresAt = new Date(Math.min(now + this.lifetimes.idleMs, absoluteExpiresAt.getTime()));
    const data = JSON.parse(JSON.stringify(session)) as object;
    this.db.session
      .upsert({
        where: { id: sessionId },
        create: {
          id: sessionId,
          userId: session.userId ?? null,
          data,
          expiresAt,
          absoluteExpiresAt,
          lastSeenAt: new Date(now),
        },
        update: { userId: session.userId ?? null, data, expiresAt, absoluteExpiresAt, lastSeenAt: new Date(now) },
      })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.db.session
      .findUnique({ where: { id: sessionId } })
      .then(async (row) => {
        if (!row) return callback(null, null);
        const now = new Date();
        if (row.expiresAt <= now || row.absoluteExpiresAt <= now) {
          await this.db.session.deleteMany({ where: { id: sessionId } });
          return callback(null, null);
        }
        callback(null, row.data as unknown as Session);
      })
      .catch(callback);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db.session.deleteMany({ where: { id: sessionId } }).then(() => callback(), callback);
  }
}

/** Times the client shows in its expiry warning. */
export function sessionTimes(session: Session, lifetimes: SessionLifetimes, now = Date.now()) {
  const absolute = session.absoluteExpiresAt ?? now + lifetimes.absoluteMs;
  return {
    idleExpiresAt: new Date(Math.min(now + lifetimes.idleMs, absolute)).toISOString(),
    absoluteExpiresAt: new Date(absolute).toISOString(),
  };
}
