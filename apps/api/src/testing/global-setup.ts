// Vitest global setup for the API: one PostgreSQL server for the whole run (the embedded
// one, or TEST_DATABASE_URL), and a template database that is migrated and seeded with
// reference data once. Each test file clones the template into a database of its own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabaseClient } from "../db/client.ts";
import { withDatabase } from "../db/urls.ts";
import { migrate } from "../db/migrations.ts";
import { startScratchDatabase } from "../db/scratch.ts";
import { seedReferenceData } from "../db/seed/reference-data.ts";

export interface TestDatabaseServer {
  /** A connection with the right to create and drop databases. */
  readonly adminUrl: string;
  readonly templateName: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const scratch = external ? undefined : await startScratchDatabase();
  const adminUrl = external ?? scratch!.adminUrl;
  const templateName = `cse_template_${randomBytes(4).toString("hex")}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateName}`);
  const templateUrl = withDatabase(adminUrl, templateName);
  await migrate(templateUrl);
  const db = createDatabaseClient({ url: templateUrl, maxConnections: 1 });
  await seedReferenceData(db);
  await db.$disconnect();

  project.provide("testDatabaseServer", { adminUrl, templateName });

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    await admin.end();
    await scratch?.stop();
  };
}
