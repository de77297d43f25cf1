// pnpm db:migrate and pnpm db:seed, run as a user would, against an empty database.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRETS } from "../src/testing/app.ts";
import { createEmptyDatabase } from "../src/testing/database.ts";

const run = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", `src/db/cli/${script}.ts`], {
    cwd: join(import.meta.dirname, ".."),
    env: { PATH: process.env.PATH ?? "", ...TEST_SECRETS, ...env },
    encoding: "utf8",
  });

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>(sql)).rows[0]!.count);
  } finally {
    await client.end();
  }
}

describe("the database commands", () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.drop());

  it("db:migrate applies every migration once, then has nothing to do", { timeout: 60_000 }, async () => {
    const first = run("migrate", { DATABASE_URL: database.url });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\):/);
    expect(
      await count(database.url, `SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`),
    ).toBeGreaterThan(0);
    const second = run("migrate", { DATABASE_URL: database.url });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Nothing to apply/);
  });

  it("db:seed refuses demo accounts in production, and seeds them in development", { timeout: 60_000 }, async () => {
    const production = run("seed", { DATABASE_URL: database.url, NODE_ENV: "production" });
    expect(production.status, production.stderr).toBe(0);
    expect(production.stdout).toContain("No demo accounts seeded.");
    expect(await count(database.url, `SELECT count(*) FROM "Team"`)).toBe(6);
    expect(await count(database.url, `SELECT count(*) FROM "User"`)).toBe(0);

    const development = run("seed", {
      DATABASE_URL: database.url,
      NODE_ENV: "development",
      DEMO_PASSWORD: "a-demo-password-here",
    });
    expect(development.status, development.stderr).toBe(0);
    expect(development.stdout).toContain("admin@demo.example");
    expect(await count(database.url, `SELECT count(*) FROM "User" WHERE role = 'ADMIN'`)).toBe(1);
  });
});
