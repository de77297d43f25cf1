import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseServer } from "../testing/database.ts";
import { checkDrift, compareCatalogs, describeDrift } from "./drift.ts";
import { defaultMigrationsDir, readMigrations } from "./migrations.ts";

describe("the migrated database matches schema.prisma", () => {
  it("has no drift: tables, columns, types, nullability, defaults, enums, keys and indexes agree", async () => {
    const drift = await checkDrift({ adminUrl: testDatabaseServer().adminUrl });
    expect(drift, describeDrift(drift)).toEqual([]);
  });

  describe("when a migration and the schema disagree", () => {
    let migrationsDir: string;
    let initialMigration: string;

    beforeAll(async () => {
      migrationsDir = await mkdtemp(join(tmpdir(), "cse-drift-"));
      await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
      initialMigration = join(migrationsDir, (await readMigrations(migrationsDir))[0]!.name, "migration.sql");
    });

    afterAll(() => rm(migrationsDir, { recursive: true, force: true }));

    it("reports a column that a migration forgot", async () => {
      const script = await readFile(initialMigration, "utf8");
      expect(script).toContain(`"jobTitle" TEXT,`);
      await writeFile(initialMigration, script.replace(`    "jobTitle" TEXT,\n`, ""));

      const drift = await checkDrift({ adminUrl: testDatabaseServer().adminUrl, migrationsDir });

      expect(drift).toEqual([
        { object: "column User.jobTitle", problem: "missing from migrations", schema: "text NULL" },
      ]);
    });
  });
});

describe("compareCatalogs", () => {
  const schema = new Map([
    ["table User", "r"],
    ["column User.email", "text NOT NULL"],
    ["index User.User_email_key", "CREATE UNIQUE INDEX ..."],
  ]);

  it("finds nothing when the catalogs agree", () => {
    expect(compareCatalogs(new Map(schema), schema)).toEqual([]);
  });

  it("reports a changed nullability", () => {
    const migrated = new Map(schema).set("column User.email", "text NULL");
    expect(compareCatalogs(migrated, schema)).toEqual([
      { object: "column User.email", problem: "differs", migrations: "text NULL", schema: "text NOT NULL" },
    ]);
  });

  it("reports objects only the migrations have, unless they are declared guards", () => {
    const migrated = new Map(schema)
      .set("index User.extra", "CREATE INDEX extra")
      .set("index User.guard", "CREATE INDEX guard");
    expect(compareCatalogs(migrated, schema, new Set(["index User.guard"]))).toEqual([
      { object: "index User.extra", problem: "not in schema.prisma", migrations: "CREATE INDEX extra" },
    ]);
  });
});
