import { ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS, WEST_YORKSHIRE_DEFAULT_ROUTING_RULES } from "@cse/domain";
import type { Database } from "../client.ts";

export const WEST_YORKSHIRE_TEAMS = [
  {
    code: "bradford",
    name: "Bradford",
    localAuthority: "City of Bradford Metropolitan District Council",
    isHub: false,
  },
  { code: "calderdale", name: "Calderdale", localAuthority: "Calderdale Metropolitan Borough Council", isHub: false },
  { code: "kirklees", name: "Kirklees", localAuthority: "Kirklees Council", isHub: false },
  { code: "leeds", name: "Leeds", localAuthority: "Leeds City Council", isHub: false },
  { code: "wakefield", name: "Wakefield", localAuthority: "Wakefield Council", isHub: false },
  { code: "hub", name: "West Yorkshire hub", localAuthority: null, isHub: true },
] as const;

/**
 * Teams, routing rules and bank-holiday exceptions: the service cannot route or time a
 * referral without them, so they are seeded in every environment, once.
 */
export async function seedReferenceData(db: Database): Promise<boolean> {
  if ((await db.team.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    for (const team of WEST_YORKSHIRE_TEAMS) await tx.team.create({ data: team });
    const teams = await tx.team.findMany({ select: { id: true, code: true } });
    const teamIdByCode = new Map(teams.map((team) => [team.code, team.id]));
    await tx.routingRule.createMany({
      data: WEST_YORKSHIRE_DEFAULT_ROUTING_RULES.map((rule) => {
        const teamId = teamIdByCode.get(rule.teamCode);
        if (!teamId) throw new Error(`Routing rule ${rule.postcodePrefix} names unknown team ${rule.teamCode}`);
        return { postcodePrefix: rule.postcodePrefix, teamId, crossesBoundary: rule.crossesBoundary ?? false };
      }),
    });
    await tx.bankHolidayException.createMany({
      data: ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS.map((exception) => ({
        date: new Date(`${exception.date}T00:00:00Z`),
        name: exception.name,
        change: exception.change,
      })),
      skipDuplicates: true,
    });
  });
  return true;
}
