import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing/database.ts";

const apiDir = join(import.meta.dirname, "..");
// As a deployment runs it: the application's login, and the owner's for the migrations.
const run = (database: Pick<TestDatabase, "url" | "ownerUrl">, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/db/cli/create-admin.ts", ...args], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: database.url,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
    },
    encoding: "utf8",
  });

describe("admin:create", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("invites the first administrator, and only the first", { timeout: 60_000 }, async () => {
    const first = run(test, "Chief.Admin@Council.Example", "Chief Admin", "Calderdale Council");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
    const admin = await test.db.user.findUniqueOrThrow({
      where: { email: "chief.admin@council.example" },
      include: { organisation: true },
    });
    expect(admin).toMatchObject({ role: "ADMIN", status: "INVITED", organisation: { name: "Calderdale Council" } });
    expect(await test.db.auditEvent.count({ where: { action: "user.bootstrap-admin", entityId: admin.id } })).toBe(1);

    const second = run(test, "another@council.example", "Another", "Calderdale Council");
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("An administrator already exists");
    expect(await test.db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("explains its usage when the arguments are wrong, and changes nothing", () => {
    const result = run(test, "not-an-email");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage:");
  });
});
