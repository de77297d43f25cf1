import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../errors.ts";
import type { HealthService } from "./service.ts";

export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthService }> = async (app, { health }) => {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Liveness: the process is up and serving requests",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Readiness: the database is reachable, so requests can be served",
        response: { 200: z.object({ status: z.literal("ready") }) },
      },
    },
    async () => {
      if (!(await health.isDatabaseReachable())) {
        throw new DomainError("unavailable", "The database is not reachable.");
      }
      return { status: "ready" as const };
    },
  );
};
