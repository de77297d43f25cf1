import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { submitReferral } from "../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../testing/team-world.ts";
import { useTestApp } from "../testing/use-test-app.ts";

/**
 * On this kind of machine each statement sent to PostgreSQL costs more of the service's time
 * than the work it asks for (profiles show the socket writes ahead of Prisma and Fastify), so
 * the number of round trips a request makes is its cost. These budgets hold the reads at what
 * docs/performance.md describes; a change that adds a query per relation fails here.
 */
const BUDGETS = {
  // The session, with its user, in one statement.
  "a signed-in request that reads nothing": { path: () => "/api/health", statements: 1, as: "triage" },
  // Session; the referral with everything on the file, and its audit entry, in one statement.
  "the team's referral file": { path: (id: string) => `/api/referrals/${id}`, statements: 2, as: "triage" },
  // The referrer's copy, as its referrer reads it: session; the copy with its audit entry.
  "the referrer's copy of their referral": {
    path: (id: string) => `/api/referrals/${id}`,
    statements: 2,
    as: "referrer",
  },
  // Session; the two segments of the page; the rows shown; the counts; the audit entry.
  "a page of the team's queue": { path: () => "/api/referrals?scope=team", statements: 6, as: "triage" },
} as const;

async function statementsSentDuring(work: () => Promise<void>): Promise<string[]> {
  // Every statement Prisma's driver adapter sends goes through pg.Client#query.
  const client = pg.Client.prototype as unknown as { query: (this: unknown, ...args: unknown[]) => unknown };
  const original = client.query;
  const sent: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const query = args[0] as string | { text?: string };
    sent.push(typeof query === "string" ? query : (query.text ?? ""));
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = original;
  }
  return sent;
}

describe("round trips to the database per request", () => {
  const context = useTestApp();
  let world: TeamWorld;
  let referralId = "";

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    referralId = (await submitReferral(world.clients.referrer)).id;
    // A note, an addendum-free file with a chronology: the relations are there to be read.
    const note = await world.clients.triage.post(`/api/referrals/${referralId}/notes`, {
      body: "Spoke to the school.",
      visibility: "TEAM",
    });
    expect(note.statusCode, note.body).toBe(201);
  });

  for (const [what, budget] of Object.entries(BUDGETS)) {
    it(`keeps ${what} to ${budget.statements} statements`, async () => {
      const path = budget.path(referralId);
      // The first request after sign-in may push the session's expiry on; measure a steady one.
      const client = world.clients[budget.as];
      const first = await client.get(path);
      expect(first.statusCode, first.body).toBe(200);
      let status = 0;
      const sent = await statementsSentDuring(async () => {
        status = (await client.get(path)).statusCode;
      });
      expect(status).toBe(200);
      expect(sent.map((text) => text.replace(/\s+/g, " ").slice(0, 80))).toHaveLength(budget.statements);
    });
  }

  // Session; the idempotency claim; BEGIN; what routing decides on; the referral's rows with
  // the team's alerts; the reference with the audit entry and the stored answer; COMMIT.
  it("keeps a submission to 7 statements", async () => {
    let reference = "";
    const sent = await statementsSentDuring(async () => {
      reference = (await submitReferral(world.clients.referrer, { immediateDanger: true })).reference;
    });
    expect(reference).toMatch(/^WY-\d{4}-\d{6}$/);
    expect(sent.map((text) => text.replace(/\s+/g, " ").slice(0, 80))).toHaveLength(7);
  });
});
