import { describe, expect, it } from "vitest";
import { routeByPostcode } from "./routing.ts";
import { WEST_YORKSHIRE_DEFAULT_ROUTING_RULES } from "./routing-rules.ts";
import { boundaryOfRouting, WEST_YORKSHIRE_SPLIT_DISTRICTS, type BoundaryAwareRule } from "./split-districts.ts";

const defaults: BoundaryAwareRule[] = WEST_YORKSHIRE_DEFAULT_ROUTING_RULES.map((rule) => ({
  postcodePrefix: rule.postcodePrefix,
  teamId: rule.teamCode,
  crossesBoundary: rule.crossesBoundary ?? false,
}));
const check = (postcode: string, rules: readonly BoundaryAwareRule[] = defaults) =>
  boundaryOfRouting(postcode, routeByPostcode(postcode, rules), rules);

describe("boundaryOfRouting", () => {
  it.each([
    "BD3 9AA",
    "BD4 7AA",
    "WF11 8AA",
    "LS17 9AA",
    "LS25 6AA",
    "BD12 0AA",
    "WF8 1AA",
    "HD8 9AA",
    "HD9 2AA",
    "LS29 8AB",
  ])("warns that %s, routed by a whole-district or area rule, crosses a council boundary", (postcode) => {
    const result = check(postcode);
    expect(result.crossesBoundary).toBe(true);
    expect(result.note).toMatch(/\w/);
  });

  it("names what lies across the boundary", () => {
    expect(check("LS25 6AA").note).toBe("Sherburn in Elmet and South Milford are in North Yorkshire.");
    expect(check("BD4 7AA").note).toContain("East Bierley is in Kirklees");
  });

  it.each(["LS1 4AP", "BD1 1AA", "HX1 1AA", "WF1 2AB", "HD1 2AB", "WF12 8AB"])("does not warn for %s", (postcode) => {
    expect(check(postcode)).toEqual({ crossesBoundary: false, note: null });
  });

  it("is settled by a sector rule", () => {
    const rules = [...defaults, { postcodePrefix: "LS25 6", teamId: "north-yorkshire-hub" }];
    expect(check("LS25 6AA", rules)).toEqual({ crossesBoundary: false, note: null });
    expect(check("LS25 1AA", rules).crossesBoundary).toBe(true);
  });

  it("warns for a sector rule an administrator marked as crossing, with its note", () => {
    const rules = [...defaults, { postcodePrefix: "LS25 6", teamId: "leeds", crossesBoundary: true, note: "Check" }];
    expect(check("LS25 6AA", rules)).toEqual({ crossesBoundary: true, note: "Check" });
  });

  it("still warns when a split district's own rule is removed and the area rule routes it", () => {
    const rules = defaults.filter((rule) => rule.postcodePrefix !== "LS17");
    expect(routeByPostcode("LS17 9AA", rules)).toMatchObject({ matchedPrefix: "LS" });
    expect(check("LS17 9AA", rules).crossesBoundary).toBe(true);
  });

  it("says nothing for the hub, which routes by hand", () => {
    expect(check("YO1 7HH")).toEqual({ crossesBoundary: false, note: null });
  });

  it("lists only districts the default rules route to a team", () => {
    for (const district of WEST_YORKSHIRE_SPLIT_DISTRICTS.keys()) {
      expect(routeByPostcode(district, defaults).kind, district).toBe("RULE");
    }
  });
});
