import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

interface RateLimitOptions {
  /** Requests per network address per minute. */
  readonly perMinute: number;
}

/** Liveness probes and the build's files: cheap, hold nothing, and polled or fetched in bursts. */
function isExempt(request: FastifyRequest): boolean {
  const route = request.is404 ? undefined : request.routeOptions.url;
  return route === "/api/health" || (route?.startsWith("/assets/") ?? false);
}

/**
 * A general, generous ceiling per network address in front of everything, unknown paths
 * included (so URLs cannot be enumerated at full speed), before the session is even loaded.
 * The sign-in and second-factor limits in modules/auth are the tight ones.
 *
 * The counters are in this process's memory: with several instances each allows the limit, so
 * the ceiling is per instance. That is acceptable for a coarse flood guard; the limits that
 * matter for security (lockout) are in PostgreSQL and shared.
 */
export const rateLimit = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    await app.register(fastifyRateLimit, { global: false });
    const limit = app.rateLimit({ max: options.perMinute, timeWindow: 60_000 });
    app.addHook("onRequest", async (request, reply) => {
      if (!isExempt(request)) await limit.call(app, request, reply);
    });
  },
  { name: "rate-limit" },
);
