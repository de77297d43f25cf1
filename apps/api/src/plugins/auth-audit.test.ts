import { describe, expect, it } from "vitest";
import { createUser, signedInClient } from "../testing/fixtures.ts";
import { useTestApp } from "../testing/use-test-app.ts";

describe("refusals by role", () => {
  const context = useTestApp();

  it("are answered 403 and recorded with the route's pattern, never its parameters", async () => {
    const referrer = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, referrer);
    const before = await context.test.db.auditEvent.count({ where: { action: "route.refuse" } });

    const response = await client.get("/api/admin/users?search=someone%40example.org");
    expect(response.statusCode).toBe(403);

    const entries = await context.test.db.auditEvent.findMany({
      where: { action: "route.refuse", actorId: referrer.id },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: "DENIED",
      actorRole: "REFERRER",
      entityType: "Route",
      entityId: "GET /api/admin/users",
      requestId: response.json<{ requestId: string }>().requestId,
      details: { reason: "role-not-permitted" },
    });
    expect(await context.test.db.auditEvent.count({ where: { action: "route.refuse" } })).toBe(before + 1);
  });

  it("are not recorded for an anonymous caller, who is told to sign in instead", async () => {
    const before = await context.test.db.auditEvent.count();
    const response = await context.app.inject({ method: "GET", url: "/api/admin/users" });
    expect(response.statusCode).toBe(401);
    expect(await context.test.db.auditEvent.count()).toBe(before);
  });
});
