import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabaseClient } from "./db/client.ts";
import { buildTestApp, type LogCapture } from "./testing/app.ts";
import { TestClient } from "./testing/client.ts";
import { createTestDatabase, type TestDatabase } from "./testing/database.ts";

describe("the API skeleton", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let logs: LogCapture;

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app, logs } = await buildTestApp(test.db));
    // Routes that exist only in this test, to drive the shared error handling.
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.post(
      "/api/test/echo",
      {
        config: { access: "public" },
        schema: {
          body: z.strictObject({ name: z.string().min(1, "Enter a name"), child: z.object({ age: z.number().int() }) }),
        },
      },
      async (request) => request.body,
    );
    typed.get("/api/test/explode", { config: { access: "public" } }, async () => {
      throw new Error("database said: Key (email)=(jo@school.example) already exists");
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("answers liveness", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers readiness when the database is reachable", async () => {
    const response = await app.inject({ method: "GET", url: "/api/ready" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ready" });
  });

  it("answers 503 problem+json for readiness when the database is not reachable", async () => {
    const unreachable = createDatabaseClient({ url: "postgresql://nobody:nothing@127.0.0.1:9/none" });
    const { app: isolated } = await buildTestApp(unreachable);
    try {
      const response = await isolated.inject({ method: "GET", url: "/api/ready" });
      expect(response.statusCode).toBe(503);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 503,
        code: "unavailable",
        detail: "The database is not reachable.",
      });
    } finally {
      await isolated.close();
      await unreachable.$disconnect();
    }
  });

  it("answers unknown API paths with a 404 problem", async () => {
    const response = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: "urn:cse-referral-hub:problem:not-found",
      title: "Not found",
      status: 404,
      code: "not-found",
    });
  });

  it("answers invalid input with field paths and messages", async () => {
    const response = await new TestClient(app).post("/api/test/echo", { name: "", child: { age: 1.5 }, extra: true });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem).toMatchObject({
      status: 400,
      code: "validation-failed",
      type: "urn:cse-referral-hub:problem:validation-failed",
    });
    const paths = problem.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "child.age", ""]));
    expect(problem.errors).toContainEqual({ path: "name", message: "Enter a name" });
  });

  it("answers malformed JSON with a 400 problem", async () => {
    const response = await new TestClient(app).post("/api/test/echo", "{ not json", {
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, code: "validation-failed" });
  });

  it("answers an unsupported content type with 415", async () => {
    const response = await new TestClient(app).post("/api/test/echo", "a,b", {
      headers: { "content-type": "text/csv" },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: "unsupported-media-type" });
  });

  it("answers an unexpected failure with a bare 500 and logs no message that could hold data", async () => {
    const response = await app.inject({ method: "GET", url: "/api/test/explode" });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(problem).toEqual({
      type: "urn:cse-referral-hub:problem:internal",
      title: "Something went wrong",
      status: 500,
      code: "internal",
      requestId: response.headers["x-request-id"],
    });
    expect(response.body).not.toContain("jo@school.example");
    expect(logs.text).toContain("request failed");
    expect(logs.text).not.toContain("jo@school.example");
  });

  it("publishes OpenAPI generated from the route schemas", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/ready"]));
    expect(document.paths["/api/ready"].get.responses["200"].content["application/json"].schema).toMatchObject({
      type: "object",
      properties: { status: { enum: ["ready"] } },
    });
  });

  it("serves the interactive API documentation", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
  });
});

describe("serving the web app", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let distDir: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    distDir = await mkdtemp(join(tmpdir(), "cse-web-dist-"));
    await mkdir(join(distDir, "assets"));
    await writeFile(join(distDir, "index.html"), "<!doctype html><title>CSE Referral Hub</title>");
    await writeFile(join(distDir, "assets", "index-AbCdEf12.js"), "console.info('app')");
    ({ app } = await buildTestApp(test.db, { WEB_DIST_DIR: distDir }));
  });

  afterAll(async () => {
    await app.close();
    await test.drop();
    await rm(distDir, { recursive: true, force: true });
  });

  it("serves index.html for the app's own routes", async () => {
    for (const url of ["/", "/sign-in", "/referrals/new?step=child"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("<title>CSE Referral Hub</title>");
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });

  it("sends the pre-compressed copy of a bundle to a browser that accepts it", async () => {
    const { gzipSync } = await import("node:zlib");
    await writeFile(join(distDir, "assets", "index-AbCdEf12.js.gz"), gzipSync("console.info('app')"));
    const response = await app.inject({
      method: "GET",
      url: "/assets/index-AbCdEf12.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toMatch(/accept-encoding/i);
  });

  it("serves hashed bundles with a long cache lifetime", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/index-AbCdEf12.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("never answers an unknown API path with the app", async () => {
    const response = await app.inject({ method: "GET", url: "/api/unknown" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
