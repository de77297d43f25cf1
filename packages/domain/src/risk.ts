export const RISK_RATINGS = ["GREEN", "AMBER", "RED"] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/**
 * A sign's level, lowest first. PRESENT is a sign with no degree (a disclosure of sexual
 * assault), as strong as HIGH. NOT_PRESENT appears only in referrals made when every sign had
 * to be rated. A sign the referrer did not report is not in the record at all: not known.
 */
export const INDICATOR_LEVELS = ["NOT_PRESENT", "LOW", "MEDIUM", "HIGH", "PRESENT"] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/**
 * One condition that raises a referral to a rating. Each is plain data, and each only ever
 * gets truer as an indicator is rated higher, so the rating can never fall when a concern
 * grows, whatever rules a partnership writes.
 */
/** GREEN is what a referral is when no rule raises it, so rules only give RED or AMBER. */
export type RaisedRiskRating = Exclude<RiskRating, "GREEN">;

export type RiskRule =
  | { readonly rating: RaisedRiskRating; readonly when: "IMMEDIATE_DANGER" }
  /** The named indicator at any level above not present. */
  | { readonly rating: RaisedRiskRating; readonly when: "INDICATOR_PRESENT"; readonly indicator: string }
  /** Any indicator at or above the level. */
  | { readonly rating: RaisedRiskRating; readonly when: "ANY_INDICATOR_AT_LEAST"; readonly level: IndicatorLevel }
  /** A child younger than the age with any indicator above not present. */
  | { readonly rating: RaisedRiskRating; readonly when: "CHILD_UNDER_AGE_WITH_ANY_INDICATOR"; readonly age: number }
  /** At least `count` indicators at or above the level. */
  | {
      readonly rating: RaisedRiskRating;
      readonly when: "INDICATORS_AT_LEAST";
      readonly level: IndicatorLevel;
      readonly count: number;
    };

export type RiskRules = readonly RiskRule[];

/** The partnership's default rules (DESIGN §5). A referral takes the highest rating any rule gives. */
export const DEFAULT_RISK_RULES: RiskRules = [
  { rating: "RED", when: "IMMEDIATE_DANGER" },
  { rating: "RED", when: "INDICATOR_PRESENT", indicator: "disclosure_of_sexual_assault" },
  { rating: "RED", when: "ANY_INDICATOR_AT_LEAST", level: "HIGH" },
  { rating: "RED", when: "CHILD_UNDER_AGE_WITH_ANY_INDICATOR", age: 13 },
  { rating: "RED", when: "INDICATORS_AT_LEAST", level: "MEDIUM", count: 3 },
  { rating: "AMBER", when: "ANY_INDICATOR_AT_LEAST", level: "MEDIUM" },
  { rating: "AMBER", when: "INDICATORS_AT_LEAST", level: "LOW", count: 3 },
];

export interface RiskInput {
  readonly immediateDanger: boolean;
  /** Known or estimated age; null when neither is known, and then no age rule applies. */
  readonly childAgeYears: number | null;
  /**
   * Indicator code -> level, for the signs the referrer reported. A code missing from the
   * record is not known: it raises nothing, and a GREEN rating says how many were not known.
   */
  readonly indicators: Readonly<Record<string, IndicatorLevel>>;
}

export interface RiskAssessment {
  readonly rating: RiskRating;
  /** Every reason for the rating, in sentences a triage officer reads. */
  readonly reasons: readonly string[];
}

const LEVEL_RANK: Record<IndicatorLevel, number> = { NOT_PRESENT: 0, LOW: 1, MEDIUM: 2, HIGH: 3, PRESENT: 3 };
const RATING_RANK: Record<RiskRating, number> = { GREEN: 0, AMBER: 1, RED: 2 };
const LEVEL_WORDS: Record<IndicatorLevel, string> = {
  NOT_PRESENT: "not present",
  LOW: "low",
  MEDIUM: "medium",
  HIGH: "high",
  PRESENT: "present",
};

/** "medium or higher", but plain "high" for the top level. */
function levelOrHigher(level: IndicatorLevel): string {
  return level === "HIGH" ? "high" : `${LEVEL_WORDS[level]} or higher`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Lower-cases a label's first letter to sit mid-sentence, unless it starts with an acronym ("CSE"). */
function inSentence(label: string): string {
  return /^\p{Lu}{2,}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const indicatorCount = (count: number) => `${count} ${count === 1 ? "indicator" : "indicators"}`;
const signCount = (count: number) => `${count} ${count === 1 ? "sign" : "signs"}`;

type Indicator = readonly [code: string, level: IndicatorLevel];

/** A sign with no degree is reported, not rated. */
const reported = (code: string, name: (code: string) => string) => `${capitalise(name(code))} reported`;

function reasonsFor(
  rule: RiskRule,
  input: RiskInput,
  indicators: readonly Indicator[],
  name: (code: string) => string,
) {
  const present = indicators.filter(([, level]) => level !== "NOT_PRESENT");
  switch (rule.when) {
    case "IMMEDIATE_DANGER":
      return input.immediateDanger ? ["The child is in immediate danger"] : [];
    case "INDICATOR_PRESENT":
      return present
        .filter(([code]) => code === rule.indicator)
        .map(([code, level]) =>
          level === "PRESENT"
            ? reported(code, name)
            : `${capitalise(name(code))} is indicated (rated ${LEVEL_WORDS[level]})`,
        );
    case "ANY_INDICATOR_AT_LEAST":
      return present
        .filter(([, level]) => LEVEL_RANK[level] >= LEVEL_RANK[rule.level])
        .map(([code, level]) =>
          level === "PRESENT"
            ? reported(code, name)
            : `${capitalise(LEVEL_WORDS[level])} rating for ${inSentence(name(code))}`,
        );
    case "CHILD_UNDER_AGE_WITH_ANY_INDICATOR": {
      const age = input.childAgeYears;
      if (age === null || age >= rule.age || present.length === 0) return [];
      return [`Under ${rule.age} (age ${age}) with ${indicatorCount(present.length)} present`];
    }
    case "INDICATORS_AT_LEAST": {
      const count = present.filter(([, level]) => LEVEL_RANK[level] >= LEVEL_RANK[rule.level]).length;
      if (count < rule.count) return [];
      return [`${indicatorCount(count)} rated ${levelOrHigher(rule.level)} (threshold ${rule.count})`];
    }
  }
}

/**
 * Why nothing raised the referral: the facts, since GREEN has no rule of its own. A sign the
 * referrer did not report is not known, not absent, and the reasons say so.
 */
function greenReasons(indicators: readonly Indicator[], notKnown: number): string[] {
  const present = indicators.filter(([, level]) => level !== "NOT_PRESENT");
  const unknowns =
    notKnown > 0 ? [`${capitalise(signCount(notKnown))} not known to the referrer, so not ruled out`] : [];
  if (present.length === 0) return ["No signs of exploitation seen or reported", ...unknowns];
  const highest = present.reduce((top, [, level]) => Math.max(top, LEVEL_RANK[level]), 0);
  const above = (["LOW", "MEDIUM", "HIGH"] as const)
    .filter((level) => LEVEL_RANK[level] > highest)
    .map((level) => LEVEL_WORDS[level]);
  const counts = (["LOW", "MEDIUM", "HIGH", "PRESENT"] as const)
    .map((level) => [level, present.filter(([, rated]) => rated === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${indicatorCount(count)} rated ${LEVEL_WORDS[level]}`);
  return [
    ...(above.length > 0 ? [`No indicator rated ${above.join(" or ")}`] : []),
    capitalise(counts.join(", ")),
    ...unknowns,
  ];
}

/**
 * Rates a referral by the rules, transparently: every reason that supports the winning
 * rating is listed, in the order of the rules and then of the partnership's indicator list
 * (the order of `labels`). Labels name indicators in words; an unlabelled code is spelt out.
 */
export function assessRisk(
  input: RiskInput,
  labels: Readonly<Record<string, string>>,
  rules: RiskRules = DEFAULT_RISK_RULES,
): RiskAssessment {
  const order = new Map(Object.keys(labels).map((code, index) => [code, index]));
  const position = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  const indicators: Indicator[] = Object.entries(input.indicators).sort(
    ([a], [b]) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const name = (code: string) => labels[code] ?? code.replaceAll("_", " ");

  const byRating = new Map<RaisedRiskRating, string[]>();
  for (const rule of rules) {
    const reasons = reasonsFor(rule, input, indicators, name);
    // Two rules can give the same reason (a disclosure is both named and as strong as high).
    if (reasons.length > 0) byRating.set(rule.rating, [...new Set([...(byRating.get(rule.rating) ?? []), ...reasons])]);
  }
  for (const rating of ["RED", "AMBER"] as const) {
    const reasons = byRating.get(rating);
    if (reasons) return { rating, reasons };
  }
  const notKnown = Object.keys(labels).filter((code) => !(code in input.indicators)).length;
  return { rating: "GREEN", reasons: greenReasons(indicators, notKnown) };
}

/** Negative when `a` is the lower risk, positive when higher, 0 when the same. */
export function compareRisk(a: RiskRating, b: RiskRating): number {
  return RATING_RANK[a] - RATING_RANK[b];
}

/** RED to AMBER or GREEN, or AMBER to GREEN: a lead must approve it (DESIGN §5). */
export function isDowngrade(from: RiskRating, to: RiskRating): boolean {
  return compareRisk(to, from) < 0;
}
