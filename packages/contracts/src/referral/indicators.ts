import { z } from "zod";

/**
 * The CSE indicators a referrer rates. Data, not code: the partnership can change the list
 * and every form, check and report follows it.
 */
export const CSE_INDICATORS = [
  {
    code: "going_missing",
    label: "Going missing",
    hint: "Missing from home, care or school, or coming back late with no explanation",
  },
  {
    code: "gifts_or_money",
    label: "Unexplained gifts or money",
    hint: "Phones, clothes, money, drugs or alcohol they cannot account for",
  },
  {
    code: "older_associates",
    label: "Older 'boyfriend' or associates",
    hint: "Relationships with older people, or groups of older people",
  },
  {
    code: "transported_by_unknown_adults",
    label: "Transported by unknown adults",
    hint: "Picked up or dropped off by adults or in cars not known to the family",
  },
  { code: "alcohol_or_drugs", label: "Alcohol or drugs", hint: "Using, or being given, alcohol or drugs" },
  {
    code: "distancing_from_family",
    label: "Distancing from family and friends",
    hint: "Withdrawn from the people they used to be close to",
  },
  {
    code: "secretive_phone_or_online",
    label: "Secretive phone or online contact",
    hint: "Several phones, new contacts, hiding their screen",
  },
  {
    code: "sexual_health_concerns",
    label: "Sexual health concerns",
    hint: "Sexually transmitted infections, pregnancy or termination",
  },
  {
    code: "disclosure_of_sexual_assault",
    label: "Disclosure of sexual assault",
    hint: "The child has said they were sexually assaulted, or someone has seen it",
  },
  {
    code: "school_absence_or_exclusion",
    label: "School absence or exclusion",
    hint: "Missing lessons, not attending, or excluded",
  },
  {
    code: "associating_with_exploited_peers",
    label: "Associating with exploited peers",
    hint: "Friends with children known or thought to be exploited",
  },
  {
    code: "hotel_party_house_visits",
    label: "Hotel, party or house visits",
    hint: "Going to hotels, parties or houses where adults are",
  },
  {
    code: "self_harm_or_mental_health",
    label: "Self-harm or mental health decline",
    hint: "Self-harm, suicidal thoughts, or a change in mental health",
  },
  {
    code: "change_in_appearance_or_behaviour",
    label: "Change in appearance or behaviour",
    hint: "Sudden changes in dress, manner, mood or language",
  },
] as const;

export type IndicatorCode = (typeof CSE_INDICATORS)[number]["code"];

export const INDICATOR_CODES = CSE_INDICATORS.map((indicator) => indicator.code) as unknown as readonly [
  IndicatorCode,
  ...IndicatorCode[],
];

export const indicatorLevelSchema = z.enum(["NOT_PRESENT", "LOW", "MEDIUM", "HIGH"], {
  error: "Select how strongly this indicator is present",
});
export type IndicatorLevel = z.infer<typeof indicatorLevelSchema>;

export const indicatorLevelLabels: Record<IndicatorLevel, string> = {
  NOT_PRESENT: "Not present",
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
};

/** Code -> label, in the partnership's order (risk reasons follow it). */
export const INDICATOR_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  CSE_INDICATORS.map((indicator) => [indicator.code, indicator.label]),
);
