// Drafts the SQL for a new migration: the difference between the schema the existing
// migrations produce (the schema at the last commit that touched it, which the drift test
// keeps equal to them) and the working copy of prisma/schema.prisma. Review before committing.
//
//   pnpm db:draft <name> [--from-empty]
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "../../config.ts";
import { defaultMigrationsDir } from "../migrations.ts";
import { readSchema, renderMigrationSql } from "../schema-ddl.ts";
import { withScratchDatabase } from "./scratch-database.ts";

const [name, ...flags] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Usage: pnpm db:draft <snake_case_name> [--from-empty]\n");
  process.exit(2);
}
const fromEmpty = flags.includes("--from-empty");
const committedSchema = fromEmpty
  ? null
  : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: repoRoot, encoding: "utf8" });

const sql = await withScratchDatabase((databaseUrl) =>
  readSchema().then((toSchema) => renderMigrationSql({ fromSchema: committedSchema, toSchema, databaseUrl })),
);
if (sql.trim() === "" || sql.includes("-- This is an empty migration.")) {
  process.stdout.write("No schema changes to migrate.\n");
  process.exit(0);
}
const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(defaultMigrationsDir, `${timestamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "migration.sql"), sql);
process.stdout.write(`Drafted ${join(dir, "migration.sql")}\n`);
