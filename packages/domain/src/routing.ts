import { isPostcodeArea, parsePartialPostcode, parsePostcode } from "./postcode.ts";

export interface RoutingRule {
  /** An area ("LS"), a district ("LS29") or a district and sector ("LS29 8"). */
  readonly postcodePrefix: string;
  readonly teamId: string;
}

export type HubReason = "NO_POSTCODE" | "INVALID_POSTCODE" | "NO_MATCHING_RULE";

export type RoutingDecision =
  | { readonly kind: "RULE"; readonly teamId: string; readonly matchedPrefix: string }
  | { readonly kind: "HUB"; readonly reason: HubReason };

/**
 * Validates a rule prefix and gives the one form rules are stored and matched in: an area
 * ("LS"), a district ("LS29") or a sector ("LS29 8"). Null when it is none of these, so the
 * admin API can refuse a rule that could never match.
 */
export function normaliseRoutingPrefix(input: string): string | null {
  const area = input.normalize("NFKC").toUpperCase().trim();
  if (isPostcodeArea(area)) return area;
  const partial = parsePartialPostcode(input);
  return partial ? (partial.sector ?? partial.district) : null;
}

/** Most specific first: sector, then district, then area. */
function prefixesOf(postcode: string): string[] | null {
  const full = parsePostcode(postcode);
  if (full) return [full.sector, full.district, full.area];
  const partial = parsePartialPostcode(postcode);
  if (!partial) return null;
  return partial.sector ? [partial.sector, partial.district, partial.area] : [partial.district, partial.area];
}

/**
 * Chooses the owning team for a postcode by the most specific rule that matches it. Matching
 * is on the parts of the postcode, never on raw text, so a rule for "WF1" does not catch
 * WF12, "LS2" does not catch LS29, and "B" (Birmingham) does not catch BD (Bradford).
 * A full postcode, a district, or a district and sector are all accepted; anything that
 * cannot be routed goes to the West Yorkshire hub with the reason. Rules whose prefix is
 * not valid are ignored (the admin API refuses them), and where two rules name the same
 * prefix the first listed wins.
 */
export function routeByPostcode(postcode: string | null | undefined, rules: readonly RoutingRule[]): RoutingDecision {
  if (postcode === null || postcode === undefined || postcode.trim() === "") {
    return { kind: "HUB", reason: "NO_POSTCODE" };
  }
  const prefixes = prefixesOf(postcode);
  if (!prefixes) return { kind: "HUB", reason: "INVALID_POSTCODE" };

  const teamByPrefix = new Map<string, string>();
  for (const rule of rules) {
    const prefix = normaliseRoutingPrefix(rule.postcodePrefix);
    if (prefix !== null && !teamByPrefix.has(prefix)) teamByPrefix.set(prefix, rule.teamId);
  }
  for (const prefix of prefixes) {
    const teamId = teamByPrefix.get(prefix);
    if (teamId !== undefined) return { kind: "RULE", teamId, matchedPrefix: prefix };
  }
  return { kind: "HUB", reason: "NO_MATCHING_RULE" };
}

export type RoutingPrefixLevel = "AREA" | "DISTRICT" | "SECTOR";

/** How much of a postcode a normalised prefix names: "LS" an area, "LS29" a district, "LS29 8" a sector. */
export function routingPrefixLevel(normalisedPrefix: string): RoutingPrefixLevel {
  if (isPostcodeArea(normalisedPrefix)) return "AREA";
  return normalisedPrefix.includes(" ") ? "SECTOR" : "DISTRICT";
}

/**
 * A postcode as routing reads it, for showing back to a person: the full postcode written
 * properly ("LS29 8AB"), or the district or sector when that is all there is; null when it
 * is none of these.
 */
export function routablePostcode(input: string): string | null {
  const full = parsePostcode(input);
  if (full) return full.formatted;
  const partial = parsePartialPostcode(input);
  return partial ? (partial.sector ?? partial.district) : null;
}
