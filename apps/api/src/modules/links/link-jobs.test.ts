import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKS_QUEUE, startJobQueue, type JobQueue } from "../../jobs/queue.ts";
import { createHousekeepingService } from "../housekeeping/service.ts";
import { buildTestApp } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { systemClock } from "../../services/clock.ts";
import { createLinkComputation } from "./compute-links.ts";

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

  it("an addendum that adds a phone number writes its identifiers, asks again, and the link is then found", async () => {
    const referrer = await signedInClient(app, await createUser(test.db, { role: "REFERRER" }));
    const first = await submitReferral(referrer, {
      child: {
        givenNames: "Esme",
        familyName: "Holt",
        dateOfBirth: "2012-01-02",
        homePostcode: "HX1 1AA",
        homeAddress: null,
        aliases: [],
      },
      entities: [{ kind: "PERSON", name: "Kai", phoneNumbers: ["07700 900777"] }],
    });
    const second = await submitReferral(referrer, {
      child: {
        givenNames: "Ruby",
        familyName: "Dale",
        dateOfBirth: "2011-05-06",
        homePostcode: "WF1 1AA",
        homeAddress: null,
        aliases: [],
      },
      entities: [],
    });
    await queue.boss.fetch(LINKS_QUEUE, { batchSize: 10 });
    const links = createLinkComputation({ db: test.db, clock: systemClock });
    expect(await links.computeFor(second.id)).toEqual([]);

    const text = await referrer.post(`/api/referrals/${second.id}/addenda`, { body: "Nothing new to join up." });
    expect(text.statusCode, text.body).toBe(201);
    // Free text adds no identifiers: nothing to compute again.
    expect(await queue.boss.fetch(LINKS_QUEUE, { batchSize: 10 })).toEqual([]);

    const added = await referrer.post(`/api/referrals/${second.id}/addenda`, {
      body: "She has been calling a man she calls K.",
      entities: [{ kind: "PERSON", name: "K", phoneNumbers: ["+44 7700 900777"], linkToChild: "Calls her" }],
    });
    expect(added.statusCode, added.body).toBe(201);
    const jobs = await queue.boss.fetch<{ referralId: string }>(LINKS_QUEUE, { batchSize: 10 });
    expect(jobs.map((job) => job.data)).toEqual([{ referralId: second.id }]);
    const entity = await test.db.concernEntity.findFirstOrThrow({
      where: { referralId: second.id, addendumId: added.json<{ id: string }>().id },
      include: { identifiers: true },
    });
    expect(entity.position).toBe(0);
    expect(entity.identifiers.map((identifier) => [identifier.kind, identifier.value]).sort()).toEqual([
      ["PERSON_NAME", "k"],
      ["PHONE", "+447700900777"],
    ]);

    const found = await links.computeFor(second.id);
    expect(found.map((link) => [link.referralId, link.shares])).toEqual([
      [first.id, [expect.stringMatching(/phone/i)]],
    ]);
  });
});
