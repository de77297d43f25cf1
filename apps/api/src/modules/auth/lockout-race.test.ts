import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { TestClient } from "../../testing/client.ts";
import { createUser, TEST_PASSWORD } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

const PARALLEL = 50;
const MAX_FAILURES = 5;

function statusCounts(statuses: number[]) {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The lockout must hold when the guesses arrive together, not only one after another. */
describe("lockout under parallel attempts", () => {
  // A generous per-address limit, so only the per-account lockout is under test.
  const context = useTestApp({ SIGN_IN_MAX_PER_ADDRESS: "10000", SIGN_IN_MAX_FAILURES: String(MAX_FAILURES) });

  it(`checks at most ${MAX_FAILURES} of ${PARALLEL} parallel wrong passwords`, async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const clients = Array.from({ length: PARALLEL }, () => new TestClient(context.app));
    await Promise.all(clients.map((client) => client.refreshCsrfToken()));
    const responses = await Promise.all(
      clients.map((client) => client.post("/api/auth/login", { email: user.email, password: "a wrong guess" })),
    );
    expect(statusCounts(responses.map((response) => response.statusCode))).toEqual({
      401: MAX_FAILURES,
      429: PARALLEL - MAX_FAILURES,
    });
    const checked = await context.test.db.auditEvent.count({
      where: {
        action: "auth.sign-in",
        entityId: user.id,
        outcome: "DENIED",
        details: { path: ["reason"], equals: "incorrect-credentials" },
      },
    });
    expect(checked).toBe(MAX_FAILURES);
    // Locked now, even with the right password.
    const right = await new TestClient(context.app).post("/api/auth/login", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(right.statusCode).toBe(429);
  });

  it(`checks at most ${MAX_FAILURES} of ${PARALLEL} parallel wrong second-factor codes`, async () => {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "kirklees" });
    const client = new TestClient(context.app);
    const first = await client.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    expect(first.json()).toMatchObject({ status: "second-factor-required" });
    const current = await generate({ secret: lead.totpSecret! });
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, "0");
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => client.post("/api/auth/second-factor", { code: wrong })),
    );
    expect(statusCounts(responses.map((response) => response.statusCode))).toEqual({
      401: MAX_FAILURES,
      429: PARALLEL - MAX_FAILURES,
    });
    const right = await client.post("/api/auth/second-factor", { code: current });
    expect(right.statusCode).toBe(429);
  });
});
