// Two instances of the service on one database (issue 8, "Faults"): both start at once on an
// empty database and it is migrated once; a session made on one is honoured, and ended, on the
// other; a background job asked for once runs once.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchClient } from "../../bench/http-client.ts";
import { createDatabaseClient, type Database } from "../db/client.ts";
import { readMigrations } from "../db/migrations.ts";
import { withDatabase, withLogin } from "../db/urls.ts";
import { adminQuery, testDatabaseServer } from "../testing/database.ts";
import { createUser, TEST_PASSWORD } from "../testing/fixtures.ts";
import {
  placeholderWebDir,
  startServiceProcess,
  stopServiceProcess,
  type RunningService,
} from "../testing/service-process.ts";

describe("two instances of the service on one database", () => {
  const name = `cse_two_${randomBytes(6).toString("hex")}`;
  let appUrl: string;
  let ownerUrl: string;
  let db: Database;
  let webDir: string;
  let dataDirs: string[];
  let instances: RunningService[] = [];

  beforeAll(async () => {
    const { adminUrl, owner, app } = testDatabaseServer();
    // Empty, as a new deployment's is: the instances must migrate it between them.
    await adminQuery(`CREATE DATABASE ${name} OWNER ${owner.name}`);
    appUrl = withLogin(withDatabase(adminUrl, name), app);
    ownerUrl = withLogin(withDatabase(adminUrl, name), owner);
    webDir = await placeholderWebDir();
    dataDirs = [await mkdtemp(join(tmpdir(), "cse-data-")), await mkdtemp(join(tmpdir(), "cse-data-"))];
    instances = await Promise.all(
      dataDirs.map((dataDir) =>
        startServiceProcess({ databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl, dataDir, webDir }),
      ),
    );
    db = createDatabaseClient({ url: appUrl, maxConnections: 2 });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopServiceProcess));
    await db?.$disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const directory of [webDir, ...dataDirs]) await rm(directory, { recursive: true, force: true });
  });

  it("migrates the database once, though both started at the same moment", async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
           FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const expected = (await readMigrations()).map((migration) => migration.name).sort();
      expect(rows.map((row) => row.migration_name)).toEqual(expected);
      expect(rows.every((row) => row.finished && !row.rolled_back)).toBe(true);
    } finally {
      await owner.end();
    }
  });

  it("honours a session made on one instance on the other, and ends it everywhere", async () => {
    const referrer = await createUser(db, { role: "REFERRER" });
    const [first, second] = instances as [RunningService, RunningService];
    const client = new BenchClient(first.url);
    await client.signIn(referrer.email, TEST_PASSWORD);
    const cookie = client.cookieHeader;
    const onSecond = await fetch(`${second.url}/api/auth/me`, { headers: { cookie } });
    expect(onSecond.status).toBe(200);
    expect(((await onSecond.json()) as { user: { email: string } }).user.email).toBe(referrer.email);

    expect((await client.request("POST", "/api/auth/logout")).status).toBe(204);
    expect((await fetch(`${second.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it("runs a job once, whichever instance takes it", async () => {
    const referrer = await createUser(db, { role: "REFERRER" });
    const [first] = instances as [RunningService];
    const client = new BenchClient(first.url);
    await client.signIn(referrer.email, TEST_PASSWORD);
    const created = await client.request("POST", "/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, {
      "idempotency-key": `two-${randomBytes(8).toString("hex")}`,
    });
    expect(created.status).toBe(201);
    const referralId = (created.json as { id: string }).id;

    // The link job for this referral: asked for once, done once, by one of the two.
    const jobs = async () =>
      db.$queryRaw<{ state: string }[]>`
        SELECT state::text FROM pgboss.job WHERE name = 'referral-links' AND data->>'referralId' = ${referralId}`;
    await expect.poll(async () => (await jobs()).map((job) => job.state), { timeout: 60_000 }).toEqual(["completed"]);
    // Both instances scheduled the housekeeping job at start; pg-boss keeps one schedule.
    const schedules = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM pgboss.schedule WHERE name = 'housekeeping'`;
    expect(Number(schedules[0]!.count)).toBe(1);
  }, 90_000);
});
