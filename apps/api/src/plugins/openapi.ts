import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * zod leaves `examples` out of the input side of a schema that transforms its values (ours
 * trim and normalise), so the examples we document on each request body are put back here.
 */
function withRequestExamples(input: TransformInput) {
  const transformed = jsonSchemaTransform(input);
  const body = input.schema?.body as z.ZodType | undefined;
  const examples = body ? z.globalRegistry.get(body)?.examples : undefined;
  const documented = transformed.schema as { body?: Record<string, unknown> };
  if (examples && documented.body) documented.body = { ...documented.body, examples };
  return transformed;
}

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
      transform: withRequestExamples,
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
