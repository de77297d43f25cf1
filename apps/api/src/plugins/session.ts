import fastifyCookie from "@fastify/cookie";
import fastifySession from "@fastify/session";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../db/client.ts";
import { markPassive, PostgresSessionStore, type SessionLifetimes } from "../modules/auth/session-store.ts";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";

/** A sign-in that has passed the password and waits for its second factor. */
export interface PendingSignIn {
  readonly userId: string;
  readonly stage: "second-factor" | "enrolment";
  readonly expiresAt: number;
}

declare module "fastify" {
  interface FastifyReply {
    /** Ends the session on the server and tells the browser to forget its cookie. */
    endSession(): Promise<void>;
  }
  interface FastifyContextConfig {
    /** The request is not activity: it never pushes the session's idle expiry on. */
    passiveSession?: boolean;
  }
  interface Session {
    userId?: string;
    authenticatedAt?: number;
    absoluteExpiresAt?: number;
    pending?: PendingSignIn;
    /** When the second factor was last proved in this session: at sign-in, or a step-up since. */
    stepUpAt?: number;
    /** A TOTP secret being enrolled, sealed, until the user proves their app has it. */
    enrolmentSecret?: string;
    /** Set once the session has a row: later saves may only update it (see session-store.ts). */
    stored?: true;
    /** When the row's idle expiry was last pushed on (its lastSeenAt); set on load, never stored. */
    touchedAt?: number;
    /** The session's user as loaded with it, if still active; set on load, never stored. */
    signedInUser?: AuthenticatedUser | null;
  }
}

interface SessionOptions {
  readonly db: Database;
  readonly secret: string;
  readonly lifetimes: SessionLifetimes;
  /** True outside development: the cookie is only ever sent over HTTPS. */
  readonly secureCookie: boolean;
}

export const sessions = fp(
  async (app: FastifyInstance, options: SessionOptions) => {
    // __Host- makes the browser insist on Secure, path=/ and no Domain: a host-only cookie.
    const cookieName = options.secureCookie ? "__Host-cse-session" : "cse-session";
    const cookie = { httpOnly: true, sameSite: "strict", secure: options.secureCookie, path: "/" } as const;
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: options.secret,
      cookieName,
      saveUninitialized: false,
      rolling: true,
      store: new PostgresSessionStore(options.db, options.lifetimes),
      // No maxAge: the cookie ends with the browser session; the server enforces the timeouts.
      // Never secure: "auto": @fastify/session then quietly downgrades SameSite to Lax.
      cookie,
    });
    app.addHook("onRequest", async (request) => {
      if (request.routeOptions.config.passiveSession && request.session) markPassive(request.session);
    });
    app.decorateReply("endSession", async function endSession() {
      await this.request.session.destroy();
      this.clearCookie(cookieName, cookie);
    });
  },
  { name: "sessions" },
);
