// The list and the single read must agree, for anyone: a list can never show a referral that a
// detail page would refuse, and a detail page never opens one that no list would show. Users
// are generated (any role, team, agency, or a referrer's own identity); the referrals are real.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import type { Agency, Role } from "../generated/prisma/enums.ts";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { createServices } from "../services/index.ts";
import { testConfig, TEST_SECRETS } from "../testing/app.ts";
import { submitReferral } from "../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../testing/team-world.ts";
import { useTestApp } from "../testing/use-test-app.ts";

const context = { requestId: "property-test", ipAddress: "127.0.0.1" };

describe("the access gateway's list and single read", () => {
  const app = useTestApp();
  let world: TeamWorld;
  let services: ReturnType<typeof createServices>;
  let referralIds: string[];
  let teams: { id: string; code: string; name: string }[];

  beforeAll(async () => {
    world = await createTeamWorld(app.app, app.test.db);
    services = createServices({
      config: testConfig(),
      db: app.test.db,
      secrets: {
        sessionSecret: TEST_SECRETS.SESSION_SECRET,
        encryptionKey: Buffer.from(TEST_SECRETS.ENCRYPTION_KEY, "base64"),
      },
    });
    const { referrer } = world.clients;
    referralIds = [
      (await submitReferral(referrer)).id,
      (await submitReferral(referrer, { child: { homePostcode: "LS1 1AA" } })).id,
      (await submitReferral(referrer, { child: { homePostcode: null, currentPostcode: null } })).id,
      (await submitReferral(referrer, { immediateDanger: true, child: { homePostcode: "HX1 1AA" } })).id,
    ];
    teams = await app.test.db.team.findMany({ select: { id: true, code: true, name: true } });
  });

  const role = fc.constantFrom<Role>("REFERRER", "TRIAGE", "LEAD", "ADMIN");
  const agency = fc.constantFrom<Agency>("POLICE", "SOCIAL_CARE", "HEALTH", "EDUCATION", "VOLUNTARY");

  function person(
    chosenRole: Role,
    chosenAgency: Agency,
    teamIndex: number | null,
    isTheReferrer: boolean,
  ): AuthenticatedUser {
    const team = teamIndex === null ? null : (teams[teamIndex % teams.length] ?? null);
    return {
      id: isTheReferrer ? world.users.referrer.id : randomUUID(),
      email: "generated@test.example",
      displayName: "Generated person",
      jobTitle: null,
      phone: null,
      role: chosenRole,
      status: "ACTIVE",
      agency: chosenAgency,
      organisation: { id: randomUUID(), name: "Generated" },
      team,
      secondFactorEnabled: true,
    };
  }

  async function listed(user: AuthenticatedUser): Promise<Set<string>> {
    try {
      if (user.role === "TRIAGE" || user.role === "LEAD") {
        const page = await services.triage.queue(
          user,
          { scope: "team", limit: 100, assignee: "anyone", attention: false },
          context,
        );
        return new Set(page.items.map((item) => item.id));
      }
      const page = await services.referralReading.listMine(user, { limit: 100 }, context);
      return new Set(page.referrals.map((referral) => referral.id));
    } catch (error) {
      if (error instanceof DomainError && [403, 404].includes(error.status)) return new Set();
      throw error;
    }
  }

  async function opens(user: AuthenticatedUser, id: string): Promise<boolean> {
    try {
      await services.referralReading.read(user, id, context);
      return true;
    } catch (error) {
      if (error instanceof DomainError && [403, 404].includes(error.status)) return false;
      throw error;
    }
  }

  it("agree for every generated user and every referral", async () => {
    await fc.assert(
      fc.asyncProperty(
        role,
        agency,
        fc.option(fc.nat(), { nil: null }),
        fc.boolean(),
        async (chosenRole, chosenAgency, teamIndex, isTheReferrer) => {
          const user = person(chosenRole, chosenAgency, teamIndex, isTheReferrer);
          const list = await listed(user);
          for (const id of referralIds) {
            expect(await opens(user, id), `${chosenRole} ${user.team?.code ?? "no team"} ${id}`).toBe(list.has(id));
          }
          // And nothing is ever listed that is not one of these referrals' own team or referrer.
          expect([...list].every((id) => referralIds.includes(id))).toBe(true);
        },
      ),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
