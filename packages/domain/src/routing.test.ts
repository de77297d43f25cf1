import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  normaliseRoutingPrefix,
  routablePostcode,
  routeByPostcode,
  routingPrefixLevel,
  type RoutingRule,
} from "./routing.ts";

const rule = (postcodePrefix: string, teamId: string): RoutingRule => ({ postcodePrefix, teamId });

/** The DESIGN §4 examples, as a small rule table. */
const designRules: RoutingRule[] = [
  rule("LS", "leeds"),
  rule("LS29", "bradford"),
  rule("WF", "wakefield"),
  ...["WF12", "WF13", "WF14", "WF15", "WF16", "WF17"].map((prefix) => rule(prefix, "kirklees")),
  rule("OL14", "calderdale"),
];

const teamFor = (postcode: string | null | undefined, rules: readonly RoutingRule[] = designRules) => {
  const decision = routeByPostcode(postcode, rules);
  return decision.kind === "RULE" ? decision.teamId : `HUB:${decision.reason}`;
};

describe("routeByPostcode: the DESIGN examples", () => {
  it("sends LS29 to Bradford: the longer prefix beats LS -> Leeds", () => {
    expect(routeByPostcode("LS29 8AB", designRules)).toEqual({
      kind: "RULE",
      teamId: "bradford",
      matchedPrefix: "LS29",
    });
    expect(routeByPostcode("LS1 4AP", designRules)).toEqual({ kind: "RULE", teamId: "leeds", matchedPrefix: "LS" });
  });

  it.each(["WF12 8AB", "WF13 1AA", "WF14 0BB", "WF15 6AA", "WF16 9AA", "WF17 5AA"])(
    "sends %s to Kirklees, not Wakefield",
    (postcode) => {
      expect(teamFor(postcode)).toBe("kirklees");
    },
  );

  it.each(["WF1 2AB", "WF2 7AA", "WF11 8AA", "WF18 1AA", "WF10 4AA"])("keeps %s in Wakefield", (postcode) => {
    expect(teamFor(postcode)).toBe("wakefield");
  });

  it("sends Todmorden (OL14) to Calderdale and the rest of OL nowhere", () => {
    expect(routeByPostcode("OL14 5DE", designRules)).toEqual({
      kind: "RULE",
      teamId: "calderdale",
      matchedPrefix: "OL14",
    });
    expect(teamFor("OL1 1AA")).toBe("HUB:NO_MATCHING_RULE");
    expect(teamFor("OL13 9AA")).toBe("HUB:NO_MATCHING_RULE");
  });
});

describe("routeByPostcode: the hub", () => {
  it.each(["M1 1AE", "SW1A 1AA", "B33 8TH", "YO1 7HH"])("sends out-of-area %s to the hub", (postcode) => {
    expect(routeByPostcode(postcode, designRules)).toEqual({ kind: "HUB", reason: "NO_MATCHING_RULE" });
  });

  it.each([null, undefined, "", "   ", "\t\n"])("sends a missing postcode (%j) to the hub", (postcode) => {
    expect(routeByPostcode(postcode, designRules)).toEqual({ kind: "HUB", reason: "NO_POSTCODE" });
  });

  it.each(["not a postcode", "12345", "LS29 8CB", "GIR 0AA", "LS", "LS29 88", "??", "LS2 98AB", "WF1 28AB"])(
    "sends an invalid postcode (%j) to the hub",
    (postcode) => {
      expect(routeByPostcode(postcode, designRules)).toEqual({ kind: "HUB", reason: "INVALID_POSTCODE" });
    },
  );

  it("sends everything to the hub when there are no rules", () => {
    expect(routeByPostcode("LS29 8AB", [])).toEqual({ kind: "HUB", reason: "NO_MATCHING_RULE" });
  });
});

describe("routeByPostcode: matching on structure, not text", () => {
  it("does not let WF1 catch WF12, nor WF12 catch WF1", () => {
    const rules = [rule("WF1", "wf1"), rule("WF12", "wf12")];
    expect(teamFor("WF12 8AB", [rule("WF1", "wf1")])).toBe("HUB:NO_MATCHING_RULE");
    expect(teamFor("WF12 8AB", rules)).toBe("wf12");
    expect(teamFor("WF1 2AB", rules)).toBe("wf1");
    expect(teamFor("WF1 2AB", [rule("WF12", "wf12")])).toBe("HUB:NO_MATCHING_RULE");
  });

  it("does not let LS2 catch LS29", () => {
    expect(teamFor("LS29 7AB", [rule("LS2", "ls2")])).toBe("HUB:NO_MATCHING_RULE");
    expect(teamFor("LS2 9AB", [rule("LS2", "ls2")])).toBe("ls2");
  });

  it("does not let B (Birmingham) catch BD (Bradford)", () => {
    expect(teamFor("BD1 1AA", [rule("B", "birmingham")])).toBe("HUB:NO_MATCHING_RULE");
    expect(teamFor("B1 1AA", [rule("B", "birmingham")])).toBe("birmingham");
    expect(teamFor("B1 1AA", [rule("BD", "bradford")])).toBe("HUB:NO_MATCHING_RULE");
  });

  it("does not let a sector catch another sector or a lookalike district", () => {
    const rules = [rule("LS2 9", "ls2-sector-9")];
    expect(teamFor("LS2 9AB", rules)).toBe("ls2-sector-9");
    expect(teamFor("LS2 8AB", rules)).toBe("HUB:NO_MATCHING_RULE");
    expect(teamFor("LS29 9AB", rules)).toBe("HUB:NO_MATCHING_RULE");
  });

  it("prefers a sector over its district, and a district over its area", () => {
    const rules = [rule("LS", "area"), rule("LS29", "district"), rule("LS29 8", "sector")];
    expect(routeByPostcode("LS29 8AB", rules)).toEqual({ kind: "RULE", teamId: "sector", matchedPrefix: "LS29 8" });
    expect(routeByPostcode("LS29 7AB", rules)).toEqual({ kind: "RULE", teamId: "district", matchedPrefix: "LS29" });
    expect(routeByPostcode("LS3 7AB", rules)).toEqual({ kind: "RULE", teamId: "area", matchedPrefix: "LS" });
    // The order of the table makes no difference.
    expect(teamFor("LS29 8AB", [...rules].reverse())).toBe("sector");
  });

  it("accepts rule prefixes in any case and spacing", () => {
    expect(teamFor("LS29 8AB", [rule(" ls298 ", "sector")])).toBe("sector");
    expect(teamFor("LS29 8AB", [rule("ls29", "district")])).toBe("district");
  });

  it("ignores a rule whose prefix is not valid, and lets the first of two equal prefixes win", () => {
    expect(teamFor("LS29 8AB", [rule("LS-29", "bad"), rule("LS", "leeds")])).toBe("leeds");
    expect(teamFor("LS29 8AB", [rule("LS29", "first"), rule("ls29", "second")])).toBe("first");
  });
});

describe("routeByPostcode: partial postcodes", () => {
  it("routes a district on its own, by district then area", () => {
    expect(routeByPostcode("LS29", designRules)).toEqual({ kind: "RULE", teamId: "bradford", matchedPrefix: "LS29" });
    expect(teamFor("wf13")).toBe("kirklees");
    expect(teamFor("LS6")).toBe("leeds");
    expect(teamFor("M1")).toBe("HUB:NO_MATCHING_RULE");
  });

  it("routes a district and sector, by sector first", () => {
    const rules = [rule("LS", "area"), rule("LS29", "district"), rule("LS29 8", "sector")];
    expect(teamFor("LS29 8", rules)).toBe("sector");
    expect(teamFor("LS29 7", rules)).toBe("district");
    // A district alone has no sector, so it cannot meet a sector rule.
    expect(teamFor("LS29", [rule("LS29 8", "sector")])).toBe("HUB:NO_MATCHING_RULE");
  });
});

describe("routeByPostcode: properties", () => {
  const areas = ["LS", "BD", "WF", "HD", "HX", "OL", "M", "B", "W", "SW"];
  const postcode = fc
    .tuple(fc.constantFrom(...areas), fc.integer({ min: 1, max: 29 }), fc.integer({ min: 0, max: 9 }))
    .map(([area, district, sector]) => ({
      code: `${area}${district} ${sector}AB`,
      // Its own prefixes, least specific first: area, district, sector.
      own: [area, `${area}${district}`, `${area}${district} ${sector}`] as const,
    }));
  const anyPrefix = fc.oneof(
    fc.constantFrom(...areas),
    fc.tuple(fc.constantFrom(...areas), fc.integer({ min: 1, max: 29 })).map(([a, d]) => `${a}${d}`),
    fc
      .tuple(fc.constantFrom(...areas), fc.integer({ min: 1, max: 29 }), fc.integer({ min: 0, max: 9 }))
      .map(([a, d, sector]) => `${a}${d}${sector}`),
  );
  const team = fc.string({ minLength: 1, maxLength: 4 });
  /** A table mixing rules for the postcode's own area, district or sector with unrelated ones. */
  const scenario = postcode.chain(({ code, own }) =>
    fc.record({
      code: fc.constant(code),
      own: fc.constant(own),
      table: fc.array(
        fc.tuple(fc.oneof(fc.constantFrom(...own), anyPrefix), team).map(([prefix, id]) => rule(prefix, id)),
        { minLength: 1, maxLength: 20 },
      ),
      extraLevel: fc.integer({ min: 0, max: 2 }),
    }),
  );

  it("never lets an added, less specific rule change a decision made by a more specific one", () => {
    fc.assert(
      fc.property(scenario, ({ code, own, table, extraLevel }) => {
        const before = routeByPostcode(code, table);
        fc.pre(before.kind === "RULE" && own.indexOf(before.matchedPrefix) > extraLevel);
        const extra = rule(own[extraLevel] ?? "", "intruder");
        expect(routeByPostcode(code, [...table, extra])).toEqual(before);
        expect(routeByPostcode(code, [extra, ...table])).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it("always picks the most specific of the postcode's own prefixes that has a rule", () => {
    fc.assert(
      fc.property(scenario, ({ code, own, table }) => {
        const decision = routeByPostcode(code, table);
        const ruled = new Set(table.map((r) => normaliseRoutingPrefix(r.postcodePrefix)));
        const expected = [...own].reverse().find((prefix) => ruled.has(prefix));
        if (expected === undefined) {
          expect(decision).toEqual({ kind: "HUB", reason: "NO_MATCHING_RULE" });
        } else {
          const firstRule = table.find((r) => normaliseRoutingPrefix(r.postcodePrefix) === expected);
          expect(decision).toEqual({ kind: "RULE", teamId: firstRule?.teamId, matchedPrefix: expected });
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("normaliseRoutingPrefix", () => {
  it.each([
    ["ls", "LS"],
    ["B", "B"],
    [" ls29 ", "LS29"],
    ["ls29 8", "LS29 8"],
    ["LS29  8", "LS29 8"],
    ["LS298", "LS29 8"],
    ["LS28", "LS28"],
    ["LS2 8", "LS2 8"],
    ["sw1a", "SW1A"],
    ["SW1A 1", "SW1A 1"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseRoutingPrefix(input)).toBe(expected);
  });

  it.each(["", "  ", "5L", "LSS", "LS 29", "LS-29", "LS29 8AB", "LS29 88", "29", "QS", "GIR", "LS29 A"])(
    "refuses %j",
    (input) => {
      expect(normaliseRoutingPrefix(input)).toBeNull();
    },
  );

  it("is idempotent", () => {
    for (const prefix of ["LS", "LS29", "LS29 8", "SW1A 1", "B"]) {
      expect(normaliseRoutingPrefix(normaliseRoutingPrefix(prefix) ?? "")).toBe(prefix);
    }
  });
});

describe("routingPrefixLevel and routablePostcode", () => {
  it("tells areas, districts and sectors apart", () => {
    expect(routingPrefixLevel("LS")).toBe("AREA");
    expect(routingPrefixLevel("LS29")).toBe("DISTRICT");
    expect(routingPrefixLevel("LS29 8")).toBe("SECTOR");
  });

  it("writes a postcode as routing reads it, and refuses a re-read", () => {
    expect(routablePostcode("ls298ab")).toBe("LS29 8AB");
    expect(routablePostcode("ls29")).toBe("LS29");
    expect(routablePostcode("LS298")).toBe("LS29 8");
    expect(routablePostcode("LS2 98AB")).toBeNull();
    expect(routablePostcode("LS")).toBeNull();
  });
});
