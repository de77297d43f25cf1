// The notification jobs run once at a chosen moment, for browser tests (the test server has no
// job queue, and a browser test cannot wait a working day for a decision to fall overdue).
import pino from "pino";
import { createNotificationJobs } from "../jobs/notification-jobs.ts";
import { SettableClock } from "../services/clock.ts";
import { testConfig } from "./app.ts";
import type { RunningTestServer } from "./server.ts";

/** Runs the deadline watch and then email delivery as they would run at `instant`. */
export async function runNotificationJobsAt(
  server: RunningTestServer,
  instant: Date,
  settings: Record<string, string>,
): Promise<void> {
  const config = testConfig(settings);
  const jobs = createNotificationJobs({
    config,
    db: server.db,
    secrets: { sessionSecret: config.sessionSecret!, encryptionKey: Buffer.from(config.encryptionKey!, "base64") },
    log: pino({ level: "silent" }),
    clock: new SettableClock(instant),
  });
  await jobs.deadlines.scan();
  await jobs.delivery?.deliverDue();
}
