import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";

describe("security headers", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db));
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("sends a strict Content-Security-Policy and the other protective headers", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("forbids caching of every API answer, which may hold a child's details", async () => {
    for (const url of ["/api/health", "/api/auth/session", "/api/nowhere"]) {
      expect((await app.inject({ method: "GET", url })).headers["cache-control"], url).toBe("no-store");
    }
  });

  it("refuses a route that declares no access rule: deny by default", async () => {
    const { app: fresh } = await buildTestApp(test.db);
    fresh.get("/api/test/undeclared", async () => ({ secret: "should not be served" }));
    const response = await fresh.inject({ method: "GET", url: "/api/test/undeclared" });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain("should not be served");
    await fresh.close();
  });
});
