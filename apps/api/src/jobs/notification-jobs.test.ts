import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHousekeepingService } from "../modules/housekeeping/service.ts";
import { DELIVERY_LEASE_MS } from "../modules/notifications/delivery.ts";
import {
  countingMailer,
  deadlineWatch,
  deliveryWorker,
  emailFolder,
} from "../modules/notifications/notification-world.ts";
import { SettableClock } from "../services/clock.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser } from "../testing/fixtures.ts";
import { NOTIFICATION_DELIVERY_QUEUE, startJobQueue, type JobQueue } from "./queue.ts";

// Two service instances' job queues on one database, each with its own delivery worker; the
// first instance's worker dies after its first send, before recording it.
describe("email delivery on pg-boss with two instances", () => {
  const clock = new SettableClock(new Date("2026-12-01T10:00:00Z"));
  let test: TestDatabase;
  let folder: Awaited<ReturnType<typeof emailFolder>>;
  const queues: JobQueue[] = [];
  let counting: ReturnType<typeof countingMailer>;
  let crashes = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    folder = await emailFolder();
    counting = countingMailer(folder.directory);
    const crashOnce = async () => {
      if (crashes > 0) return;
      crashes += 1;
      throw Object.assign(new Error("the worker died"), { simulatedCrash: true });
    };
    for (const afterSend of [crashOnce, undefined]) {
      const delivery = deliveryWorker(test.db, clock, counting.mailer, afterSend ? { afterSend } : {});
      queues.push(
        await startJobQueue(
          test.url,
          {
            housekeeping: createHousekeepingService(test.db),
            notifications: { delivery, deadlines: deadlineWatch(test.db, clock) },
          },
          pino({ level: "silent" }),
        ),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.stop()));
    await test.drop();
    await folder.clear();
  });

  it("sends every message once, including the one whose worker died and whose job was retried", async () => {
    const recipients = [];
    for (let count = 0; count < 12; count += 1) {
      recipients.push(await createUser(test.db, { role: "TRIAGE", teamCode: "bradford" }));
    }
    const team = await test.db.team.findUniqueOrThrow({ where: { code: "bradford" } });
    const longAgo = new Date(clock.now().getTime() - 10 * 60_000);
    await test.db.notification.createMany({
      data: recipients.map((recipient) => ({
        eventKey: "test-event",
        recipientId: recipient.id,
        kind: "NEW_REFERRAL" as const,
        teamId: team.id,
        createdAt: longAgo,
        nextAttemptAt: longAgo,
      })),
    });

    // Jobs on both instances' queue, as the schedule and pg-boss's own retries would send them.
    const send = () =>
      Promise.all(
        queues.flatMap((queue) =>
          [1, 2, 3].map(() => queue.boss.send(NOTIFICATION_DELIVERY_QUEUE, {}, { retryLimit: 3, retryDelay: 1 })),
        ),
      );
    await send();
    const statuses = async () =>
      Object.fromEntries(
        (await test.db.notification.groupBy({ by: ["status"], _count: true })).map((group) => [
          group.status,
          group._count,
        ]),
      );
    // Everything but the message whose worker died goes; that one stays claimed for its lease.
    await expect.poll(statuses, { timeout: 30_000, interval: 250 }).toEqual({ SENT: 11, SENDING: 1 });
    expect(crashes).toBe(1);

    clock.set(new Date(clock.now().getTime() + DELIVERY_LEASE_MS + 1000));
    await send();
    await expect.poll(statuses, { timeout: 30_000, interval: 250 }).toEqual({ SENT: 12 });
    expect(counting.written).toHaveLength(12);
    expect(new Set(counting.written).size).toBe(12);
    const messages = await folder.messages();
    expect(messages).toHaveLength(12);
    for (const recipient of recipients) {
      expect(messages.filter((message) => message.text.includes(recipient.email))).toHaveLength(1);
    }
  });
});
