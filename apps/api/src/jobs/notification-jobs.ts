import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createAlertService } from "../modules/alerts/service.ts";
import { createDeadlineWatch } from "../modules/notifications/deadlines.ts";
import { createNotificationDelivery } from "../modules/notifications/delivery.ts";
import { createMailer } from "../modules/notifications/mailer.ts";
import { createOutbox } from "../modules/notifications/outbox.ts";
import { createSecretBox } from "../security/encryption.ts";
import { systemClock, type Clock } from "../services/clock.ts";
import type { Secrets } from "../startup/secrets.ts";
import type { NotificationJobs } from "./queue.ts";

/** The notification jobs as the service runs them: the deadline watch, and delivery when email is on. */
export function createNotificationJobs({
  config,
  db,
  secrets,
  log,
  clock = systemClock,
}: {
  config: Config;
  db: Database;
  secrets: Secrets;
  log: Logger;
  clock?: Clock;
}): NotificationJobs {
  const outbox = createOutbox({ emailEnabled: config.email.mode !== "off" });
  const alerts = createAlertService({ db, clock, outbox });
  const deadlines = createDeadlineWatch({ db, clock, alerts });
  const mailer = createMailer(config.email, log);
  if (!mailer) return { deadlines };
  const delivery = createNotificationDelivery({
    db,
    mailer,
    secretBox: createSecretBox(secrets.encryptionKey),
    clock,
    settings: { ...config.notifications, publicUrl: config.publicUrl },
    log,
  });
  return { deadlines, delivery };
}
