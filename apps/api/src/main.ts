// Starts the whole service on one port: database (embedded unless DATABASE_URL is set),
// migrations, reference and demo data, the web app, and the API.
import pino from "pino";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createDatabaseClient } from "./db/client.ts";
import { migrate } from "./db/migrations.ts";
import { startJobQueue } from "./jobs/queue.ts";
import { createHousekeepingService } from "./modules/housekeeping/service.ts";
import { seedDatabase } from "./db/seed/index.ts";
import { createSecretBox } from "./security/encryption.ts";
import { openDatabase, type RunningDatabase } from "./startup/database.ts";
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
const log = pino({ level: config.logLevel });
const startedAt = performance.now();

let database: RunningDatabase | undefined;
try {
  database = await openDatabase(config, (line) => log.debug({ source: "postgres" }, line));
  log.info({ embedded: database.embedded }, database.embedded ? "embedded PostgreSQL started" : "using DATABASE_URL");

  const migrations = await migrate(database.url);
  log.info(
    { applied: migrations.applied, total: migrations.applied.length + migrations.alreadyApplied.length },
    "database migrated",
  );

  const secrets = await resolveSecrets(config);
  const db = createDatabaseClient({ url: database.url });
  const seeded = await seedDatabase(db, config, createSecretBox(secrets.encryptionKey));
  if (seeded.referenceData) log.info("reference data seeded: teams, routing rules, bank-holiday exceptions");
  // Printed, not logged: this is for the person at the terminal, and must not reach log storage.
  if (seeded.demoCredentials) process.stdout.write(`\n${seeded.demoCredentials}\n\n`);

  await ensureWebAppBuilt(config.webDistDir, (message) => log.info(message));

  const app = await buildApp({ config, db, secrets });
  await app.listen({ host: config.host, port: config.port });
  const jobs = await startJobQueue(database.url, { housekeeping: createHousekeepingService(db) }, log);
  log.info(
    { startupMs: Math.round(performance.now() - startedAt) },
    `CSE Referral Hub is ready at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing requests in flight");
    const forceExit = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.shutdownGraceMs);
    forceExit.unref();
    await app.close();
    await jobs.stop();
    await db.$disconnect();
    await database?.stop();
    log.info("stopped cleanly");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  log.fatal({ err: { type: (error as Error).name, message: (error as Error).message } }, "the service could not start");
  await database?.stop().catch(() => undefined);
  process.exit(1);
}
