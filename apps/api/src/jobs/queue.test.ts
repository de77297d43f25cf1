import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckpointWriter, readCheckpoints } from "../modules/audit/checkpoints.ts";
import { createAuditService } from "../modules/audit/service.ts";
import { createHousekeepingService } from "../modules/housekeeping/service.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser } from "../testing/fixtures.ts";
import { AUDIT_CHECKPOINT_QUEUE, HOUSEKEEPING_QUEUE, startJobQueue, type JobQueue } from "./queue.ts";

describe("housekeeping", () => {
  let test: TestDatabase;
  let queue: JobQueue;

  beforeAll(async () => {
    test = await createTestDatabase();
    queue = await startJobQueue(
      test.url,
      { housekeeping: createHousekeepingService(test.db) },
      pino({ level: "silent" }),
    );
  });
  afterAll(async () => {
    await queue.stop();
    await test.drop();
  });

  it("removes expired sessions, drafts, throttle windows and idempotency keys, and nothing current", async () => {
    const user = await createUser(test.db, { role: "REFERRER" });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await test.db.session.createMany({
      data: [
        { id: "expired-idle", userId: user.id, data: {}, expiresAt: past, absoluteExpiresAt: future },
        { id: "expired-absolute", userId: user.id, data: {}, expiresAt: future, absoluteExpiresAt: past },
        { id: "current", userId: user.id, data: {}, expiresAt: future, absoluteExpiresAt: future },
      ],
    });
    await test.db.draft.createMany({
      data: [
        { ownerId: user.id, content: {}, expiresAt: past },
        { ownerId: user.id, content: {}, expiresAt: future },
      ],
    });
    await test.db.rateLimitCounter.createMany({
      data: [
        { key: "old", count: 3, resetAt: past },
        { key: "live", count: 1, resetAt: future },
      ],
    });
    await test.db.idempotencyRecord.create({
      data: { userId: user.id, key: "old-key", requestHash: "x", expiresAt: past },
    });

    // Run it as the scheduler would, through the queue. The four purges are separate statements
    // that finish in any order, so wait for the whole picture rather than for one table.
    await queue.boss.send(HOUSEKEEPING_QUEUE, {});
    const remaining = async () => ({
      sessions: (await test.db.session.findMany()).map((session) => session.id),
      drafts: await test.db.draft.count(),
      counters: (await test.db.rateLimitCounter.findMany()).map((counter) => counter.key),
      idempotencyRecords: await test.db.idempotencyRecord.count(),
    });
    await expect
      .poll(remaining, { timeout: 15_000, interval: 250 })
      .toEqual({ sessions: ["current"], drafts: 1, counters: ["live"], idempotencyRecords: 0 });
  });
});

describe("audit checkpoints", () => {
  let test: TestDatabase;
  let queue: JobQueue;
  let directory: string;
  const key = randomBytes(32);

  beforeAll(async () => {
    test = await createTestDatabase();
    directory = await mkdtemp(join(tmpdir(), "cse-checkpoints-"));
    queue = await startJobQueue(
      test.url,
      {
        housekeeping: createHousekeepingService(test.db),
        auditCheckpoints: {
          writer: createCheckpointWriter({ db: test.db, key, file: join(directory, "checkpoints.jsonl") }),
          schedule: "* * * * *",
        },
      },
      pino({ level: "silent" }),
    );
  });
  afterAll(async () => {
    await queue.stop();
    await test.drop();
    await rm(directory, { recursive: true, force: true });
  });

  it("writes the chain's head, signed, to a file outside the database", async () => {
    await createAuditService(test.db).recordAlone({ actor: null, action: "test.event", entityType: "Test" });
    const head = await test.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

    // Run it as the scheduler would, through the queue.
    await queue.boss.send(AUDIT_CHECKPOINT_QUEUE, {});
    const file = join(directory, "checkpoints.jsonl");
    await expect
      .poll(async () => (await readCheckpoints(file, key)).checkpoints.length, { timeout: 15_000, interval: 250 })
      .toBe(1);
    const { checkpoints, problems } = await readCheckpoints(file, key);
    expect(problems).toEqual([]);
    expect(checkpoints[0]).toMatchObject({ id: head.id.toString(), hash: head.hash, count: 1 });
  });
});
