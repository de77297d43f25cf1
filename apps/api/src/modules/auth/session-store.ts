import type { FastifySessionObject, SessionStore } from "@fastify/session";
import type { Session } from "fastify";
import type { Database } from "../../db/client.ts";
import { activeUser, type UserRow } from "../users/user-record.ts";

export interface SessionLifetimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/**
 * How often an unchanged session's idle expiry is pushed on. Writing the row on every request
 * (with its commit) was most of the cost of a cheap read; pushing it at most once a minute
 * makes the idle timeout end up to a minute sooner, never later, and sessionTimes tells the
 * browser the expiry the row really has.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * Marks a session loaded for a request that must not count as activity (the header's unread
 * count, asked for on a timer). A symbol: @fastify/session's change detection and the stored
 * JSON both ignore it, so it lives only as long as the request.
 */
const PASSIVE = Symbol("passive session");

export function markPassive(session: Session): void {
  (session as unknown as Record<symbol, boolean>)[PASSIVE] = true;
}

export function isPassive(session: Session): boolean {
  return (session as unknown as Record<symbol, boolean | undefined>)[PASSIVE] === true;
}

/** A session worth a row: someone signed in, half-way through signing in, or enrolling an app. */
function holdsSomething(session: Session): boolean {
  return session.userId !== undefined || session.pending !== undefined || session.enrolmentSecret !== undefined;
}

/**
 * @fastify/session store on PostgreSQL. Expiry is enforced here, on every read: a session past
 * its idle or absolute limit is deleted and treated as absent, whatever the cookie says.
 *
 * Destroyed means destroyed. A request that loaded a session before it was revoked (sign-out,
 * a password change, an administrator disabling the account...) still saves it when it answers
 * (`rolling`). An upsert would write the revoked row back, so a session that came from the
 * store is only ever UPDATEd: when its row is gone, the save changes nothing. A row is INSERTed
 * only on the first save of a new id (minted by @fastify/session, 24 random bytes, never sent
 * by a client before this answer), and only when the session holds something, so anonymous
 * callers cost no rows. The `stored` flag, written into the row, is how a loaded session is
 * told from a new one: @fastify/session copies the row's data into the session it restores,
 * and `regenerate` starts a session without it. A revocation is therefore a plain DELETE
 * (of one id, or of every row of a user) and needs no marker or generation counter.
 */
/** A session's row as the store reads it, with its user (JSON: dates as text). */
interface StoredSession {
  readonly data: unknown;
  readonly expiresAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly lastSeenAt: Date;
  readonly user: (Omit<UserRow, "totpEnabledAt"> & { totpEnabledAt: string | null }) | null;
}

export class PostgresSessionStore implements SessionStore {
  constructor(
    private readonly db: Database,
    private readonly lifetimes: SessionLifetimes,
  ) {}

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    if (!session.stored && !holdsSomething(session)) return callback();
    const now = Date.now();
    // isModified is @fastify/session's comparison with the session as restored; the store is
    // handed the live session object, though it is typed as plain data.
    const unchanged = session.stored === true && !(session as FastifySessionObject).isModified();
    if (unchanged && session.touchedAt !== undefined && now - session.touchedAt < SESSION_TOUCH_INTERVAL_MS) {
      return callback();
    }
    // A passive request leaves the idle expiry where the last real activity put it.
    if (unchanged && isPassive(session)) return callback();
    const absoluteExpiresAt = new Date(session.absoluteExpiresAt ?? now + this.lifetimes.absoluteMs);
    const expiresAt = new Date(Math.min(now + this.lifetimes.idleMs, absoluteExpiresAt.getTime()));
    const { touchedAt: _loadedOnly, signedInUser: _alsoLoadedOnly, ...kept } = session;
    const data = JSON.parse(JSON.stringify({ ...kept, stored: true })) as object;
    const row = { userId: session.userId ?? null, data, expiresAt, absoluteExpiresAt, lastSeenAt: new Date(now) };
    const write = session.stored
      ? this.db.session.updateMany({ where: { id: sessionId }, data: row })
      : this.db.session.create({ data: { id: sessionId, ...row } });
    write.then(() => {
      session.stored = true;
      callback();
    }, callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    // The signed-in user comes in the same statement (one round trip per request, not two), and
    // only what access decisions need: never the password hash or the second factor's secret.
    this.db.$queryRaw<StoredSession[]>`
        SELECT s."data", s."expiresAt", s."absoluteExpiresAt", s."lastSeenAt",
               CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object(
                 'id', u."id", 'email', u."email", 'displayName', u."displayName", 'jobTitle', u."jobTitle",
                 'phone', u."phone", 'role', u."role", 'status', u."status", 'totpEnabledAt', u."totpEnabledAt",
                 'organisation', json_build_object('id', o."id", 'name', o."name", 'agency', o."agency"),
                 'team', CASE WHEN t."id" IS NULL THEN NULL
                              ELSE json_build_object('id', t."id", 'code', t."code", 'name', t."name") END) END AS "user"
          FROM "Session" s
          LEFT JOIN "User" u ON u."id" = s."userId"
          LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
          LEFT JOIN "Team" t ON t."id" = u."teamId"
         WHERE s."id" = ${sessionId}`
      .then(async ([row]) => {
        if (!row) return callback(null, null);
        const now = new Date();
        if (row.expiresAt <= now || row.absoluteExpiresAt <= now) {
          await this.db.session.deleteMany({ where: { id: sessionId } });
          return callback(null, null);
        }
        const loaded = {
          ...(row.data as object),
          touchedAt: row.lastSeenAt.getTime(),
          signedInUser: activeUser(row.user),
        };
        callback(null, loaded as unknown as Session);
      })
      .catch(callback);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db.session.deleteMany({ where: { id: sessionId } }).then(() => callback(), callback);
  }
}

function isModified(session: Session): boolean {
  return (session as Partial<FastifySessionObject>).isModified?.() ?? false;
}

/** Times the client shows in its expiry warning. */
export function sessionTimes(session: Session, lifetimes: SessionLifetimes, now = Date.now()) {
  const absolute = session.absoluteExpiresAt ?? now + lifetimes.absoluteMs;
  // The expiry the row has after this request: pushed on only if the last push is a minute old.
  // A passive request never pushes it on.
  const touchedAt =
    session.touchedAt !== undefined &&
    (now - session.touchedAt < SESSION_TOUCH_INTERVAL_MS || (isPassive(session) && !isModified(session)))
      ? session.touchedAt
      : now;
  return {
    idleExpiresAt: new Date(Math.min(touchedAt + lifetimes.idleMs, absolute)).toISOString(),
    absoluteExpiresAt: new Date(absolute).toISOString(),
  };
}
