// Starts the whole service on one port: database (embedded unless DATABASE_URL is set),
// migrations, reference and demo data, background jobs, the web app, and the API.
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { STARTUP_LOCK_KEY, withAdvisoryLock } from "./db/advisory-lock.ts";
import { createDatabaseClient, type Database } from "./db/client.ts";
import { checkApplicationRole } from "./db/roles.ts";
import { seedDatabase } from "./db/seed/index.ts";
import { createNotificationJobs } from "./jobs/notification-jobs.ts";
import { startJobQueue, type JobQueue } from "./jobs/queue.ts";
import { createLinkComputation } from "./modules/links/compute-links.ts";
import { systemClock } from "./services/clock.ts";
import { createCheckpointWriter } from "./modules/audit/checkpoints.ts";
import { createHousekeepingService } from "./modules/housekeeping/service.ts";
import { createSecretBox } from "./security/encryption.ts";
import { migrateDatabase, openDatabase, type RunningDatabase } from "./startup/database.ts";
import { resolveSecrets } from "./startup/secrets.ts";
import { ensureWebAppBuilt } from "./startup/web-build.ts";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
// Synchronous, so the last lines before process.exit are never lost.
const log = pino({ level: config.logLevel }, pino.destination({ sync: true }));
const startedAt = performance.now();

/** What has been started so far, so a stop at any moment closes exactly that. */
const running: { database?: RunningDatabase; db?: Database; jobs?: JobQueue; app?: FastifyInstance } = {};
let stopping = false;

async function stop(reason: string, exitCode: number): Promise<void> {
  // A repeated signal (Ctrl-C reaches us from the terminal and again from npm or pnpm, which
  // forward it) must not cut the shutdown short: the first one exits when it is done.
  if (stopping) return;
  {
    stopping = true;
    log.info({ reason }, "shutting down: finishing requests in flight");
    const forceExit = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.shutdownGraceMs);
    forceExit.unref();
    // Stop taking requests and jobs together (a Ctrl-C reaches PostgreSQL at the same moment),
    // then close the database.
    const closing = running.app?.close().catch(() => undefined);
    // Clients that keep a connection alive and keep sending would hold the close open forever
    // (each new request gets 503 on the same connection): close every connection the moment
    // it has no request in flight, so requests in flight finish and nothing new comes in.
    const sweep = setInterval(() => running.app?.server.closeIdleConnections(), 50);
    await Promise.all([closing, running.jobs?.stop().catch(() => undefined)]);
    clearInterval(sweep);
    await running.db?.$disconnect().catch(() => undefined);
    await running.database?.stop().catch(() => undefined);
    if (exitCode === 0) log.info("stopped cleanly");
  }
  process.exit(exitCode);
}

// Installed before anything starts, so a signal at any moment shuts down cleanly. Ctrl-C can
// arrive twice (from the terminal's process group and forwarded by npm or pnpm): repeats are ignored,
// and the grace timer bounds the shutdown.
process.on("SIGINT", () => void stop("SIGINT", 0));
process.on("SIGTERM", () => void stop("SIGTERM", 0));

try {
  const database = (running.database = await openDatabase(config, (line) => log.debug({ source: "postgres" }, line)));
  log.info({ embedded: database.embedded }, database.embedded ? "embedded PostgreSQL started" : "using DATABASE_URL");

  if (config.isProduction && !config.auditCheckpointKey) {
    // A key generated into DATA_DIR would sit beside what it protects.
    throw new Error("AUDIT_CHECKPOINT_KEY is required when NODE_ENV=production (32 bytes, base64)");
  }
  // Instances starting together take turns: granting rights at once fails one of them
  // ("tuple concurrently updated"), and so did seeding the teams.
  const migrations = await withAdvisoryLock(database.url, STARTUP_LOCK_KEY, () => migrateDatabase(database));
  log.info(
    { applied: migrations.applied, total: migrations.applied.length + migrations.alreadyApplied.length },
    "database migrated",
  );
  const role = await checkApplicationRole(database.url);
  if (role.superuser || role.ownedTables > 0 || role.canChangeAudit) {
    const problem =
      "the service's database role could rewrite the audit trail: connect as a role that is no superuser and " +
      "owns no table (DATABASE_URL), and run migrations as the owner (MIGRATION_DATABASE_URL)";
    if (config.isProduction) throw new Error(problem);
    log.warn({ role: role.role }, problem);
  }

  const secrets = await resolveSecrets(config);
  const db = (running.db = createDatabaseClient({ url: database.url, timeoutMs: config.databaseTimeoutMs }));
  const seeded = await withAdvisoryLock(database.url, STARTUP_LOCK_KEY, () =>
    seedDatabase(db, config, createSecretBox(secrets.encryptionKey)),
  );
  if (seeded.referenceData) log.info("reference data seeded: teams, routing rules, bank-holiday exceptions");
  if (seeded.demoReferrals > 0)
    log.info({ referrals: seeded.demoReferrals }, "demo referrals seeded for the demo teams");
  // Printed, not logged: this is for the person at the terminal, and must not reach log storage.
  if (seeded.demoCredentials) process.stdout.write(`\n${seeded.demoCredentials}\n\n`);

  await ensureWebAppBuilt(config.webDistDir, (message) => log.info(message));
  running.jobs = await startJobQueue(
    database.url,
    {
      housekeeping: createHousekeepingService(db),
      links: createLinkComputation({ db, clock: systemClock }),
      notifications: createNotificationJobs({ config, db, secrets, log }),
      auditCheckpoints: {
        writer: createCheckpointWriter({ db, key: secrets.auditCheckpointKey, file: config.auditCheckpointFile }),
        schedule: config.auditCheckpointSchedule,
      },
    },
    log,
  );

  const app = (running.app = await buildApp({ config, db, secrets, linkRequests: running.jobs.linkRequests }));
  await app.listen({ host: config.host, port: config.port });
  log.info(
    { startupMs: Math.round(performance.now() - startedAt) },
    `CSE Referral Hub is ready at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`,
  );
} catch (error) {
  log.fatal({ err: { type: (error as Error).name, message: (error as Error).message } }, "the service could not start");
  await stop("startup failure", 1);
}
