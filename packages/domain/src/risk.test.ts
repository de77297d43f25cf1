import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RISK_RULES,
  INDICATOR_LEVELS,
  assessRisk,
  compareRisk,
  isDowngrade,
  type IndicatorLevel,
  type RiskInput,
  type RiskRating,
  type RiskRules,
} from "./risk.ts";

/** The partnership's default indicator list, in its order (the list itself lives in contracts). */
const LABELS: Record<string, string> = {
  going_missing: "Going missing",
  gifts_or_money: "Unexplained gifts or money",
  older_associates: "Older boyfriend or associates",
  transported_by_unknown_adults: "Being transported by unknown adults",
  alcohol_or_drugs: "Alcohol or drugs",
  distancing_from_family: "Distancing from family and friends",
  secretive_phone_or_online: "Secretive phone or online contact",
  sexual_health_concerns: "Sexual health concerns",
  disclosure_of_sexual_assault: "Disclosure of sexual assault",
  school_absence_or_exclusion: "School absence or exclusion",
  associating_with_exploited_peers: "Associating with exploited peers",
  hotel_party_house_visits: "Hotel, party or house visits",
  self_harm_or_mental_health: "Self-harm or mental health decline",
  change_in_appearance_or_behaviour: "Change in appearance or behaviour",
};
const CODES = Object.keys(LABELS);

const input = (indicators: Record<string, IndicatorLevel>, overrides: Partial<RiskInput> = {}): RiskInput => ({
  immediateDanger: false,
  childAgeYears: 15,
  indicators,
  ...overrides,
});
const assess = (risk: RiskInput) => assessRisk(risk, LABELS);

describe("assessRisk: RED", () => {
  it("when the child is in immediate danger, even with no indicators", () => {
    expect(assess(input({}, { immediateDanger: true }))).toEqual({
      rating: "RED",
      reasons: ["The child is in immediate danger"],
    });
  });

  it.each(["LOW", "MEDIUM"] as const)("when sexual assault is disclosed, even rated %s", (level) => {
    expect(assess(input({ disclosure_of_sexual_assault: level }))).toEqual({
      rating: "RED",
      reasons: [`Disclosure of sexual assault is indicated (rated ${level.toLowerCase()})`],
    });
  });

  it("when sexual assault is disclosed, reported as simply present, with one reason", () => {
    expect(assess(input({ disclosure_of_sexual_assault: "PRESENT" }))).toEqual({
      rating: "RED",
      reasons: ["Disclosure of sexual assault reported"],
    });
  });

  it("not for a disclosure marked not present", () => {
    expect(assess(input({ disclosure_of_sexual_assault: "NOT_PRESENT" })).rating).toBe("GREEN");
  });

  it("when any indicator is rated high", () => {
    expect(assess(input({ going_missing: "HIGH", gifts_or_money: "LOW" }))).toEqual({
      rating: "RED",
      reasons: ["High rating for going missing"],
    });
  });

  it("when a child under 13 has any indicator present", () => {
    expect(assess(input({ going_missing: "LOW", gifts_or_money: "LOW" }, { childAgeYears: 12 }))).toEqual({
      rating: "RED",
      reasons: ["Under 13 (age 12) with 2 indicators present"],
    });
    expect(assess(input({ going_missing: "LOW" }, { childAgeYears: 0 })).reasons).toEqual([
      "Under 13 (age 0) with 1 indicator present",
    ]);
  });

  it("not for a child of exactly 13, nor one whose age is not known", () => {
    expect(assess(input({ going_missing: "LOW" }, { childAgeYears: 13 })).rating).toBe("GREEN");
    expect(assess(input({ going_missing: "LOW" }, { childAgeYears: null })).rating).toBe("GREEN");
  });

  it("not for a child under 13 with no indicator present", () => {
    expect(assess(input({ going_missing: "NOT_PRESENT" }, { childAgeYears: 9 }))).toEqual({
      rating: "GREEN",
      reasons: ["No signs of exploitation seen or reported", "13 signs not known to the referrer, so not ruled out"],
    });
  });

  it("when three indicators are rated medium, but not two", () => {
    const three = input({ going_missing: "MEDIUM", gifts_or_money: "MEDIUM", older_associates: "MEDIUM" });
    expect(assess(three)).toEqual({
      rating: "RED",
      reasons: ["3 indicators rated medium or higher (threshold 3)"],
    });
    const two = input({ going_missing: "MEDIUM", gifts_or_money: "MEDIUM", older_associates: "LOW" });
    expect(assess(two).rating).toBe("AMBER");
  });

  it("lists every reason that applies, in rule order and then the partnership's indicator order", () => {
    const result = assess(
      input(
        {
          self_harm_or_mental_health: "HIGH",
          going_missing: "HIGH",
          disclosure_of_sexual_assault: "HIGH",
          gifts_or_money: "MEDIUM",
        },
        { immediateDanger: true, childAgeYears: 11 },
      ),
    );
    expect(result).toEqual({
      rating: "RED",
      reasons: [
        "The child is in immediate danger",
        "Disclosure of sexual assault is indicated (rated high)",
        "High rating for going missing",
        "High rating for disclosure of sexual assault",
        "High rating for self-harm or mental health decline",
        "Under 13 (age 11) with 4 indicators present",
        "4 indicators rated medium or higher (threshold 3)",
      ],
    });
  });
});

describe("assessRisk: AMBER", () => {
  it("when any indicator is rated medium", () => {
    expect(assess(input({ older_associates: "MEDIUM", going_missing: "LOW" }))).toEqual({
      rating: "AMBER",
      reasons: ["Medium rating for older boyfriend or associates"],
    });
  });

  it("when three indicators are rated low, but not two", () => {
    expect(assess(input({ going_missing: "LOW", gifts_or_money: "LOW", alcohol_or_drugs: "LOW" }))).toEqual({
      rating: "AMBER",
      reasons: ["3 indicators rated low or higher (threshold 3)"],
    });
    expect(assess(input({ going_missing: "LOW", gifts_or_money: "LOW" }))).toEqual({
      rating: "GREEN",
      reasons: [
        "No indicator rated medium or high",
        "2 indicators rated low",
        "12 signs not known to the referrer, so not ruled out",
      ],
    });
  });

  it("lists both AMBER reasons when both apply", () => {
    expect(assess(input({ going_missing: "MEDIUM", gifts_or_money: "LOW", alcohol_or_drugs: "LOW" })).reasons).toEqual([
      "Medium rating for going missing",
      "3 indicators rated low or higher (threshold 3)",
    ]);
  });
});

describe("assessRisk: GREEN", () => {
  it("with no sign reported, saying the signs are not known rather than absent", () => {
    expect(assess(input({}))).toEqual({
      rating: "GREEN",
      reasons: ["No signs of exploitation seen or reported", "14 signs not known to the referrer, so not ruled out"],
    });
  });

  it("with every sign said to be not present (a referral made before 'not known' could be said)", () => {
    expect(assess(input(Object.fromEntries(CODES.map((code) => [code, "NOT_PRESENT"]))))).toEqual({
      rating: "GREEN",
      reasons: ["No signs of exploitation seen or reported"],
    });
  });

  it("with one low indicator", () => {
    expect(assess(input({ going_missing: "LOW" }))).toEqual({
      rating: "GREEN",
      reasons: [
        "No indicator rated medium or high",
        "1 indicator rated low",
        "13 signs not known to the referrer, so not ruled out",
      ],
    });
  });
});

describe("assessRisk: words", () => {
  it("spells out a code with no label, and keeps an acronym at the start of a label", () => {
    expect(assessRisk(input({ new_concern: "HIGH" }), {}).reasons).toEqual(["High rating for new concern"]);
    expect(assessRisk(input({ cse_app: "HIGH" }), { cse_app: "CSE apps on phone" }).reasons).toEqual([
      "High rating for CSE apps on phone",
    ]);
  });
});

describe("assessRisk: partnership rules are data", () => {
  it("applies edited rules", () => {
    const rules: RiskRules = [
      { rating: "RED", when: "INDICATOR_PRESENT", indicator: "going_missing" },
      { rating: "AMBER", when: "CHILD_UNDER_AGE_WITH_ANY_INDICATOR", age: 16 },
    ];
    expect(assessRisk(input({ going_missing: "LOW" }), LABELS, rules).rating).toBe("RED");
    expect(assessRisk(input({ gifts_or_money: "LOW" }, { childAgeYears: 15 }), LABELS, rules)).toEqual({
      rating: "AMBER",
      reasons: ["Under 16 (age 15) with 1 indicator present"],
    });
    expect(assessRisk(input({ gifts_or_money: "HIGH" }, { childAgeYears: 16 }), LABELS, rules)).toEqual({
      rating: "GREEN",
      reasons: ["1 indicator rated high", "13 signs not known to the referrer, so not ruled out"],
    });
  });

  it("keeps the default rules as plain data, with no functions in them", () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_RISK_RULES))).toEqual(DEFAULT_RISK_RULES);
  });
});

describe("assessRisk: properties", () => {
  const level = fc.constantFrom(...INDICATOR_LEVELS);
  const indicators = fc.dictionary(fc.constantFrom(...CODES), level);
  const age = fc.option(fc.integer({ min: 0, max: 17 }), { nil: null });
  const risk = fc.record({ immediateDanger: fc.boolean(), childAgeYears: age, indicators });

  it("never lowers the rating when an indicator is rated higher, or danger is added", () => {
    fc.assert(
      fc.property(risk, fc.constantFrom(...CODES), level, (before, code, raisedTo) => {
        const current = before.indicators[code] ?? "NOT_PRESENT";
        fc.pre(INDICATOR_LEVELS.indexOf(raisedTo) >= INDICATOR_LEVELS.indexOf(current));
        const after = { ...before, indicators: { ...before.indicators, [code]: raisedTo } };
        expect(compareRisk(assess(after).rating, assess(before).rating)).toBeGreaterThanOrEqual(0);
        expect(
          compareRisk(assess({ ...before, immediateDanger: true }).rating, assess(before).rating),
        ).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("always gives at least one reason, and RED whenever the child is in immediate danger", () => {
    fc.assert(
      fc.property(risk, (r) => {
        const result = assess(r);
        expect(result.reasons.length).toBeGreaterThan(0);
        if (r.immediateDanger) expect(result.rating).toBe("RED");
      }),
    );
  });
});

describe("compareRisk and isDowngrade", () => {
  it("orders GREEN < AMBER < RED", () => {
    const sorted = (["RED", "GREEN", "AMBER"] as RiskRating[]).sort(compareRisk);
    expect(sorted).toEqual(["GREEN", "AMBER", "RED"]);
    expect(compareRisk("RED", "RED")).toBe(0);
  });

  it.each([
    ["RED", "AMBER", true],
    ["RED", "GREEN", true],
    ["AMBER", "GREEN", true],
    ["RED", "RED", false],
    ["AMBER", "AMBER", false],
    ["GREEN", "GREEN", false],
    ["GREEN", "AMBER", false],
    ["GREEN", "RED", false],
    ["AMBER", "RED", false],
  ] as const)("%s -> %s is a downgrade: %s", (from, to, expected) => {
    expect(isDowngrade(from, to)).toBe(expected);
  });
});
