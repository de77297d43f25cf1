import { z } from "zod/mini";

/**
 * How a sign is answered once the referrer says they have seen it or been told about it.
 * "strength": low, medium or high, in words that fit the sign. "presence": it happened, and
 * there is no degree of it (a disclosure of sexual assault is never "low").
 */
export type IndicatorScale =
  | {
      readonly kind: "strength";
      /** The question, naming the sign, so that an error message can name it too. */
      readonly question: string;
      readonly levels: { readonly LOW: string; readonly MEDIUM: string; readonly HIGH: string };
    }
  | { readonly kind: "presence"; readonly summary: string };

export interface CseIndicator {
  readonly code: string;
  readonly label: string;
  readonly hint: string;
  readonly scale: IndicatorScale;
}

function strength(question: string, LOW: string, MEDIUM: string, HIGH: string): IndicatorScale {
  return { kind: "strength", question, levels: { LOW, MEDIUM, HIGH } };
}

/**
 * The signs of exploitation a referrer may have seen or been told about. Data, not code: the
 * partnership can change the list and its wording, and every page, check and report follows it.
 */
export const CSE_INDICATORS = [
  {
    code: "going_missing",
    label: "Going missing",
    hint: "Missing from home, care or school, or coming back late with no explanation",
    scale: strength(
      "How often has the child gone missing?",
      "Once, or back late now and then",
      "Several times, or for a night",
      "Often, or for more than a night",
    ),
  },
  {
    code: "gifts_or_money",
    label: "Unexplained gifts or money",
    hint: "Phones, clothes, money, drugs or alcohol they cannot account for",
    scale: strength(
      "How much unexplained money or how many gifts?",
      "Small things, once or twice",
      "Several things, or something expensive",
      "A regular supply, or things of real value",
    ),
  },
  {
    code: "older_associates",
    label: "Older 'boyfriend' or associates",
    hint: "Relationships with older people, or groups of older people",
    scale: strength(
      "How close is the child to the older 'boyfriend' or associates?",
      "Mentioned, or seen with them once",
      "Seen with them regularly",
      "A relationship, or they control where the child goes",
    ),
  },
  {
    code: "transported_by_unknown_adults",
    label: "Transported by unknown adults",
    hint: "Picked up or dropped off by adults or in cars not known to the family",
    scale: strength(
      "How often has the child been transported by unknown adults?",
      "Once",
      "A few times",
      "Regularly, or taken out of the area",
    ),
  },
  {
    code: "alcohol_or_drugs",
    label: "Alcohol or drugs",
    hint: "Using, or being given, alcohol or drugs",
    scale: strength(
      "How much are alcohol or drugs involved?",
      "Occasional use",
      "Regular use, or given by adults",
      "Heavy use, or drunk or drugged when found",
    ),
  },
  {
    code: "distancing_from_family",
    label: "Distancing from family and friends",
    hint: "Withdrawn from the people they used to be close to",
    scale: strength(
      "How far has the child distanced themselves from family and friends?",
      "Some change",
      "Clearly withdrawn",
      "Cut off, or has left home",
    ),
  },
  {
    code: "secretive_phone_or_online",
    label: "Secretive phone or online contact",
    hint: "Several phones, new contacts, hiding their screen",
    scale: strength(
      "How secretive is the child's phone or online contact?",
      "Some secrecy",
      "Several phones or accounts, or new older contacts",
      "Sexual messages or images, or contact they are afraid of",
    ),
  },
  {
    code: "sexual_health_concerns",
    label: "Sexual health concerns",
    hint: "Sexually transmitted infections, pregnancy or termination",
    scale: strength(
      "How serious are the sexual health concerns?",
      "Questions or worries raised",
      "A sexually transmitted infection, or emergency contraception",
      "Pregnancy or termination, or repeated infections",
    ),
  },
  {
    code: "disclosure_of_sexual_assault",
    label: "Disclosure of sexual assault",
    hint: "The child has said they were sexually assaulted, or someone has seen it",
    scale: { kind: "presence", summary: "Yes, there has been a disclosure" },
  },
  {
    code: "school_absence_or_exclusion",
    label: "School absence or exclusion",
    hint: "Missing lessons, not attending, or excluded",
    scale: strength(
      "How much school has the child missed?",
      "Some lessons missed",
      "Regular absence, or a fixed-term exclusion",
      "Not attending at all, or permanently excluded",
    ),
  },
  {
    code: "associating_with_exploited_peers",
    label: "Associating with exploited peers",
    hint: "Friends with children known or thought to be exploited",
    scale: strength(
      "How closely is the child associating with exploited peers?",
      "Knows them",
      "Spends time with them regularly",
      "Goes missing or to parties with them",
    ),
  },
  {
    code: "hotel_party_house_visits",
    label: "Hotel, party or house visits",
    hint: "Going to hotels, parties or houses where adults are",
    scale: strength(
      "How often does the child go to hotels, parties or houses where adults are?",
      "Once",
      "A few times",
      "Regularly, or stays overnight",
    ),
  },
  {
    code: "self_harm_or_mental_health",
    label: "Self-harm or mental health decline",
    hint: "Self-harm, suicidal thoughts, or a change in mental health",
    scale: strength(
      "How serious is the self-harm or mental health decline?",
      "Low mood or anxiety",
      "Self-harm, or getting worse",
      "Suicidal thoughts or attempts",
    ),
  },
  {
    code: "change_in_appearance_or_behaviour",
    label: "Change in appearance or behaviour",
    hint: "Sudden changes in dress, manner, mood or language",
    scale: strength(
      "How great is the change in appearance or behaviour?",
      "Small changes",
      "Clear changes others have noticed",
      "A different child: new language, manner and friends",
    ),
  },
] as const satisfies readonly CseIndicator[];

export type IndicatorCode = (typeof CSE_INDICATORS)[number]["code"];

export const INDICATOR_CODES = CSE_INDICATORS.map((indicator) => indicator.code) as unknown as readonly [
  IndicatorCode,
  ...IndicatorCode[],
];

/** The answer to "which signs?" when the referrer has seen or been told about none of them. */
export const NO_SIGNS_SEEN = "NONE";

export function indicatorByCode(code: string): CseIndicator | undefined {
  return (CSE_INDICATORS as readonly CseIndicator[]).find((indicator) => indicator.code === code);
}

/**
 * What a referrer can say about a sign they have seen or been told about. A sign they have not
 * ticked is not known to them, and is stored as nothing, never as "not present".
 */
export const SEEN_INDICATOR_LEVELS = ["LOW", "MEDIUM", "HIGH", "PRESENT"] as const;

/**
 * Every level a stored referral can hold. NOT_PRESENT is only in referrals made before the
 * form asked "which signs have you seen?": then every sign had to be rated, absent or not.
 */
export const indicatorLevelSchema = z.enum(["NOT_PRESENT", ...SEEN_INDICATOR_LEVELS]);
export type IndicatorLevel = z.infer<typeof indicatorLevelSchema>;

/** How a referral shows a sign: any stored level, or NOT_KNOWN when the referrer did not tick it. */
export const indicatorAnswerSchema = z.enum(["NOT_KNOWN", ...indicatorLevelSchema.options]);
export type IndicatorAnswer = z.infer<typeof indicatorAnswerSchema>;

/** A sign's answer in words: its own wording for a level where it has one. */
export function describeIndicatorAnswer(code: string, answer: IndicatorAnswer): string {
  const scale = indicatorByCode(code)?.scale;
  switch (answer) {
    case "NOT_KNOWN":
      return "Not known";
    case "NOT_PRESENT":
      return "Not present";
    case "PRESENT":
      return scale?.kind === "presence" ? scale.summary : "Yes";
    default: {
      const level = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" }[answer];
      return scale?.kind === "strength" ? `${level}: ${scale.levels[answer]}` : level;
    }
  }
}

/** Code -> label, in the partnership's order (risk reasons follow it). */
export const INDICATOR_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  CSE_INDICATORS.map((indicator) => [indicator.code, indicator.label]),
);
