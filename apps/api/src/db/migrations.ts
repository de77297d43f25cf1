import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { repoRoot } from "../config.ts";
import { sha256Hex } from "../security/hashing.ts";

export const defaultMigrationsDir = join(repoRoot, "prisma", "migrations");

/** The advisory lock key Prisma's own migrate takes, so the two exclude each other too. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** A migration whose first line is this comment runs outside a transaction. */
const NO_TRANSACTION_MARKER = "-- migrate:no-transaction";

// Prisma's bookkeeping table, exactly as its schema engine creates it for PostgreSQL.
const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  readonly name: string;
  readonly script: string;
  readonly checksum: string;
}

export interface MigrationResult {
  readonly applied: string[];
  readonly alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** SHA-256 of the script, hex: the checksum Prisma records. */
export function migrationChecksum(script: string): string {
  return sha256Hex(script);
}

/** Prisma accepts a checksum computed with either line ending, so a checkout on Windows still matches. */
function matchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replaceAll("\r\n", "\n");
  const crlf = lf.replaceAll("\n", "\r\n");
  return [script, lf, crlf].some((variant) => migrationChecksum(variant) === checksum);
}

export async function readMigrations(migrationsDir = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in name order, each in its own transaction, recording them in
 * `_prisma_migrations` as Prisma's `migrate deploy` would. Refuses to run when an applied
 * migration's file has changed, when one has failed, or when the database has migrations
 * this code does not know (it is older than the schema it would run against).
 */
export async function migrate(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<MigrationResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(CREATE_BOOKKEEPING_TABLE);
    const rows = (
      await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
      )
    ).rows;
    const applied = checkHistory(migrations, rows);

    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await applyMigration(client, migration);
      newlyApplied.push(migration.name);
    }
    return { applied: newlyApplied, alreadyApplied: [...applied] };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

function checkHistory(migrations: readonly MigrationFile[], rows: readonly AppliedRow[]): Set<string> {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of rows) {
    const local = byName.get(row.migration_name);
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but did not finish. Inspect the database, then mark it ` +
          `rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '...') ` +
          `before starting again.`,
      );
    }
    if (!local) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this version of the service does not have. ` +
          `Refusing to run older code against a newer schema.`,
      );
    }
    if (!matchesChecksum(local.script, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied. ` +
          `Applied migrations are history: restore the file and add a new migration instead.`,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const transactional = !migration.script.trimStart().startsWith(NO_TRANSACTION_MARKER);
  const id = randomUUID();
  if (transactional) await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    if (transactional) await client.query("COMMIT");
  } catch (cause) {
    if (transactional) await client.query("ROLLBACK").catch(() => undefined);
    else await recordFailure(client, id, cause);
    throw new MigrationError(`Migration ${migration.name} failed: ${(cause as Error).message}`, { cause });
  }
}

/** Outside a transaction a failure can leave work half done; record it as Prisma does so nobody runs on. */
async function recordFailure(client: pg.Client, id: string, cause: unknown): Promise<void> {
  await client
    .query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String((cause as Error).message)])
    .catch(() => undefined);
}
