import { readFile } from "node:fs/promises";
import { WEST_YORKSHIRE_DEFAULT_ROUTING_RULES } from "@cse/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";

const MIGRATION = new URL(
  "../../../../../prisma/migrations/20261201040000_routing_rules_admin/migration.sql",
  import.meta.url,
);

describe("the split-district migration on a database seeded before it", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test.drop();
  });

  it("brings the rules to the defaults a new database is seeded with", async () => {
    const sql = await readFile(MIGRATION, "utf8");
    // The data statements only: the columns exist already in a migrated test database.
    const data = sql.slice(sql.indexOf("-- Data for a database seeded before this change"));
    const owner = new pg.Client({ connectionString: test.ownerUrl });
    await owner.connect();
    try {
      // As it was: no rules of their own for the split districts the area rules routed, none marked.
      await owner.query(`DELETE FROM "RoutingRule" WHERE "postcodePrefix" IN ('LS17','LS21','LS22','LS25','HD8','HD9',
        'WF3','WF4','WF8','WF10','WF11')`);
      await owner.query(`UPDATE "RoutingRule" SET "crossesBoundary" = false`);
      await owner.query(data);
      // Running it twice changes nothing.
      await owner.query(data);
    } finally {
      await owner.end();
    }
    const rules = await test.db.routingRule.findMany({ include: { team: true } });
    const actual = rules.map((rule) => `${rule.postcodePrefix} ${rule.team.code} ${rule.crossesBoundary}`).sort();
    const expected = WEST_YORKSHIRE_DEFAULT_ROUTING_RULES.map(
      (rule) => `${rule.postcodePrefix} ${rule.teamCode} ${rule.crossesBoundary ?? false}`,
    ).sort();
    expect(actual).toEqual(expected);
  });
});
