// Fault: PostgreSQL stops under load and comes back (issue 8, "Faults"). While it is down every
// route that needs it answers 503 problem+json within the configured timeout, none hangs, the
// process survives its connections being cut, and once the database is back the service
// recovers by itself with the same sessions. The same when it is frozen (SIGSTOP): nothing waits
// longer than DATABASE_TIMEOUT_SECONDS.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createDatabaseClient, type Database } from "../db/client.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../db/embedded.ts";
import { migrate } from "../db/migrations.ts";
import { findFreePort } from "../db/scratch.ts";
import { seedReferenceData } from "../db/seed/reference-data.ts";
import { LogCapture, testConfig } from "../testing/app.ts";
import { TestClient } from "../testing/client.ts";
import { createUser, signedInClient } from "../testing/fixtures.ts";

const TIMEOUT_SECONDS = 3;

describe("the database stops under load and comes back", () => {
  let directory: string;
  let port: number;
  let database: EmbeddedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const logs = new LogCapture();

  const start = () => startEmbeddedDatabase({ directory, port, databaseName: "cse_outage", ephemeral: false });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "cse-outage-"));
    await chmod(directory, 0o755);
    port = await findFreePort();
    database = await start();
    await migrate(database.url);
    const config = testConfig({ DATABASE_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) });
    db = createDatabaseClient({ url: database.url, timeoutMs: config.databaseTimeoutMs });
    await seedReferenceData(db);
    const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
    app = await buildApp({
      config,
      db,
      secrets: { sessionSecret: config.sessionSecret!, encryptionKey },
      logStream: logs,
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.$disconnect();
    await database?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  interface Answer {
    readonly statusCode: number;
    readonly ms: number;
    readonly type: unknown;
    readonly contentType: unknown;
  }

  /**
   * Six clients keep sending a mix of requests (as a team's browsers would) while `fault` runs,
   * and collect the answers to the first 60 requests sent after it has taken effect.
   */
  async function answersThrough(client: TestClient, email: string, fault: () => Promise<void>): Promise<Answer[]> {
    const requests = [
      () => client.get("/api/referrals"),
      () => client.get("/api/auth/me"),
      () => client.get("/api/drafts"),
      () => client.post("/api/drafts", {}),
      () => new TestClient(app).post("/api/auth/login", { email, password: "wrong password" }),
      () => app.inject({ method: "GET", url: "/api/ready" }),
    ];
    let faulty = false;
    const answers: Answer[] = [];
    const load = Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        while (answers.length < 60) {
          const sentDuringFault = faulty;
          const started = Date.now();
          const response = await requests[worker % requests.length]!();
          if (!sentDuringFault) continue;
          answers.push({
            statusCode: response.statusCode,
            ms: Date.now() - started,
            contentType: response.headers["content-type"],
            type: response.statusCode >= 500 ? JSON.parse(response.body).type : null,
          });
        }
      }),
    );
    await fault();
    faulty = true;
    await load;
    return answers;
  }

  function expectAllUnavailableInTime(answers: readonly Answer[]) {
    const internalErrors = logs.lines.filter((line) => line.includes('"level":50'));
    expect(internalErrors, "no request failed as an internal error").toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(60);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(503);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.type).toBe("urn:cse-referral-hub:problem:unavailable");
      expect(answer.ms).toBeLessThan((TIMEOUT_SECONDS + 2) * 1000);
    }
  }

  async function expectRecovered(client: TestClient) {
    await expect
      .poll(async () => (await client.get("/api/referrals")).statusCode, { timeout: 30_000, interval: 250 })
      .toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/ready" })).statusCode).toBe(200);
  }

  /** Every process of the cluster: the postmaster (first line of postmaster.pid) and its children. */
  function clusterProcesses(): number[] {
    const postmaster = Number(readFileSync(join(directory, "cluster", "postmaster.pid"), "utf8").split("\n")[0]);
    const children = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children];
  }

  it("answers 503 problem+json on every route while it is stopped, in time, then recovers alone", async () => {
    const referrer = await createUser(db, { role: "REFERRER" });
    const client = await signedInClient(app, referrer);
    expect((await client.get("/api/referrals")).statusCode).toBe(200);

    expectAllUnavailableInTime(await answersThrough(client, referrer.email, () => database.stop()));
    // Liveness does not depend on the database: an orchestrator must not restart us for its outage.
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);

    database = await start();
    await expectRecovered(client);
  }, 120_000);

  it("answers 503 within the timeout, never hanging, while it is frozen and not answering at all", async () => {
    const referrer = await createUser(db, { role: "REFERRER" });
    const client = await signedInClient(app, referrer);
    const frozen = clusterProcesses();
    try {
      const answers = await answersThrough(client, referrer.email, async () => {
        for (const pid of frozen) process.kill(pid, "SIGSTOP");
      });
      expectAllUnavailableInTime(answers);
    } finally {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
    }
    await expectRecovered(client);
  }, 180_000);
});
