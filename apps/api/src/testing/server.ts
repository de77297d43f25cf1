// The whole service on a free port and a throwaway database, for browser tests.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import { createDatabaseClient, type Database } from "../db/client.ts";
import { migrate } from "../db/migrations.ts";
import { startScratchDatabase } from "../db/scratch.ts";
import { seedDatabase } from "../db/seed/index.ts";
import { createLinkComputation } from "../modules/links/compute-links.ts";
import { systemClock } from "../services/clock.ts";
import { createSecretBox } from "../security/encryption.ts";
import { ensureWebAppBuilt } from "../startup/web-build.ts";
import { testConfig } from "./app.ts";

export interface RunningTestServer {
  readonly url: string;
  /** For a browser test that must set up what the service's clock cannot (see e2e-database.ts). */
  readonly databaseUrl: string;
  readonly db: Database;
  readonly app: FastifyInstance;
  stop(): Promise<void>;
}

/** `settings`: configuration on top of the browser tests' own (email on, for one). */
export async function startTestServer(
  demo: { password: string; totpSecret: string },
  settings: Record<string, string> = {},
): Promise<RunningTestServer> {
  const database = await startScratchDatabase("cse_e2e");
  const config = testConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    WEB_DIST_DIR: "apps/web/dist",
    DEMO_PASSWORD: demo.password,
    DEMO_TOTP_SECRET: demo.totpSecret,
    // Journeys start from an empty queue, so what they create is what they see first.
    SEED_DEMO_REFERRALS: "false",
    // Short, so a browser test can outlive the step-up that signing in gives (5 minutes in use).
    STEP_UP_WINDOW_SECONDS: "4",
    ...settings,
  });
  await migrate(database.url);
  const db = createDatabaseClient({ url: database.url });
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  await seedDatabase(db, config, createSecretBox(encryptionKey));
  await ensureWebAppBuilt(config.webDistDir, () => undefined);
  // No job queue here: links are computed as each referral is submitted, by the same function
  // the queue's worker calls, so a journey sees them without waiting on pg-boss.
  const links = createLinkComputation({ db, clock: systemClock });
  const linkRequests = { request: async (referralId: string) => void (await links.computeFor(referralId)) };
  const app = await buildApp({
    config,
    db,
    secrets: { sessionSecret: config.sessionSecret!, encryptionKey },
    linkRequests,
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url: address,
    databaseUrl: database.url,
    db,
    app,
    stop: async () => {
      await app.close();
      await db.$disconnect();
      await database.stop();
    },
  };
}
