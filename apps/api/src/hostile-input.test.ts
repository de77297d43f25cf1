// Property-based: hostile bodies on every state-changing route the API documents, and not one
// 5xx or stored row. The routes come from the served OpenAPI document, so a new route is covered
// the day it is added.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import type { Database } from "./db/client.ts";
import type { RouteAccess } from "./plugins/auth.ts";
import { buildTestApp } from "./testing/app.ts";
import { TestClient } from "./testing/client.ts";
import { createTestDatabase, type TestDatabase } from "./testing/database.ts";
import { createUser, signedInClient, TEST_PASSWORD } from "./testing/fixtures.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Operation {
  readonly method: string;
  /** As OpenAPI writes it: /api/drafts/{id}. */
  readonly path: string;
  readonly access: RouteAccess | undefined;
  readonly schema: ZodType | undefined;
  readonly example: Json | undefined;
}

interface MediaType {
  example?: Json;
  examples?: Record<string, { value: Json }>;
}

const STATE_CHANGING = new Set(["post", "put", "patch", "delete"]);
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, "{$1}").replace(/\/$/, "") || "/";

/** Characters the text rule refuses: NUL, other C0 controls, DEL, and lone surrogates. */
const FORBIDDEN = ["\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\ud800", "\udfff"];

/** Every path to a string in a JSON value. */
function stringPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [prefix];
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => stringPaths(child, [...prefix, key]));
}

/** Every path to any value in a JSON value, the root included. */
function valuePaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => valuePaths(child, [...prefix, key]))];
}

function replaceAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return copy;
    node = (node as Record<string, Json>)[key] ?? null;
  }
  if (node === null || typeof node !== "object") return copy;
  const target = node as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const replacement = replace(target[last] ?? null);
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}

function deeplyNested(depth: number): Json {
  let value: Json = "bottom";
  for (let level = 0; level < depth; level += 1) value = { child: value };
  return value;
}

const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>("", " ", "\u0000", "a\u0000b", "\ud800x", "x\udc00", "\u001b[31m", -1, 1e308, 0.5, true, null),
  fc.constantFrom<Json>([], {}, "2999-13-45", "NaN", '\'; DROP TABLE "User"; --', "%", "_"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ minLength: 20_000, maxLength: 20_010 }),
  fc.constant<Json>(Array.from({ length: 5_000 }, (_, index) => `item ${index}`)),
  fc.constant(deeplyNested(500)),
);

/** A raw request body: text and a content type, as they would arrive on the wire. */
interface RawBody {
  readonly payload: string;
  readonly contentType: string | undefined;
}

const asJson = (value: Json): RawBody => ({ payload: JSON.stringify(value), contentType: "application/json" });

function hostileBody(example: Json | undefined): fc.Arbitrary<RawBody> {
  const base: Json = example ?? {};
  const everywhere = valuePaths(base);
  const strings = stringPaths(base);
  const mutated = fc
    .array(fc.tuple(fc.constantFrom(...everywhere), fc.option(nastyValue, { nil: undefined })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((changes) => changes.reduce<Json>((body, [path, value]) => replaceAt(body, path, () => value), base));
  const forbiddenInText =
    strings.length === 0
      ? fc.constant(base)
      : fc
          .tuple(fc.constantFrom(...strings), fc.constantFrom(...FORBIDDEN), fc.nat(3))
          .map(([path, character, position]) =>
            replaceAt(base, path, (old) => {
              const text = typeof old === "string" ? old : "";
              const at = Math.min(position, text.length);
              return `${text.slice(0, at)}${character}${text.slice(at)}`;
            }),
          );
  const unknownKey = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), nastyValue)
    .map(([key, value]) => (typeof base === "object" && base !== null ? { ...base, [`x${key}`]: value } : base));
  const malformedText = fc.constantFrom(
    "{",
    "{ not json",
    '{"a":1,}',
    "[".repeat(20_000) + "]".repeat(20_000),
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    "\u0000",
    "nul\u0000l",
    JSON.stringify(base).slice(0, -1),
    `${JSON.stringify(base)} trailing`,
    '{"__proto__":{"admin":true}}',
  );
  return fc.oneof(
    { weight: 5, arbitrary: mutated.map(asJson) },
    { weight: 4, arbitrary: forbiddenInText.map(asJson) },
    { weight: 1, arbitrary: unknownKey.map(asJson) },
    { weight: 1, arbitrary: (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map(asJson) },
    { weight: 2, arbitrary: malformedText.map((payload) => ({ payload, contentType: "application/json" })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "")
        .map((contentType) => ({ payload: JSON.stringify(base), contentType: contentType || undefined })),
    },
  );
}

/** Path parameters: mostly a well-formed id, sometimes something hostile. */
const pathParameter = fc.oneof(
  { weight: 4, arbitrary: fc.constant("").map(() => randomUUID()) },
  { weight: 1, arbitrary: fc.constantFrom("%00", "%ED%A0%80", "%FF", "x".repeat(300), "..%2F..%2Fetc", "'") },
);

/** Whether the route's own schema would take the body: a hostile body that happens to be valid proves nothing. */
function isAccepted(operation: Operation, body: RawBody): boolean {
  // Fastify reads plain text itself; a route without a body schema then rightly ignores it.
  if (!operation.schema && (body.contentType === "text/plain" || body.contentType === undefined)) return true;
  if (body.contentType !== "application/json") return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.payload);
  } catch {
    return false;
  }
  // Without a body schema a route ignores what it is sent: only unreadable bodies test it.
  return operation.schema ? operation.schema.safeParse(parsed).success : true;
}

async function storedRows(db: Database) {
  const counts = {
    users: db.user.count(),
    organisations: db.organisation.count(),
    invitations: db.invitation.count(),
    recoveryCodes: db.recoveryCode.count(),
    drafts: db.draft.count(),
    referrals: db.referral.count(),
    addenda: db.addendum.count(),
    notes: db.note.count(),
    riskOverrides: db.riskOverride.count(),
    chronology: db.chronologyEvent.count(),
    alerts: db.alert.count(),
    notifications: db.notification.count(),
    notificationPreferences: db.notificationPreference.count(),
    idempotency: db.idempotencyRecord.count(),
  };
  const values = await Promise.all(Object.values(counts));
  return Object.fromEntries(Object.keys(counts).map((name, index) => [name, values[index]]));
}

describe("hostile input on every state-changing route", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let operations: Operation[];
  const routes = new Map<string, { access: RouteAccess | undefined; schema: ZodType | undefined }>();
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db, { LOG_LEVEL: "error" }, (route) => {
      for (const method of [route.method].flat()) {
        routes.set(`${method.toLowerCase()} ${openApiPath(route.url)}`, {
          access: route.config?.access,
          schema: route.schema?.body as ZodType | undefined,
        });
      }
    }));
    await app.ready();
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, MediaType> } }>>;
    }>();
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => STATE_CHANGING.has(method))
        .map(([method, operation]) => {
          const media = operation.requestBody?.content["application/json"];
          const example = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
          return { method, path, example, ...routes.get(`${method} ${path}`)! };
        }),
    );

    for (const role of ["REFERRER", "ADMIN", "TRIAGE", "LEAD"] as const) {
      const user = await createUser(test.db, {
        role,
        ...(role === "TRIAGE" || role === "LEAD" ? { teamCode: "leeds" } : {}),
      });
      clients.set(role, await signedInClient(app, user));
    }
    // Half-way through signing in: the password given, the second factor still to come.
    const pending = new TestClient(app);
    const lead = await createUser(test.db, { role: "LEAD", teamCode: "bradford" });
    await pending.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    clients.set("pending-sign-in", pending);
    clients.set("public", new TestClient(app));
  });

  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  /** A caller the route admits, so the body is what gets judged. */
  function callerFor(operation: Operation): TestClient {
    const access = operation.access;
    if (access === "public" || access === undefined) return clients.get("public")!;
    if (access === "pending-sign-in") return clients.get("pending-sign-in")!;
    return clients.get(access[0]!)!;
  }

  let idempotencyKey = 0;
  async function send(operation: Operation, url: string, body: RawBody) {
    const client = callerFor(operation);
    const headers: Record<string, string> = { "idempotency-key": `hostile-${(idempotencyKey += 1)}-key` };
    if (body.contentType) headers["content-type"] = body.contentType;
    const method = operation.method.toUpperCase() as "POST" | "PUT" | "PATCH" | "DELETE";
    return client.request(method, url, { body: body.payload, headers });
  }

  function expectClearRefusal(response: Awaited<ReturnType<typeof send>>, label: string) {
    expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    expect(response.headers["content-type"], label).toMatch(/^application\/problem\+json/);
  }

  it("finds the routes in the OpenAPI document", () => {
    const names = operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "POST /api/drafts",
        "PUT /api/drafts/{id}",
        "POST /api/admin/organisations",
        "POST /api/admin/users",
        "POST /api/referrals",
        "POST /api/auth/login",
        "POST /api/exports/referrals",
        "POST /api/referrals/bulk-reassign",
      ]),
    );
    for (const operation of operations) expect(operation.method, operation.path).toMatch(/^(post|put|patch|delete)$/);
  });

  it("refuses a forbidden character in every text field of every route with a 400", { timeout: 120_000 }, async () => {
    const before = await storedRows(test.db);
    let sent = 0;
    for (const operation of operations.filter((candidate) => candidate.schema && candidate.example !== undefined)) {
      const url = operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
      for (const path of stringPaths(operation.example!)) {
        for (const character of FORBIDDEN) {
          const body = replaceAt(
            operation.example!,
            path,
            (old) => `${typeof old === "string" ? old : ""}${character}`,
          );
          const response = await send(operation, url, asJson(body));
          const label = `${operation.method.toUpperCase()} ${operation.path} ${path.join(".")} U+${character.charCodeAt(0).toString(16)}`;
          expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBe(400);
          sent += 1;
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(await storedRows(test.db)).toEqual(before);
  });

  it("answers hostile bodies with a clear 4xx, never a 5xx, and stores nothing", { timeout: 300_000 }, async () => {
    const before = await storedRows(test.db);
    let sent = 0;
    const request = fc
      .constantFrom(...operations)
      .chain((operation) => fc.tuple(fc.constant(operation), hostileBody(operation.example), pathParameter));
    await fc.assert(
      fc.asyncProperty(request, async ([operation, body, parameter]) => {
        fc.pre(!isAccepted(operation, body));
        sent += 1;
        const url = operation.path.replace(/\{[^}]+\}/g, parameter);
        expectClearRefusal(await send(operation, url, body), `${operation.method.toUpperCase()} ${url}`);
      }),
      { numRuns: 400, seed: 20261130 },
    );
    expect(sent).toBeGreaterThan(250);
    expect(await storedRows(test.db)).toEqual(before);
  });
});
