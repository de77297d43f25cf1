import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../modules/auth/passwords.ts";
import { createSecretBox } from "../../security/encryption.ts";
import { testConfig } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/database.ts";
import { seedDatabase } from "./index.ts";
import { seedReferenceData, WEST_YORKSHIRE_TEAMS } from "./reference-data.ts";

const secretBox = createSecretBox(Buffer.alloc(32, 3));
const DEMO_PASSWORD = "demo-password-for-tests";
const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("seeding", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(() => test.drop());

  it("has reference data in every database: the five districts, the hub, routing rules and bank-holiday exceptions", async () => {
    const teams = await test.db.team.findMany({ orderBy: { code: "asc" } });
    expect(teams.map((team) => team.code)).toEqual(["bradford", "calderdale", "hub", "kirklees", "leeds", "wakefield"]);
    expect(teams.filter((team) => team.isHub).map((team) => team.code)).toEqual(["hub"]);
    expect(await test.db.routingRule.count()).toBeGreaterThanOrEqual(5);
    const ls29 = await test.db.routingRule.findUniqueOrThrow({
      where: { postcodePrefix: "LS29" },
      include: { team: true },
    });
    expect(ls29.team.code).toBe("bradford");
    const funeral = await test.db.bankHolidayException.findUnique({
      where: { date: new Date("2022-09-19T00:00:00Z") },
    });
    expect(funeral?.change).toBe("ADDITIONAL");
    expect(await seedReferenceData(test.db)).toBe(false);
    expect(await test.db.team.count()).toBe(WEST_YORKSHIRE_TEAMS.length);
  });

  it("creates every demo account of DESIGN.md §9 with its role, team and agency", async () => {
    const report = await seedDatabase(
      test.db,
      testConfig({ DEMO_PASSWORD, DEMO_TOTP_SECRET, NODE_ENV: "development" }),
      secretBox,
    );
    expect(report.demoCredentials).toContain(DEMO_PASSWORD);
    expect(report.demoCredentials).toContain(DEMO_TOTP_SECRET);

    const users = await test.db.user.findMany({ include: { team: true, organisation: true } });
    const byEmail = new Map(users.map((user) => [user.email, user]));
    const expectAccount = (email: string, role: string, agency: string, teamCode: string | null) => {
      const user = byEmail.get(`${email}@demo.example`);
      expect(user, email).toBeDefined();
      expect({ role: user!.role, agency: user!.organisation.agency, team: user!.team?.code ?? null }, email).toEqual({
        role,
        agency,
        team: teamCode,
      });
    };
    expectAccount("referrer.police", "REFERRER", "POLICE", null);
    expectAccount("referrer.social-care", "REFERRER", "SOCIAL_CARE", null);
    expectAccount("referrer.health", "REFERRER", "HEALTH", null);
    expectAccount("referrer.education", "REFERRER", "EDUCATION", null);
    expectAccount("referrer.voluntary", "REFERRER", "VOLUNTARY", null);
    for (const team of ["bradford", "calderdale", "kirklees", "leeds", "wakefield", "hub"]) {
      expectAccount(`triage.${team}`, "TRIAGE", "SOCIAL_CARE", team);
      expectAccount(`lead.${team}`, "LEAD", "SOCIAL_CARE", team);
    }
    expectAccount("police.bradford", "TRIAGE", "POLICE", "bradford");
    expectAccount("voluntary.bradford", "TRIAGE", "VOLUNTARY", "bradford");
    expectAccount("admin", "ADMIN", "SOCIAL_CARE", null);
    expect(users).toHaveLength(5 + 6 + 6 + 2 + 1);
    expect(new Set(users.map((user) => user.organisationId)).size).toBe(5);

    const admin = byEmail.get("admin@demo.example")!;
    expect(await verifyPassword(admin.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // The TOTP seed is stored encrypted, and only for roles that must use it.
    expect(admin.totpSecret).not.toContain(DEMO_TOTP_SECRET);
    expect(secretBox.open(admin.totpSecret!)).toBe(DEMO_TOTP_SECRET);
    expect(byEmail.get("referrer.police@demo.example")!.totpSecret).toBeNull();
  });

  it("generates a password and TOTP secret when none is given, and reports them once", async () => {
    const report = await seedDatabase(test.db, testConfig({ NODE_ENV: "development" }), secretBox);
    const password = /Password for every demo account: (\S+)/.exec(report.demoCredentials ?? "")?.[1];
    expect(password).toBeDefined();
    const lead = await test.db.user.findUniqueOrThrow({ where: { email: "lead.leeds@demo.example" } });
    expect(await verifyPassword(lead.passwordHash!, password!)).toBe(true);

    const again = await seedDatabase(test.db, testConfig({ NODE_ENV: "development" }), secretBox);
    expect(again.demoCredentials).toBeNull();
  });

  it("never seeds demo accounts in production", async () => {
    const production = testConfig({
      NODE_ENV: "production",
      DATABASE_URL: test.url,
    });
    const report = await seedDatabase(test.db, production, secretBox);
    expect(report.demoCredentials).toBeNull();
    expect(await test.db.user.count()).toBe(0);
  });
});
