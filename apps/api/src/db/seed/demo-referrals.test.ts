import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSecretBox } from "../../security/encryption.ts";
import { testConfig } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { seedDatabase } from "./index.ts";

const secretBox = createSecretBox(Buffer.alloc(32, 3));
const config = (extra: Record<string, string> = {}) =>
  testConfig({
    NODE_ENV: "development",
    DEMO_PASSWORD: "demo-password-for-tests",
    DEMO_TOTP_SECRET: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    ...extra,
  });

describe("demo referrals", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(() => test.drop());

  it("give the Bradford team a queue worth triaging, made through the real services", async () => {
    const report = await seedDatabase(test.db, config(), secretBox);
    expect(report.demoReferrals).toBeGreaterThanOrEqual(12);
    const referrals = await test.db.referral.findMany({
      include: { team: true, child: true, assignee: true },
    });
    expect(referrals).toHaveLength(report.demoReferrals);
    expect(referrals.every((referral) => referral.child?.familyName.startsWith("Demo-"))).toBe(true);
    expect(new Set(referrals.map((referral) => referral.risk))).toEqual(new Set(["RED", "AMBER", "GREEN"]));

    const now = Date.now();
    const bradford = referrals.filter((referral) => referral.team.code === "bradford");
    expect(bradford.some((referral) => referral.status !== "DECIDED" && referral.decisionDueAt.getTime() < now)).toBe(
      true,
    );
    expect(
      bradford.some(
        (referral) =>
          referral.risk === "RED" &&
          referral.assigneeId === null &&
          referral.redEscalationDueAt !== null &&
          referral.redEscalationDueAt.getTime() < now,
      ),
    ).toBe(true);
    expect(bradford.some((referral) => referral.status === "DECIDED")).toBe(true);
    expect(bradford.some((referral) => referral.status === "AWAITING_APPROVAL")).toBe(true);
    expect(referrals.some((referral) => referral.team.isHub)).toBe(true);
    // Made as real ones are: each with its chronology and audit entry, and RED ones alerted.
    expect(await test.db.auditEvent.count({ where: { action: "referral.submit" } })).toBe(referrals.length);
    expect(await test.db.alert.count()).toBeGreaterThan(0);
    expect((await test.db.chronologyEvent.count()) >= referrals.length * 3).toBe(true);
    const verification = await import("../../modules/audit/service.ts").then(({ createAuditService }) =>
      createAuditService(test.db).verifyChain(),
    );
    expect(verification.brokenAt).toBeNull();
  });

  it("are not made when asked not to, or into a database that already has people", async () => {
    const off = await seedDatabase(test.db, config({ SEED_DEMO_REFERRALS: "false" }), secretBox);
    expect(off.demoReferrals).toBe(0);
    const again = await seedDatabase(test.db, config(), secretBox);
    expect(again.demoReferrals).toBe(0);
    expect(await test.db.referral.count()).toBe(0);
  });
});
