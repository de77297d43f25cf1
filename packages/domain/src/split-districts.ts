import { parsePartialPostcode, parsePostcode } from "./postcode.ts";
import { normaliseRoutingPrefix, type RoutingDecision, type RoutingRule } from "./routing.ts";

/**
 * West Yorkshire postcode districts that straddle a council boundary, with what lies on the
 * other side. A rule for the whole district sends every child in it to one team, so a
 * referral routed that way carries a warning until a sector rule (or the ONS directory)
 * settles it. The partnership refines these with sector rules; this list is the floor, so
 * removing a district's rule can never silence its warning.
 */
export const WEST_YORKSHIRE_SPLIT_DISTRICTS: ReadonlyMap<string, string> = new Map([
  ["BD3", "Parts of BD3 are in Leeds."],
  ["BD4", "Parts of BD4 are in Leeds, and East Bierley is in Kirklees."],
  ["BD12", "A small fringe of BD12 is in a neighbouring council."],
  ["BD22", "Cowling is in North Yorkshire."],
  ["HD8", "A small fringe of HD8 is in a neighbouring council."],
  ["HD9", "A small fringe of HD9 is in a neighbouring council."],
  ["LS17", "Huby, Weeton and North Rigton are in North Yorkshire."],
  ["LS21", "Edges of LS21 are in North Yorkshire."],
  ["LS22", "Edges of LS22 are in North Yorkshire."],
  ["LS25", "Sherburn in Elmet and South Milford are in North Yorkshire."],
  ["LS29", "A small fringe of LS29 is in a neighbouring council."],
  ["WF3", "Tingley, East Ardsley and Lofthouse are in Leeds."],
  ["WF4", "Flockton and Grange Moor are in Kirklees."],
  ["WF8", "A small fringe of WF8 is in a neighbouring council."],
  ["WF10", "Allerton Bywater is in Leeds."],
  ["WF11", "Brotherton, Byram and Fairburn are in North Yorkshire."],
]);

/** A routing rule as admins keep it: a district rule may be marked as crossing a boundary. */
export interface BoundaryAwareRule extends RoutingRule {
  readonly crossesBoundary?: boolean;
  readonly note?: string | null;
}

export interface BoundaryCheck {
  /** True when the rule that routed the postcode covers more than one council. */
  readonly crossesBoundary: boolean;
  /** Why, in words for the team; null when it does not cross. */
  readonly note: string | null;
}

const NO_BOUNDARY: BoundaryCheck = { crossesBoundary: false, note: null };

function districtOf(postcode: string): string | null {
  return parsePostcode(postcode)?.district ?? parsePartialPostcode(postcode)?.district ?? null;
}

/**
 * Whether the rule that routed this postcode may have sent the child to the wrong council.
 * A rule marked as crossing always warns. Otherwise a sector rule settles it, and a district
 * or area rule warns when the postcode's district is one of the known split districts.
 */
export function boundaryOfRouting(
  postcode: string | null | undefined,
  decision: RoutingDecision,
  rules: readonly BoundaryAwareRule[],
): BoundaryCheck {
  if (decision.kind !== "RULE" || !postcode) return NO_BOUNDARY;
  const rule = rules.find((candidate) => normaliseRoutingPrefix(candidate.postcodePrefix) === decision.matchedPrefix);
  const district = districtOf(postcode);
  const known = district ? WEST_YORKSHIRE_SPLIT_DISTRICTS.get(district) : undefined;
  if (rule?.crossesBoundary) {
    return { crossesBoundary: true, note: rule.note ?? known ?? "This area crosses a council boundary." };
  }
  const bySector = decision.matchedPrefix.includes(" ");
  if (bySector || known === undefined) return NO_BOUNDARY;
  return { crossesBoundary: true, note: known };
}
