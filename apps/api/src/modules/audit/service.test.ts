import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type Database } from "../../db/client.ts";
import { TEST_SECRETS } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { GENESIS_HASH, hashAuditEntry } from "./chain.ts";
import { createCheckpointWriter, readCheckpoints } from "./checkpoints.ts";
import { createAuditService } from "./service.ts";
import { verifyAuditTrail } from "./verification.ts";

const key = randomBytes(32);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cse-audit-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

function verifyCommand(databaseUrl: string, checkpointFile: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/db/cli/verify-audit.ts"], {
    cwd: join(import.meta.dirname, "../../.."),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      DATA_DIR: directory,
      DATABASE_URL: databaseUrl,
      AUDIT_CHECKPOINT_FILE: checkpointFile,
      AUDIT_CHECKPOINT_KEY: key.toString("base64"),
      ...TEST_SECRETS,
    },
    encoding: "utf8",
  });
}

const entry = (index: number) => ({
  actor: null,
  action: "test.event",
  entityType: "Test",
  entityId: String(index),
  details: { index, tags: ["a", "b"] },
});

describe("the audit chain", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("chains every entry to the one before, even when many are written at once", async () => {
    const audit = createAuditService(test.db);
    await Promise.all(Array.from({ length: 20 }, (_, index) => audit.recordAlone(entry(index))));
    const events = await test.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events).toHaveLength(20);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let index = 1; index < events.length; index += 1)
      expect(events[index]!.prevHash).toBe(events[index - 1]!.hash);
    expect(await audit.verifyChain(7)).toEqual({ entries: 20, brokenAt: null });

    const command = verifyCommand(test.url, join(directory, "none.jsonl"));
    expect(command.status, command.stderr).toBe(0);
    expect(command.stdout).toContain("Audit chain intact: 20 entries verified");
    expect(command.stdout).toContain("No checkpoints at");
  });

  it("refuses to append inside a transaction that would read a stale head", async () => {
    const audit = createAuditService(test.db);
    await expect(
      test.db.$transaction((tx) => audit.record(tx, entry(99)), { isolationLevel: "RepeatableRead" }),
    ).rejects.toThrow(/READ COMMITTED/);
  });
});

/**
 * Each attack runs as the owner role (who can switch the append-only trigger off) on a chain
 * of twelve entries with signed checkpoints after the fifth and the tenth.
 */
describe("tampering by someone who owns the audit table", () => {
  let test: TestDatabase;
  let owner: Database;
  let ids: bigint[];
  let checkpointFile: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    owner = createDatabaseClient({ url: test.ownerUrl, maxConnections: 1 });
    checkpointFile = join(directory, `${randomBytes(4).toString("hex")}.jsonl`);
    const audit = createAuditService(test.db);
    const writer = createCheckpointWriter({ db: test.db, key, file: checkpointFile });
    for (let index = 1; index <= 12; index += 1) {
      await audit.recordAlone(entry(index));
      if (index === 5 || index === 10) expect(await writer.write()).not.toBeNull();
    }
    expect(await writer.write(), "an unmoved head is not written again").not.toBeNull();
    expect(await writer.write()).toBeNull();
    ids = (await test.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map(({ id }) => id);
  });
  afterAll(async () => {
    await owner.$disconnect();
    await test.drop();
  });

  const verify = async () => verifyAuditTrail(test.db, (await readCheckpoints(checkpointFile, key)).checkpoints);

  async function asOwnerWithoutTrigger(sql: (db: Database) => Promise<unknown>) {
    await owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
    try {
      await sql(owner);
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    }
  }

  /** What a careful attacker does after a change: recompute every later hash. */
  async function recomputeFrom(db: Database, fromId: bigint) {
    let prevHash = GENESIS_HASH;
    for (const event of await db.auditEvent.findMany({ orderBy: { id: "asc" } })) {
      if (event.id >= fromId) {
        const hash = hashAuditEntry({ ...event, prevHash });
        await db.$executeRaw`UPDATE "AuditEvent" SET "prevHash" = ${prevHash}, "hash" = ${hash} WHERE "id" = ${event.id}`;
        prevHash = hash;
      } else prevHash = event.hash;
    }
  }

  it("passes an untouched chain against its checkpoints", async () => {
    expect(await verify()).toMatchObject({ entries: 12, checkpointsMatched: 3, firstBadId: null });
    const command = verifyCommand(test.url, checkpointFile);
    expect(command.status, command.stderr).toBe(0);
    expect(command.stdout).toContain("Audit chain intact: 12 entries verified, 3 checkpoints matched");
  });

  it("catches an entry rewritten with every later hash recomputed, which the chain alone misses", async () => {
    const seventh = ids[6]!;
    await asOwnerWithoutTrigger(async (db) => {
      await db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"index": 700}' WHERE "id" = ${seventh}`;
      await recomputeFrom(db, seventh);
    });
    expect((await createAuditService(test.db).verifyChain()).brokenAt).toBeNull();

    // The rewrite lies between the checkpoints after entries 5 and 10: the first entry that
    // can no longer be vouched for is the sixth.
    const result = await verify();
    expect(result.firstBadId).toBe(ids[5]);
    expect(result.problem).toMatch(/rewritten/);
    const command = verifyCommand(test.url, checkpointFile);
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`Audit chain BROKEN at entry ${ids[5]}`);
  });

  it("catches an entry rewritten without recomputing, at that entry", async () => {
    const ninth = ids[8]!;
    await asOwnerWithoutTrigger((db) => db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = ${ninth}`);
    // Up to the sixth the first attack is still what is found first.
    expect((await verify()).firstBadId).toBe(ids[5]);
    expect((await createAuditService(test.db).verifyChain()).brokenAt).toBe(ninth);
  });
});

describe("a cut tail", () => {
  let test: TestDatabase;
  let owner: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    owner = createDatabaseClient({ url: test.ownerUrl, maxConnections: 1 });
  });
  afterAll(async () => {
    await owner.$disconnect();
    await test.drop();
  });

  it("is caught even when the application carries on appending after it", async () => {
    const file = join(directory, "tail.jsonl");
    const audit = createAuditService(test.db);
    const writer = createCheckpointWriter({ db: test.db, key, file });
    for (let index = 1; index <= 10; index += 1) await audit.recordAlone(entry(index));
    await writer.write();
    const ids = (await test.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map(
      ({ id }) => id,
    );

    await owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
    await owner.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" > ${ids[6]!}`;
    await owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    await audit.recordAlone(entry(11));
    expect((await audit.verifyChain()).brokenAt, "the chain alone still looks whole").toBeNull();

    const result = await verifyAuditTrail(test.db, (await readCheckpoints(file, key)).checkpoints);
    expect(result.firstBadId).toBe(ids[6]! + 1n);
    expect(result.problem).toMatch(/is missing/);
    const command = verifyCommand(test.url, file);
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`Audit chain BROKEN at entry ${ids[6]! + 1n}`);
  });

  it("refuses a checkpoint that was edited or signed with another key", async () => {
    const file = join(directory, "forged.jsonl");
    const [line] = (await readFile(join(directory, "tail.jsonl"), "utf8")).split("\n");
    const edited = JSON.stringify({ ...(JSON.parse(line!) as object), count: 1 });
    await writeFile(file, `${line}\n${edited}\n`);
    expect((await readCheckpoints(file, key)).problems).toEqual([
      "checkpoint line 2 is not signed with this service's key",
    ]);
    expect((await readCheckpoints(file, randomBytes(32))).checkpoints).toEqual([]);
  });
});
