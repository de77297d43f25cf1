import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHousekeepingService } from "../modules/housekeeping/service.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser } from "../testing/fixtures.ts";
import { HOUSEKEEPING_QUEUE, startJobQueue, type JobQueue } from "./queue.ts";

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

    // Run it as the scheduler would, through the queue.
    await queue.boss.send(HOUSEKEEPING_QUEUE, {});
    // The four deletions run side by side, so wait for all of them, not only the first to commit.
    const remaining = async () =>
      [
        await test.db.session.count(),
        await test.db.draft.count(),
        await test.db.rateLimitCounter.count(),
        await test.db.idempotencyRecord.count(),
      ].join(",");
    await expect.poll(remaining, { timeout: 15_000, interval: 250 }).toBe("1,1,1,0");

    expect((await test.db.session.findMany()).map((session) => session.id)).toEqual(["current"]);
    expect(await test.db.draft.count()).toBe(1);
    expect((await test.db.rateLimitCounter.findMany()).map((counter) => counter.key)).toEqual(["live"]);
    expect(await test.db.idempotencyRecord.count()).toBe(0);
  });
});
