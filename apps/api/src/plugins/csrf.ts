import { createHmac } from "node:crypto";
import fastifyCsrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

interface CsrfOptions {
  /** The session secret; the token's key is derived from it. */
  readonly secret: string;
  /** True outside development: the secret's cookie is __Host- and Secure. */
  readonly secureCookie: boolean;
}

declare module "fastify" {
  interface FastifyReply {
    /** A CSRF token for whoever is asking now (anonymous, or the signed-in user). */
    issueCsrfToken(): string;
  }
}

/** Whom a token is for: a token issued before signing in (or to someone else) fails after it. */
function tokenHolder(request: FastifyRequest): string {
  const userId = request.session?.userId;
  return userId ? `user:${userId}` : "anonymous";
}

/**
 * Every state-changing request must carry a CSRF token in x-csrf-token (GET /api/auth/csrf
 * hands it out). Signing in is state-changing too: it blocks login CSRF.
 *
 * The token's secret lives in its own cookie (httpOnly, SameSite=Strict, host-only), not in the
 * session, so an anonymous caller asking for a token costs no session row. The token is an HMAC
 * under a server key of (secret, holder), the holder being the signed-in user: a secret planted
 * by someone who can write cookies is useless without the key, and a token does not outlive a
 * change of who is signed in.
 */
export const csrf = fp(
  async (app: FastifyInstance, options: CsrfOptions) => {
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: options.secureCookie ? "__Host-cse-csrf" : "cse-csrf",
      cookieOpts: { httpOnly: true, sameSite: "strict", secure: options.secureCookie, path: "/" },
      csrfOpts: { hmacKey: createHmac("sha256", options.secret).update("csrf-token-key").digest(), userInfo: true },
      getUserInfo: tokenHolder,
      getToken: (request) => {
        const token = request.headers["x-csrf-token"];
        return typeof token === "string" ? token : undefined;
      },
    });
    app.decorateReply("issueCsrfToken", function issueCsrfToken() {
      return this.generateCsrf({ userInfo: tokenHolder(this.request) });
    });
    app.addHook("onRequest", (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: "csrf", dependencies: ["sessions"] },
);
