import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createDatabaseClient, type Database } from "./client.ts";

// Guards the database enforces itself, whatever the application does.
describe("database guards", () => {
  let test: TestDatabase;
  // The application role may not even try (see roles.test.ts); the trigger holds for the owner too.
  let owner: Database;
  beforeAll(async () => {
    test = await createTestDatabase();
    owner = createDatabaseClient({ url: test.ownerUrl, maxConnections: 1 });
  });
  afterAll(async () => {
    await owner.$disconnect();
    await test.drop();
  });

  const auditEntry = (hash: string) => ({
    action: "test.entry",
    outcome: "ALLOWED" as const,
    entityType: "Test",
    prevHash: "0".repeat(64),
    hash,
  });

  it("accepts new audit entries", async () => {
    const created = await test.db.auditEvent.create({ data: auditEntry("a".repeat(64)) });
    expect(created.id).toBeTypeOf("bigint");
  });

  it("refuses to change an audit entry", async () => {
    const entry = await test.db.auditEvent.create({ data: auditEntry("b".repeat(64)) });
    await expect(
      owner.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${entry.id}`,
    ).rejects.toThrow(/append-only/);
    const reread = await test.db.auditEvent.findUniqueOrThrow({ where: { id: entry.id } });
    expect(reread.action).toBe("test.entry");
  });

  it("refuses to delete or truncate audit entries", async () => {
    const entry = await test.db.auditEvent.create({ data: auditEntry("c".repeat(64)) });
    await expect(owner.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    expect(await test.db.auditEvent.count({ where: { id: entry.id } })).toBe(1);
  });

  it("requires a team for triage members and leads, and none for anyone else", async () => {
    const organisation = await test.db.organisation.create({ data: { name: "Guard Test Org", agency: "HEALTH" } });
    const team = await test.db.team.findFirstOrThrow({ where: { code: "leeds" } });
    const user = (role: "TRIAGE" | "REFERRER", teamId: string | null, email: string) =>
      test.db.user.create({
        data: { email, displayName: "Guard Test", role, organisationId: organisation.id, teamId },
      });

    await expect(user("TRIAGE", null, "no-team@guard.example")).rejects.toThrow(/User_team_matches_role_check/);
    await expect(user("REFERRER", team.id, "has-team@guard.example")).rejects.toThrow(/User_team_matches_role_check/);
    await expect(user("TRIAGE", team.id, "triage@guard.example")).resolves.toMatchObject({ role: "TRIAGE" });
  });

  it("stores email addresses in lower case only", async () => {
    const organisation = await test.db.organisation.create({ data: { name: "Guard Case Org", agency: "HEALTH" } });
    await expect(
      test.db.user.create({
        data: { email: "Mixed@Guard.Example", displayName: "X", role: "REFERRER", organisationId: organisation.id },
      }),
    ).rejects.toThrow(/User_email_lower_case_check/);
  });
});
