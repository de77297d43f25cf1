import { boundaryOfRouting, decideByDirectory, parsePostcode, routeByPostcode, type HubReason } from "@cse/domain";
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

const teamFields = { id: true, name: true, isHub: true } as const;

/** The council the active directory load gives a full postcode; null when it has none. */
async function councilOf(tx: Transaction, postcode: string): Promise<string | null> {
  const entry = await tx.postcodeDirectoryEntry.findFirst({
    where: { postcode, load: { status: "ACTIVE" } },
    select: { localAuthorityCode: true },
  });
  return entry?.localAuthorityCode ?? null;
}

/**
 * Routes a referral's postcode. A full postcode the ONS Postcode Directory holds goes by its
 * council exactly: one of the five councils' teams, or, for any other council, the hub, as any
 * postcode outside West Yorkshire does. Otherwise the prefix rules decide, as before the
 * directory, with their council-boundary warning. Used at submission and by the tester, so the
 * tester says what submission would do.
 */
export async function routePostcode(tx: Transaction, postcode: string | null | undefined): Promise<PostcodeRouting> {
  const hub = () => tx.team.findFirstOrThrow({ where: { isHub: true }, select: teamFields });
  const full = postcode ? parsePostcode(postcode) : null;
  const localAuthorityCode = full ? await councilOf(tx, full.formatted) : null;
  if (localAuthorityCode !== null) {
    const decision = decideByDirectory(localAuthorityCode);
    if (decision.kind === "OUTSIDE") {
      return {
        team: await hub(),
        method: "HUB_FALLBACK",
        matchedPrefix: null,
        localAuthorityCode,
        hubReason: "OUTSIDE_WEST_YORKSHIRE",
        crossesBoundary: false,
        boundaryNote: `The ONS Postcode Directory places this postcode outside West Yorkshire (council ${localAuthorityCode}).`,
      };
    }
    const team = await tx.team.findUnique({ where: { code: decision.teamCode }, select: teamFields });
    // A council with no team of that code (never in the partnership's data) falls to the rules.
    if (team) {
      return {
        team,
        method: "POSTCODE_DIRECTORY",
        matchedPrefix: null,
        localAuthorityCode,
        hubReason: null,
        crossesBoundary: false,
        boundaryNote: null,
      };
    }
  }

  const rules = await tx.routingRule.findMany({
    select: { postcodePrefix: true, teamId: true, crossesBoundary: true, note: true },
  });
  const decision = routeByPostcode(postcode, rules);
  if (decision.kind === "RULE") {
    const boundary = boundaryOfRouting(postcode, decision, rules);
    return {
      team: await tx.team.findUniqueOrThrow({ where: { id: decision.teamId }, select: teamFields }),
      method: "POSTCODE_RULE",
      matchedPrefix: decision.matchedPrefix,
      localAuthorityCode,
      hubReason: null,
      crossesBoundary: boundary.crossesBoundary,
      boundaryNote: boundary.note,
    };
  }
  return {
    team: await hub(),
    method: "HUB_FALLBACK",
    matchedPrefix: null,
    localAuthorityCode,
    hubReason: decision.reason,
    crossesBoundary: false,
    boundaryNote: null,
  };
}
