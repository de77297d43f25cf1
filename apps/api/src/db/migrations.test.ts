import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../testing/database.ts";
import { defaultMigrationsDir, migrate, migrationChecksum, readMigrations } from "./migrations.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface BookkeepingRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

describe("migrate", () => {
  let database: { url: string; drop(): Promise<void> };
  let migrationsDir: string;

  beforeEach(async () => {
    database = await createEmptyDatabase();
    migrationsDir = await mkdtemp(join(tmpdir(), "cse-migrations-"));
    await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
  });

  afterEach(async () => {
    await database.drop();
    await rm(migrationsDir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string) {
    await mkdir(join(migrationsDir, name));
    await writeFile(join(migrationsDir, name, "migration.sql"), sql);
  }

  it("applies every migration and records it as Prisma does", async () => {
    const local = await readMigrations(migrationsDir);
    const result = await migrate(database.url, migrationsDir);

    expect(result.applied).toEqual(local.map((migration) => migration.name));
    const rows = await query<BookkeepingRow>(
      database.url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const script = await readFile(join(migrationsDir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(migrationChecksum(script));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.finished_at).not.toBeNull();
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(local[index]?.checksum).toBe(row.checksum);
    }
  });

  it("creates the bookkeeping table with Prisma's exact columns", async () => {
    await migrate(database.url, migrationsDir);
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      database.url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);
  });

  it("does nothing the second time", async () => {
    await migrate(database.url, migrationsDir);
    const second = await migrate(database.url, migrationsDir);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    const [{ count }] = (await query<{ count: string }>(database.url, `SELECT count(*) FROM "_prisma_migrations"`)) as [
      { count: string },
    ];
    expect(Number(count)).toBe(second.alreadyApplied.length);
  });

  it("applies only the new migration when one is added", async () => {
    await migrate(database.url, migrationsDir);
    await addMigration("29990101000000_add_thing", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    const result = await migrate(database.url, migrationsDir);
    expect(result.applied).toEqual(["29990101000000_add_thing"]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    await migrate(database.url, migrationsDir);
    const [first] = await readMigrations(migrationsDir);
    await writeFile(join(migrationsDir, first!.name, "migration.sql"), `${first!.script}\n-- edited afterwards\n`);
    await expect(migrate(database.url, migrationsDir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("accepts an applied migration checked out with Windows line endings", async () => {
    await migrate(database.url, migrationsDir);
    const [first] = await readMigrations(migrationsDir);
    await writeFile(join(migrationsDir, first!.name, "migration.sql"), first!.script.replaceAll("\n", "\r\n"));
    await expect(migrate(database.url, migrationsDir)).resolves.toMatchObject({ applied: [] });
  });

  it("refuses to run older code against a database with migrations it does not know", async () => {
    await addMigration("29990101000000_from_the_future", `CREATE TABLE "Future" ("id" INTEGER PRIMARY KEY);`);
    await migrate(database.url, migrationsDir);
    await rm(join(migrationsDir, "29990101000000_from_the_future"), { recursive: true });
    await expect(migrate(database.url, migrationsDir)).rejects.toThrow(/does not have/);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    await addMigration(
      "29990101000000_broken",
      `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\nSELECT * FROM "no_such_table";`,
    );
    await expect(migrate(database.url, migrationsDir)).rejects.toThrow(/29990101000000_broken failed/);
    const tables = await query(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'HalfDone'`);
    expect(tables).toHaveLength(0);
    const rows = await query(
      database.url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(rows).toHaveLength(0);
    // The migrations before it are kept: each runs in a transaction of its own.
    const applied = await query(database.url, `SELECT 1 FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(applied.length).toBeGreaterThan(0);
  });

  it("lets two instances start together without both migrating", async () => {
    const results = await Promise.all([migrate(database.url, migrationsDir), migrate(database.url, migrationsDir)]);
    const appliedTwice = results.flatMap((result) => result.applied);
    const local = await readMigrations(migrationsDir);
    expect(appliedTwice.sort()).toEqual(local.map((migration) => migration.name).sort());
    const rows = await query(database.url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(local.length);
  });

  it("refuses to continue after a migration that started but never finished", async () => {
    await migrate(database.url, migrationsDir);
    await query(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', '${"0".repeat(64)}', '29990101000000_interrupted', 0)`,
    );
    await expect(migrate(database.url, migrationsDir)).rejects.toThrow(/did not finish/);
  });
});
