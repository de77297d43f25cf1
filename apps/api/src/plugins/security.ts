import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

interface SecurityOptions {
  readonly isProduction: boolean;
}

/**
 * Strict headers on everything, and no caching of anything the API returns: its answers
 * can hold a child's details, which must not linger in a shared or browser cache.
 */
export const security = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(options.isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      referrerPolicy: { policy: "no-referrer" },
      frameguard: { action: "deny" },
      strictTransportSecurity: options.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
    app.addHook("onSend", async (request, reply) => {
      if (request.url.startsWith("/api/") && !request.url.startsWith("/api/docs")) {
        reply.header("cache-control", "no-store");
        reply.header("pragma", "no-cache");
      }
    });
  },
  { name: "security" },
);
