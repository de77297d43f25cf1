import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKS_QUEUE, startJobQueue, type JobQueue } from "../../jobs/queue.ts";
import { createHousekeepingService } from "../housekeeping/service.ts";
import { buildTestApp } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral } from "../../testing/referrals.ts";

describe("link jobs", () => {
  let test: TestDatabase;
  let queue: JobQueue;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await createTestDatabase();
    // No link worker: the job stays waiting, so the test reads it without racing a worker.
    queue = await startJobQueue(
      test.url,
      { housekeeping: createHousekeepingService(test.db) },
      pino({ level: "silent" }),
    );
    app = (await buildTestApp(test.db, {}, undefined, undefined, queue.linkRequests)).app;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await test.drop();
  });

  it("enqueues one link computation for a submitted referral, after it commits", async () => {
    const referrer = await signedInClient(app, await createUser(test.db, { role: "REFERRER" }));
    const created = await submitReferral(referrer);
    const jobs = await queue.boss.fetch<{ referralId: string }>(LINKS_QUEUE, { batchSize: 10 });
    expect(jobs.map((job) => job.data)).toEqual([{ referralId: created.id }]);
  });
});
