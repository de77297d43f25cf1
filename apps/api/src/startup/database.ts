import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Config } from "../config.ts";
import { startEmbeddedDatabase } from "../db/embedded.ts";
import { migrate, type MigrationResult } from "../db/migrations.ts";
import { ensureDatabaseRoles, prepareDatabase, type RoleLogin } from "../db/roles.ts";
import { withDatabase, withLogin } from "../db/urls.ts";

export interface RunningDatabase {
  /** The service's own connection: the application role. */
  readonly url: string;
  /** The owner role, for migrations; absent when they are run elsewhere. */
  readonly migrationUrl: string | undefined;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = "cse_referral_hub";
const storedRolesSchema = z.object({
  owner: z.object({ name: z.string(), password: z.string() }),
  app: z.object({ name: z.string(), password: z.string() }),
});

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL) when set; otherwise a PostgreSQL cluster of our
 * own under DATA_DIR, with the same two roles a deployment has.
 */
export async function openDatabase(config: Config, onLog: (line: string) => void): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      migrationUrl: config.migrationDatabaseUrl,
      embedded: false,
      stop: async () => undefined,
    };
  }
  const directory = join(config.dataDir, "postgres");
  const database = await startEmbeddedDatabase({
    directory,
    port: config.embeddedDatabasePort,
    databaseName: DATABASE_NAME,
    onLog,
  });
  try {
    const roles = await readOrCreateRoles(join(directory, "roles.json"));
    await ensureDatabaseRoles(database.adminUrl, { ...roles, database: DATABASE_NAME });
    const url = withDatabase(database.adminUrl, DATABASE_NAME);
    return {
      url: withLogin(url, roles.app),
      migrationUrl: withLogin(url, roles.owner),
      embedded: true,
      stop: () => database.stop(),
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

async function readOrCreateRoles(path: string): Promise<{ owner: RoleLogin; app: RoleLogin }> {
  if (existsSync(path)) return storedRolesSchema.parse(JSON.parse(await readFile(path, "utf8")));
  const roles = {
    owner: { name: "cse_owner", password: randomBytes(24).toString("base64url") },
    app: { name: "cse_app", password: randomBytes(24).toString("base64url") },
  };
  await writeFile(path, `${JSON.stringify(roles, null, 2)}\n`, { mode: 0o600 });
  return roles;
}

/**
 * Migrates as the owner and grants the application role its rights. Without an owner URL
 * (allowed outside production only) one role does everything, and the start-up role check
 * says that the audit trail is then not protected from the service itself.
 */
export function migrateDatabase(database: Pick<RunningDatabase, "url" | "migrationUrl">): Promise<MigrationResult> {
  return database.migrationUrl ? prepareDatabase(database.migrationUrl, database.url) : migrate(database.url);
}
