import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../testing/app.ts";
import { TestClient } from "../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";

describe("options a deployment sets", () => {
  let test: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await test.drop();
  });

  async function appWith(overrides: Record<string, string>) {
    const { app } = await buildTestApp(test.db, overrides);
    apps.push(app);
    return app;
  }

  it("publishes the API documentation in production only when told to", async () => {
    const production = { NODE_ENV: "production", DATABASE_URL: test.url };
    const hidden = await appWith(production);
    for (const url of ["/api/docs", "/api/docs/", "/api/docs/json"]) {
      expect((await hidden.inject({ method: "GET", url })).statusCode, url).toBe(404);
    }
    const shown = await appWith({ ...production, API_DOCS: "true" });
    expect((await shown.inject({ method: "GET", url: "/api/docs/json" })).statusCode).toBe(200);
  });

  it("limits requests per address in front of everything, but never the liveness probe", async () => {
    const app = await appWith({ RATE_LIMIT_PER_MINUTE: "5" });
    const statuses: number[] = [];
    for (let request = 0; request < 7; request += 1) {
      statuses.push((await app.inject({ method: "GET", url: "/api/auth/session" })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await app.inject({ method: "GET", url: "/api/nowhere" });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ code: "rate-limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    // Another address has its own allowance.
    const elsewhere = await app.inject({ method: "GET", url: "/api/auth/session", remoteAddress: "192.0.2.7" });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("behind one trusted proxy, takes the address the proxy saw, not one the client wrote", async () => {
    const app = await appWith({ TRUST_PROXY: "1", SIGN_IN_MAX_PER_ADDRESS: "3" });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const client = new TestClient(app);
      // The client forges a fresh first hop each time; the proxy appends the real address.
      const forwarded = { "x-forwarded-for": `198.51.100.${attempt}, 203.0.113.9` };
      await client.refreshCsrfToken();
      const response = await client.post(
        "/api/auth/login",
        { email: `nobody${attempt}@test.example`, password: "a wrong guess" },
        { headers: forwarded },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
