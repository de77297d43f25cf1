import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { createAuditService, type AuditService } from "./service.ts";

describe("the audit chain", () => {
  let test: TestDatabase;
  let audit: AuditService;
  beforeAll(async () => {
    test = await createTestDatabase();
    audit = createAuditService(test.db);
  });
  afterAll(() => test.drop());

  const verifyCommand = () =>
    spawnSync(process.execPath, ["--import", "tsx", "src/db/cli/verify-audit.ts"], {
      cwd: join(import.meta.dirname, "../../.."),
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: test.url },
      encoding: "utf8",
    });

  it("chains every entry to the one before, even when many are written at once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        audit.recordAlone({
          actor: null,
          action: "test.event",
          entityType: "Test",
          entityId: String(index),
          details: { index, tags: ["a", "b"] },
        }),
      ),
    );
    const events = await test.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events).toHaveLength(20);
    expect(events[0]!.prevHash).toBe("0".repeat(64));
    for (let index = 1; index < events.length; index += 1)
      expect(events[index]!.prevHash).toBe(events[index - 1]!.hash);
    expect(await audit.verifyChain(7)).toEqual({ entries: 20, brokenAt: null });

    const command = verifyCommand();
    expect(command.status, command.stderr).toBe(0);
    expect(command.stdout).toContain("Audit chain intact: 20 entries verified.");
  });

  it("finds an entry changed behind the application's back", async () => {
    const target = await test.db.auditEvent.findFirstOrThrow({ where: { entityId: "7" } });
    // Only someone who can switch off the append-only trigger could do this.
    await test.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await test.db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"index": 700}' WHERE "id" = ${target.id}`;
    await test.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);

    const result = await audit.verifyChain();
    expect(result.brokenAt).toBe(target.id);
    const command = verifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`Audit chain BROKEN at entry ${target.id}`);
  });
});
