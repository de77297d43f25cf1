import fastifyCookie from "@fastify/cookie";
import fastifySession from "@fastify/session";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../db/client.ts";
import { PostgresSessionStore, type SessionLifetimes } from "../modules/auth/session-store.ts";

/** A sign-in that has passed the password and waits for its second factor. */
export interface PendingSignIn {
  readonly userId: string;
  readonly stage: "second-factor" | "enrolment";
  readonly expiresAt: number;
}

declare module "fastify" {
  interface Session {
    userId?: string;
    authenticatedAt?: number;
    absoluteExpiresAt?: number;
    pending?: PendingSignIn;
    /** A TOTP secret being enrolled, sealed, until the user proves their app has it. */
    enrolmentSecret?: string;
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
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: options.secret,
      // __Host- makes the browser insist on Secure, path=/ and no Domain: a host-only cookie.
      cookieName: options.secureCookie === true ? "__Host-cse-session" : "cse-session",
      saveUninitialized: false,
      rolling: true,
      store: new PostgresSessionStore(options.db, options.lifetimes),
      // No maxAge: the cookie ends with the browser session; the server enforces the timeouts.
      // Never secure: "auto": @fastify/session then quietly downgrades SameSite to Lax.
      cookie: { httpOnly: true, sameSite: "strict", secure: options.secureCookie, path: "/" },
    });
  },
  { name: "sessions" },
);
