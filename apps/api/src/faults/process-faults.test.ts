// Faults in the service's own process (issue 8, "Faults"): killed outright (kill -9) while
// referrers submit with Idempotency-Keys, and stopped with SIGTERM under load. The service runs
// as it does in use (node on src/main.ts), on a loopback port and a throwaway database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchClient } from "../../bench/http-client.ts";
import type { Database } from "../db/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser, TEST_PASSWORD, type TestUser } from "../testing/fixtures.ts";
import { placeholderWebDir, startServiceProcess } from "../testing/service-process.ts";

interface Submission {
  readonly key: string;
  /** The first answer, when one came back before the service died. */
  readonly answer: { status: number; json: unknown } | null;
}

describe("the service process is killed or stopped under load", () => {
  let test: TestDatabase;
  let db: Database;
  /** One account per client: parallel sign-ins to one account are, rightly, throttled. */
  let referrers: TestUser[];
  let webDir: string;
  let dataDir: string;

  beforeAll(async () => {
    // Migrated and seeded with reference data; the service connects as its own role, as in use.
    test = await createTestDatabase();
    db = test.db;
    referrers = [];
    for (let index = 0; index < 10; index += 1) referrers.push(await createUser(db, { role: "REFERRER" }));
    // The API is what is under test; a placeholder page spares building the web app.
    webDir = await placeholderWebDir();
    dataDir = await mkdtemp(join(tmpdir(), "cse-data-"));
  }, 120_000);

  afterAll(async () => {
    await test?.drop();
    await rm(webDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  const startService = () =>
    startServiceProcess({
      databaseUrl: test.url,
      migrationDatabaseUrl: test.ownerUrl,
      dataDir,
      webDir,
      env: { IDEMPOTENCY_TAKEOVER_SECONDS: "1", SHUTDOWN_GRACE_SECONDS: "20" },
    });

  async function signedIn(url: string, referrer: TestUser): Promise<BenchClient> {
    const client = new BenchClient(url);
    await client.signIn(referrer.email, TEST_PASSWORD);
    return client;
  }

  const signInEveryone = (url: string) => Promise.all(referrers.map((referrer) => signedIn(url, referrer)));

  const submit = (client: BenchClient, key: string) =>
    client.request("POST", "/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, { "idempotency-key": key });

  it("after kill -9 mid-submission, every acknowledged referral is whole and each retry gets its answer", async () => {
    const first = await startService();
    const clients = await signInEveryone(first.url);
    const submissions: Array<Submission & { readonly client: number }> = [];
    let acknowledged = 0;
    let killed = false;
    const load = Promise.all(
      clients.map(async (client, index) => {
        while (!killed) {
          const key = `fault-${randomBytes(8).toString("hex")}`;
          try {
            const answer = await submit(client, key);
            submissions.push({ key, answer, client: index });
            if (answer.status === 201) acknowledged += 1;
          } catch {
            // The connection died with the process: the outcome is unknown until a retry asks.
            submissions.push({ key, answer: null, client: index });
            return;
          }
        }
      }),
    );
    while (acknowledged < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    first.process.kill("SIGKILL");
    killed = true;
    await first.exited;
    await load;
    expect(submissions.filter((submission) => submission.answer === null).length).toBeGreaterThan(0);

    const second = await startService();
    try {
      // Keys belong to the account that sent them: each referrer retries their own.
      const retriers = await signInEveryone(second.url);
      for (const submission of submissions) {
        const retrier = retriers[submission.client]!;
        let retry = await submit(retrier, submission.key);
        // A key claimed by a request that died is taken over once IDEMPOTENCY_TAKEOVER_SECONDS pass.
        for (let attempt = 0; retry.status === 409 && attempt < 40; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          retry = await submit(retrier, submission.key);
        }
        expect(retry.status).toBe(201);
        if (submission.answer?.status === 201) expect(retry.json).toEqual(submission.answer.json);
      }

      // Exactly one whole referral per key: none lost, none twice, none half-made.
      const referrals = await db.referral.findMany({
        select: { id: true, child: { select: { referralId: true } }, _count: { select: { indicators: true } } },
      });
      expect(referrals).toHaveLength(submissions.length);
      for (const referral of referrals) {
        expect(referral.child).not.toBeNull();
        expect(referral._count.indicators).toBeGreaterThan(0);
      }
      expect(await db.idempotencyRecord.count({ where: { status: "IN_PROGRESS" } })).toBe(0);
    } finally {
      second.process.kill("SIGTERM");
      await second.exited;
    }
  }, 240_000);

  it("on SIGTERM under load finishes the requests in flight, refuses new ones, and exits cleanly", async () => {
    const service = await startService();
    const clients = await signInEveryone(service.url);
    const before = await db.referral.count();
    const answers: number[] = [];
    let refused = 0;
    let terminated = false;
    const load = Promise.all(
      clients.map(async (client) => {
        while (!terminated || answers.length < 200) {
          try {
            answers.push((await submit(client, `term-${randomBytes(8).toString("hex")}`)).status);
          } catch {
            refused += 1; // the port is closed: a new request is refused, as it should be
            return;
          }
        }
      }),
    );
    while (answers.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    service.process.kill("SIGTERM");
    terminated = true;
    const exit = await service.exited;
    await load;

    expect(exit, service.output.join("").slice(-3000)).toEqual({ code: 0, signal: null });
    expect(service.output.join("")).toContain("stopped cleanly");
    // Every answer that came back was a success or "closing, try again" (503): none was cut off.
    expect(answers.filter((status) => status !== 201 && status !== 503)).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    // What was acknowledged is stored, and nothing else.
    expect((await db.referral.count()) - before).toBe(answers.filter((status) => status === 201).length);
  }, 240_000);
});
