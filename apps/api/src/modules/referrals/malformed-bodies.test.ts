// Property-based: thousands of malformed referral bodies, and not one 5xx or stored row.
import { EXAMPLE_REFERRAL_SUBMISSION, referralSubmissionSchema } from "@cse/contracts";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import type { TestClient } from "../../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in the example body. */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function replaceAt(root: Json, path: string[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(root) as Record<string, Json>;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) {
    // An earlier change may have replaced a parent: then this change has nowhere to go.
    if (node === null || typeof node !== "object") return copy;
    node = (node as Record<string, Json>)[key] ?? null;
  }
  if (node === null || typeof node !== "object") return copy;
  const last = path[path.length - 1]!;
  const target = node as Record<string, Json>;
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}

const example = EXAMPLE_REFERRAL_SUBMISSION as unknown as Json;
const paths = pathsOf(example);

const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    '\'; DROP TABLE "Referral"; --',
    "9".repeat(400),
    -1,
    1e308,
    0.5,
    true,
    null,
    [],
    {},
    "2999-13-45",
    "NaN",
  ),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ minLength: 12_000, maxLength: 12_050 }),
);

/** The example with one or more places broken: replaced, removed, or an unknown key added. */
const malformedBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...paths), fc.option(nasty, { nil: undefined })), { minLength: 1, maxLength: 4 })
      .map((changes) => changes.reduce((body, [path, value]) => replaceAt(body, path, value), example)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...paths.filter((path) => path.length > 0)),
        fc.string({ minLength: 1, maxLength: 20 }),
        nasty,
      )
      .map(([path, key, value]) => replaceAt(example, [...path.slice(0, -1), `${path.at(-1)}_${key}`], value)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json> },
);

describe("POST /api/referrals with malformed bodies", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let client: TestClient;

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db, { LOG_LEVEL: "fatal" }));
    client = await signedInClient(app, await createUser(test.db, { role: "REFERRER" }));
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("answers every one with a clear 4xx, never a 5xx, and stores nothing", { timeout: 300_000 }, async () => {
    let sent = 0;
    let key = 0;
    await fc.assert(
      fc.asyncProperty(malformedBody, async (body) => {
        // Only bodies the schema refuses count: a mutation may happen to stay valid.
        fc.pre(!referralSubmissionSchema.safeParse(body).success);
        sent += 1;
        // Sent as JSON text, as a browser would, whatever the value (even a bare string).
        const response = await client.post("/api/referrals", JSON.stringify(body), {
          headers: { "content-type": "application/json", "idempotency-key": `fuzz-${(key += 1)}-key` },
        });
        expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
        expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
        const problem = response.json();
        if (response.statusCode === 400) expect(problem.errors.length).toBeGreaterThan(0);
        else expect(problem.code).toBe("payload-too-large");
      }),
      { numRuns: 2500, seed: 20261129 },
    );
    expect(sent).toBeGreaterThan(2000);
    expect(await test.db.referral.count()).toBe(0);
    expect(await test.db.referralChild.count()).toBe(0);
    expect(await test.db.idempotencyRecord.count()).toBe(0);
  });
});
