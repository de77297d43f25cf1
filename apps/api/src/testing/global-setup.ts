// Vitest global setup for the API: one PostgreSQL server for the whole run (the embedded
// one, or TEST_DATABASE_URL), and a template database that is migrated and seeded with
// reference data once. Each test file clones the template into a database of its own.
// As in production, the template is owned and migrated by an owner role, and tests connect
// as the restricted application role, so every API test proves the grants suffice.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabaseClient } from "../db/client.ts";
import { ensureDatabaseRoles, prepareDatabase, type RoleLogin } from "../db/roles.ts";
import { startScratchDatabase } from "../db/scratch.ts";
import { seedReferenceData } from "../db/seed/reference-data.ts";
import { withDatabase, withLogin } from "../db/urls.ts";

export interface TestDatabaseServer {
  /** A connection with the right to create and drop databases. */
  readonly adminUrl: string;
  readonly templateName: string;
  /** Owns every table, as migrations do in production. */
  readonly owner: RoleLogin;
  /** What the service connects as: no superuser, owns nothing, INSERT and SELECT only on audit. */
  readonly app: RoleLogin;
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
  const run = randomBytes(4).toString("hex");
  const templateName = `cse_template_${run}`;
  // Roles are server-wide: names of this run's own, so runs sharing a server never collide.
  const owner = { name: `cse_owner_${run}`, password: randomBytes(18).toString("base64url") };
  const app = { name: `cse_app_${run}`, password: randomBytes(18).toString("base64url") };

  await ensureDatabaseRoles(adminUrl, { owner, app, database: templateName });
  const templateUrl = withDatabase(adminUrl, templateName);
  await prepareDatabase(withLogin(templateUrl, owner), withLogin(templateUrl, app));
  const db = createDatabaseClient({ url: withLogin(templateUrl, app), maxConnections: 1 });
  await seedReferenceData(db);
  await db.$disconnect();

  project.provide("testDatabaseServer", { adminUrl, templateName, owner, app });

  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
      for (const role of [app, owner]) await admin.query(`DROP ROLE IF EXISTS ${role.name}`).catch(() => undefined);
    } finally {
      await admin.end();
    }
    await scratch?.stop();
  };
}
