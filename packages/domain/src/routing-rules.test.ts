import { describe, expect, it } from "vitest";
import { WEST_YORKSHIRE_DEFAULT_ROUTING_RULES as DEFAULT_RULES } from "./routing-rules.ts";
import { normaliseRoutingPrefix, routeByPostcode } from "./routing.ts";

const rules = DEFAULT_RULES.map((rule) => ({ postcodePrefix: rule.postcodePrefix, teamId: rule.teamCode }));
const teamFor = (postcode: string) => {
  const decision = routeByPostcode(postcode, rules);
  return decision.kind === "RULE" ? decision.teamId : `HUB:${decision.reason}`;
};

describe("the West Yorkshire default routing table", () => {
  it("is made only of valid, normalised, distinct prefixes", () => {
    const prefixes = DEFAULT_RULES.map((rule) => rule.postcodePrefix);
    for (const prefix of prefixes) expect(normaliseRoutingPrefix(prefix)).toBe(prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("routes Leeds, except Ilkley (LS29) to Bradford and Tadcaster (LS24) to the hub", () => {
    for (const postcode of ["LS1 4AP", "LS2 9JT", "LS6 3AA", "LS21 1AA", "LS28 5AA", "LS25 1AA"]) {
      expect(teamFor(postcode), postcode).toBe("leeds");
    }
    expect(teamFor("LS29 8AB")).toBe("bradford");
    expect(teamFor("LS29")).toBe("bradford");
    expect(teamFor("LS24 9AA")).toBe("hub");
  });

  it("routes Bradford's BD districts, Cleckheaton (BD19) to Kirklees, and the rest of BD to the hub", () => {
    for (const district of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 21, 22]) {
      expect(teamFor(`BD${district} 1AA`), `BD${district}`).toBe("bradford");
    }
    expect(teamFor("BD19 3AA")).toBe("kirklees");
    for (const district of [11, 20, 23, 24, 97, 98, 99]) {
      expect(teamFor(`BD${district} 1AA`), `BD${district}`).toBe("HUB:NO_MATCHING_RULE");
    }
  });

  it("routes Calderdale: HX, Todmorden (OL14) and Brighouse (HD6)", () => {
    for (const postcode of ["HX1 1AA", "HX7 8AA", "OL14 5DE", "HD6 1AA"])
      expect(teamFor(postcode), postcode).toBe("calderdale");
    expect(teamFor("OL13 9AA")).toBe("HUB:NO_MATCHING_RULE");
  });

  it("routes Kirklees: HD (but HD6), and WF12-WF17 ahead of WF -> Wakefield", () => {
    for (const district of [1, 2, 3, 4, 5, 7, 8, 9])
      expect(teamFor(`HD${district} 2AB`), `HD${district}`).toBe("kirklees");
    for (const district of [12, 13, 14, 15, 16, 17])
      expect(teamFor(`WF${district} 8AB`), `WF${district}`).toBe("kirklees");
  });

  it("routes Wakefield: the rest of WF", () => {
    for (const district of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      expect(teamFor(`WF${district} 2AB`), `WF${district}`).toBe("wakefield");
    }
  });

  it("sends postcodes outside West Yorkshire to the hub", () => {
    for (const postcode of ["M1 1AE", "SW1A 1AA", "B1 1AA", "S1 2HE", "YO1 7HH", "HG1 1AA", "OL1 1AA"]) {
      expect(teamFor(postcode), postcode).toBe("HUB:NO_MATCHING_RULE");
    }
  });

  it("uses only the five district teams and the hub", () => {
    const teams = new Set(DEFAULT_RULES.map((rule) => rule.teamCode));
    expect([...teams].sort()).toEqual(["bradford", "calderdale", "hub", "kirklees", "leeds", "wakefield"]);
  });
});
