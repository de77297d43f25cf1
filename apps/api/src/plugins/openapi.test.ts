import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { buildTestApp } from "../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";

interface Operation {
  requestBody?: { content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> };
}

/** "/api/drafts/:id" as OpenAPI writes it: "/api/drafts/{id}". */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, "{$1}").replace(/\/$/, "") || "/";

describe("the OpenAPI document", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const bodySchemas = new Map<string, ZodType>();

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db, {}, (route) => {
      const body = route.schema?.body as ZodType | undefined;
      for (const method of [route.method].flat())
        if (body) bodySchemas.set(`${method} ${openApiPath(route.url)}`, body);
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("gives every write route a complete example body, which that route's own schema accepts", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = bodySchemas.get(`${method.toUpperCase()} ${path}`);
        if (!schema) continue;
        const route = `${method.toUpperCase()} ${path}`;
        // @fastify/swagger puts one example on the media type as `example`, several as `examples`.
        const media = operation.requestBody?.content["application/json"];
        const examples = media?.examples
          ? Object.values(media.examples).map((named) => named.value)
          : media?.example !== undefined
            ? [media.example]
            : undefined;
        expect(examples, `${route} publishes no example body`).toBeDefined();
        for (const example of examples ?? []) {
          const result = schema.safeParse(example);
          expect(result.success, `${route}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        }
        checked.push(route);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        "POST /api/referrals",
        "POST /api/auth/login",
        "POST /api/admin/users",
        "PUT /api/drafts/{id}",
      ]),
    );
    expect(checked.length).toBe(bodySchemas.size);
  });
});
