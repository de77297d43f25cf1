import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabaseClient, type Database } from "../db/client.ts";
import { withDatabase, withLogin } from "../db/urls.ts";

export interface TestDatabase {
  /** Signs in as the application role, as the service does. */
  readonly url: string;
  readonly db: Database;
  /** Signs in as the owner role, as migrations do: for tests that play an attacker with more rights. */
  readonly ownerUrl: string;
  drop(): Promise<void>;
}

export function testDatabaseServer() {
  return inject("testDatabaseServer");
}

/** Runs one statement as the test server's superuser (creating and dropping databases). */
export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseServer().adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database of this test file's own: migrated, with reference data, and nothing else. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateName, owner, app } = testDatabaseServer();
  const name = `cse_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName} OWNER ${owner.name}`);
  const url = withLogin(withDatabase(adminUrl, name), app);
  const db = createDatabaseClient({ url, maxConnections: 5 });
  return {
    url,
    db,
    ownerUrl: withLogin(withDatabase(adminUrl, name), owner),
    drop: async () => {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database (no migrations), for tests of the migration machinery itself. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cse_empty_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(testDatabaseServer().adminUrl, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
