import { boundaryOfRouting, decideByDirectory, parsePostcode, routeByPostcode, type HubReason } from "@cse/domain";
import type { BankHolidayException } from "@cse/domain";
import type { Transaction } from "../../db/client.ts";

type Team = { readonly id: string; readonly name: string; readonly isHub: boolean };

export type PostcodeHubReason = HubReason | "OUTSIDE_WEST_YORKSHIRE";

/** How a postcode was routed: by the ONS directory, by a prefix rule, or to the hub. */
export interface PostcodeRouting {
  readonly team: Team;
  readonly method: "POSTCODE_DIRECTORY" | "POSTCODE_RULE" | "HUB_FALLBACK";
  readonly matchedPrefix: string | null;
  /** The council code the directory gave, whenever it held the postcode. */
  readonly localAuthorityCode: string | null;
  readonly hubReason: PostcodeHubReason | null;
  readonly crossesBoundary: boolean;
  readonly boundaryNote: string | null;
}

type TeamWithCode = Team & { readonly code: string };

/** Everything routing decides on, read in one statement. */
export interface RoutingFacts {
  /** The council the active directory load gives the full postcode; null when it has none. */
  readonly localAuthorityCode: string | null;
  readonly teams: readonly TeamWithCode[];
  readonly rules: readonly { postcodePrefix: string; teamId: string; crossesBoundary: boolean; note: string | null }[];
  /** The bank-holiday changes, for the working-day clocks of whoever routes (submission). */
  readonly bankHolidayExceptions: readonly BankHolidayException[];
}

export async function loadRoutingFacts(tx: Transaction, postcode: string | null | undefined): Promise<RoutingFacts> {
  const full = postcode ? parsePostcode(postcode) : null;
  const [facts] = await tx.$queryRaw<RoutingFacts[]>`
    SELECT (SELECT e."localAuthorityCode" FROM "PostcodeDirectoryEntry" e
              JOIN "PostcodeDirectoryLoad" l ON l."id" = e."loadId" AND l."status" = 'ACTIVE'
             WHERE e."postcode" = ${full?.formatted ?? null} LIMIT 1) AS "localAuthorityCode",
           (SELECT coalesce(json_agg(json_build_object('id', t."id", 'code', t."code", 'name', t."name", 'isHub', t."isHub")), '[]')
              FROM "Team" t) AS "teams",
           (SELECT coalesce(json_agg(json_build_object('postcodePrefix', r."postcodePrefix", 'teamId', r."teamId",
                   'crossesBoundary', r."crossesBoundary", 'note', r."note")), '[]')
              FROM "RoutingRule" r) AS "rules",
           (SELECT coalesce(json_agg(json_build_object('date', to_char(b."date", 'YYYY-MM-DD'), 'change', b."change", 'name', b."name")), '[]')
              FROM "BankHolidayException" b) AS "bankHolidayExceptions"`;
  return facts!;
}

/**
 * Routes a referral's postcode. A full postcode the ONS Postcode Directory holds goes by its
 * council exactly: one of the five councils' teams, or, for any other council, the hub, as any
 * postcode outside West Yorkshire does. Otherwise the prefix rules decide, as before the
 * directory, with their council-boundary warning. Used at submission and by the tester, so the
 * tester says what submission would do.
 */
export async function routePostcode(tx: Transaction, postcode: string | null | undefined): Promise<PostcodeRouting> {
  return routeWithFacts(postcode, await loadRoutingFacts(tx, postcode));
}

const teamOf = (team: TeamWithCode): Team => ({ id: team.id, name: team.name, isHub: team.isHub });

/** routePostcode's decision, on facts already read. */
export function routeWithFacts(postcode: string | null | undefined, facts: RoutingFacts): PostcodeRouting {
  const hub = () => {
    const found = facts.teams.find((team) => team.isHub);
    if (!found) throw new Error("There is no hub team to route to");
    return teamOf(found);
  };
  const { localAuthorityCode } = facts;
  if (localAuthorityCode !== null) {
    const decision = decideByDirectory(localAuthorityCode);
    if (decision.kind === "OUTSIDE") {
      return {
        team: hub(),
        method: "HUB_FALLBACK",
        matchedPrefix: null,
        localAuthorityCode,
        hubReason: "OUTSIDE_WEST_YORKSHIRE",
        crossesBoundary: false,
        boundaryNote: `The ONS Postcode Directory places this postcode outside West Yorkshire (council ${localAuthorityCode}).`,
      };
    }
    const team = facts.teams.find((candidate) => candidate.code === decision.teamCode);
    // A council with no team of that code (never in the partnership's data) falls to the rules.
    if (team) {
      return {
        team: teamOf(team),
        method: "POSTCODE_DIRECTORY",
        matchedPrefix: null,
        localAuthorityCode,
        hubReason: null,
        crossesBoundary: false,
        boundaryNote: null,
      };
    }
  }

  const rules = facts.rules;
  const decision = routeByPostcode(postcode, rules);
  if (decision.kind === "RULE") {
    const boundary = boundaryOfRouting(postcode, decision, rules);
    return {
      team: ruleTeam(facts, decision.teamId),
      method: "POSTCODE_RULE",
      matchedPrefix: decision.matchedPrefix,
      localAuthorityCode,
      hubReason: null,
      crossesBoundary: boundary.crossesBoundary,
      boundaryNote: boundary.note,
    };
  }
  return {
    team: hub(),
    method: "HUB_FALLBACK",
    matchedPrefix: null,
    localAuthorityCode,
    hubReason: decision.reason,
    crossesBoundary: false,
    boundaryNote: null,
  };
}

function ruleTeam(facts: RoutingFacts, teamId: string): Team {
  const team = facts.teams.find((candidate) => candidate.id === teamId);
  // The foreign key makes this impossible; say so plainly if it ever is not.
  if (!team) throw new Error(`A routing rule names a team that does not exist: ${teamId}`);
  return teamOf(team);
}
