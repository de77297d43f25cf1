import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { checkApplicationRole } from "./roles.ts";

// The service connects as the application role; these are the attacks it must not be able to make.
describe("the application's database role", () => {
  let test: TestDatabase;
  let app: pg.Client;
  let entryId: string;
  beforeAll(async () => {
    test = await createTestDatabase();
    app = new pg.Client({ connectionString: test.url });
    await app.connect();
    const inserted = await app.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("action", "outcome", "entityType", "prevHash", "hash")
       VALUES ('test.entry', 'ALLOWED', 'Test', repeat('0', 64), repeat('e', 64)) RETURNING "id"`,
    );
    entryId = inserted.rows[0]!.id;
  });
  afterAll(async () => {
    await app.end();
    await test.drop();
  });

  it("is no superuser, owns no table, and may not change audit entries", async () => {
    const check = await checkApplicationRole(test.url);
    expect(check).toMatchObject({ superuser: false, ownedTables: 0, canChangeAudit: false });
    expect(check.role).toMatch(/^cse_app_/);
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'tampered'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
    ["DISABLE TRIGGER", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
    ["DISABLE TRIGGER ALL", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["DROP TRIGGER", `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`],
    [
      "replace the trigger function",
      `CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`,
    ],
    ["take ownership", `ALTER TABLE "AuditEvent" OWNER TO CURRENT_USER`],
    ["switch off triggers for the session", `SET session_replication_role = replica`],
  ])("cannot %s", async (_, sql) => {
    await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
    const rows = await app.query(`SELECT "action" FROM "AuditEvent" WHERE "id" = $1`, [entryId]);
    expect(rows.rows).toEqual([{ action: "test.entry" }]);
  });

  it("cannot touch the migrations' bookkeeping", async () => {
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });
});
