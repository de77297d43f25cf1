import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI generated from the same zod schemas that validate requests; UI at /api/docs. */
export const openApi = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "CSE Referral Hub API",
          description:
            "Referral, triage and oversight of concerns that a child is being sexually exploited, " +
            "for the West Yorkshire partnership. State-changing requests need the `x-csrf-token` header " +
            "from `GET /api/auth/csrf`.",
          version: "0.1.0",
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, {
      routePrefix: "/api/docs",
      // Hashes the UI's inline script and style so it works under our strict CSP.
      staticCSP: true,
      uiConfig: { docExpansion: "list", deepLinking: false },
    });
  },
  { name: "openapi" },
);
