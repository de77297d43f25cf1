import { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { JOB_QUEUE_SCHEMA } from "../db/roles.ts";
import type { CheckpointWriter } from "../modules/audit/checkpoints.ts";
import type { HousekeepingService } from "../modules/housekeeping/service.ts";
import type { LinkComputation } from "../modules/links/compute-links.ts";
import type { LinkRequests } from "../modules/links/link-requests.ts";
import type { DeadlineWatch } from "../modules/notifications/deadlines.ts";
import type { NotificationDelivery } from "../modules/notifications/delivery.ts";

export const HOUSEKEEPING_QUEUE = "housekeeping";
export const AUDIT_CHECKPOINT_QUEUE = "audit-checkpoint";
/** One job per referral whose links need (re)computing: { referralId }. */
export const LINKS_QUEUE = "referral-links";
/** Sends what the email outbox holds (every minute; any number of workers). */
export const NOTIFICATION_DELIVERY_QUEUE = "notification-delivery";
/** Reminders and escalations of the statutory clock (every five minutes). */
export const NOTIFICATION_DEADLINES_QUEUE = "notification-deadlines";

export interface NotificationJobs {
  /** Absent when email is off: the deadlines still raise in-app alerts and escalations. */
  readonly delivery?: NotificationDelivery;
  readonly deadlines: DeadlineWatch;
}

export interface AuditCheckpointJob {
  readonly writer: CheckpointWriter;
  /** Cron expression; every minute by default (AUDIT_CHECKPOINT_SCHEDULE). */
  readonly schedule: string;
}

export interface JobQueue {
  readonly boss: PgBoss;
  /** Asks for a referral's links to be computed (the submission calls it after commit). */
  readonly linkRequests: LinkRequests;
  stop(): Promise<void>;
}

/**
 * Background work on pg-boss: jobs live in PostgreSQL (schema "pgboss"), so any number of
 * API instances can run side by side and each job runs once.
 */
export async function startJobQueue(
  databaseUrl: string,
  jobs: {
    housekeeping: HousekeepingService;
    auditCheckpoints?: AuditCheckpointJob;
    links?: LinkComputation;
    notifications?: NotificationJobs;
  },
  log: Logger,
): Promise<JobQueue> {
  // The schema is made by the owner role (db/roles.ts); the application role may only use it.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_QUEUE_SCHEMA, createSchema: false, max: 3 });
  let stopping = false;
  boss.on("error", (error: Error) => {
    // While shutting down, the database closing our connections is expected.
    if (stopping) return;
    // 57P01: the server is shutting down (a restart, or the same Ctrl-C reaching it first).
    if ((error as { code?: string }).code === "57P01") log.warn("job queue: the database is shutting down");
    else log.error({ err: { type: error.name, message: error.message } }, "job queue error");
  });
  await boss.start();
  await boss.createQueue(HOUSEKEEPING_QUEUE);
  await boss.schedule(HOUSEKEEPING_QUEUE, "*/15 * * * *");
  await boss.work(HOUSEKEEPING_QUEUE, async () => {
    const purged = await jobs.housekeeping.purgeExpired();
    log.info({ purged }, "housekeeping: expired records removed");
  });
  if (jobs.auditCheckpoints) {
    const { writer, schedule } = jobs.auditCheckpoints;
    await boss.createQueue(AUDIT_CHECKPOINT_QUEUE);
    await boss.schedule(AUDIT_CHECKPOINT_QUEUE, schedule);
    await boss.work(AUDIT_CHECKPOINT_QUEUE, async () => {
      const checkpoint = await writer.write();
      if (checkpoint) log.info({ entryId: checkpoint.id, count: checkpoint.count }, "audit checkpoint written");
    });
  }
  if (jobs.notifications) await startNotificationJobs(boss, jobs.notifications, log);
  await boss.createQueue(LINKS_QUEUE);
  if (jobs.links) {
    const { links } = jobs;
    await boss.work<{ referralId: string }>(LINKS_QUEUE, async (batch) => {
      for (const job of batch) {
        const found = await links.computeFor(job.data.referralId);
        // A count only: which referrals are linked stays in the database, out of the logs.
        log.info({ links: found.length }, "links computed");
      }
    });
  }
  return {
    boss,
    linkRequests: createLinkRequests(boss, log),
    stop: async () => {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}

/**
 * Sends link jobs. One waiting job per referral (singletonKey), retried on failure. Never
 * throws: it runs after the submission has committed, and a referral that is stored must be
 * answered as stored; a failure to enqueue is logged and the links come with the next request.
 */
export function createLinkRequests(boss: PgBoss, log: Logger): LinkRequests {
  return {
    async request(referralId) {
      try {
        await boss.send(LINKS_QUEUE, { referralId }, { singletonKey: referralId, retryLimit: 5, retryDelay: 30 });
      } catch (error) {
        log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, "link job not sent");
      }
    },
  };
}

/**
 * Both jobs are idempotent (docs/notifications.md), so pg-boss's own retries and two instances
 * running the same schedule can only repeat work that then changes nothing.
 */
async function startNotificationJobs(boss: PgBoss, jobs: NotificationJobs, log: Logger): Promise<void> {
  await boss.createQueue(NOTIFICATION_DEADLINES_QUEUE);
  await boss.schedule(NOTIFICATION_DEADLINES_QUEUE, "*/5 * * * *", null, { retryLimit: 3, retryDelay: 30 });
  await boss.work(NOTIFICATION_DEADLINES_QUEUE, async () => {
    const report = await jobs.deadlines.scan();
    if (report.dueSoon + report.overdue + report.redUnclaimed > 0)
      log.info(report, "deadline reminders and escalations");
  });
  if (!jobs.delivery) return;
  const { delivery } = jobs;
  await boss.createQueue(NOTIFICATION_DELIVERY_QUEUE);
  await boss.schedule(NOTIFICATION_DELIVERY_QUEUE, "* * * * *", null, { retryLimit: 3, retryDelay: 10 });
  await boss.work(NOTIFICATION_DELIVERY_QUEUE, async () => {
    const report = await delivery.deliverDue();
    if (report.sent + report.retrying + report.failed + report.cancelled > 0) log.info(report, "emails delivered");
  });
}
