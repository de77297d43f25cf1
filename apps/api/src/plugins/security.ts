import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// Vite names bundles with a content hash, so they can be cached for ever.
const hashedName = /-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|png|svg)$/;

/** A bundle the web app's build named by its content: it holds no personal data and never changes. */
function isHashedAsset(request: FastifyRequest, status: number): boolean {
  const route = request.is404 ? undefined : request.routeOptions.url;
  return status === 200 && route !== undefined && route.startsWith("/assets/") && hashedName.test(route);
}

interface SecurityOptions {
  readonly isProduction: boolean;
}

/**
 * Strict headers on everything, and no caching of anything but the hashed bundles: the API's
 * answers can hold a child's details, which must not linger in a shared or browser cache, and
 * a stored page would let the back/forward cache show them again after sign-out.
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
    // Decided on the route the request was matched to, after routing: the raw URL can spell a
    // route in other ways (/%61pi/referrals/...) and would let a child's details be cached.
    app.addHook("onSend", async (request, reply) => {
      if (isHashedAsset(request, reply.statusCode)) {
        reply.header("cache-control", "public, max-age=31536000, immutable");
      } else {
        reply.header("cache-control", "no-store");
        reply.header("pragma", "no-cache");
      }
    });
  },
  { name: "security" },
);
