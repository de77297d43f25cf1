import fastifyCsrf from "@fastify/csrf-protection";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request must carry the session's CSRF token in x-csrf-token
 * (GET /api/auth/csrf hands it out). Signing in is state-changing too: it blocks login CSRF.
 */
export const csrf = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/session",
      getToken: (request) => {
        const token = request.headers["x-csrf-token"];
        return typeof token === "string" ? token : undefined;
      },
    });
    app.addHook("onRequest", (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: "csrf", dependencies: ["sessions"] },
);
