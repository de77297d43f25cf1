import {
  CSE_INDICATORS,
  REFERRAL_SECTIONS,
  sectionOfPath,
  type CseIndicator,
  type ReferralFormValues,
  type ReferralSectionId,
} from "@cse/contracts";

/**
 * The referral's pages, a few related questions each. A section of the task list is one or
 * more pages; the concern has a page for each sign the referrer ticked.
 */
export interface FormPage {
  readonly section: ReferralSectionId;
  /** Where the page lives under the draft: "child/where", "concern/signs/going_missing". */
  readonly slug: string;
  /** The page's h1 and its title. */
  readonly title: string;
  /** The form paths this page asks (a prefix covers everything under it). */
  readonly paths: readonly string[];
}

const FIXED_PAGES: readonly FormPage[] = [
  { section: "immediate-safety", slug: "immediate-safety", title: "Immediate safety", paths: ["immediateDanger"] },
  {
    section: "child",
    slug: "child",
    title: "Who is the child?",
    paths: [
      "child.givenNames",
      "child.familyName",
      "child.aliases",
      "child.dateOfBirthKnown",
      "child.dateOfBirth",
      "child.estimatedAgeYears",
      "child.gender",
    ],
  },
  {
    section: "child",
    slug: "child/needs",
    title: "The child's language and needs",
    paths: [
      "child.ethnicity",
      "child.firstLanguage",
      "child.interpreterNeeded",
      "child.disabilityOrDifficulty",
      "child.learningDisability",
      "child.disabilityDetails",
    ],
  },
  {
    section: "child",
    slug: "child/where",
    title: "Where the child lives and is now",
    paths: [
      "child.homeAddress",
      "child.homePostcode",
      "child.currentWhereabouts",
      "child.currentPostcode",
      "child.school",
    ],
  },
  {
    section: "child",
    slug: "child/family",
    title: "The child's family and other agencies",
    paths: [
      "child.parentalResponsibility",
      "child.householdMembers",
      "child.otherAgencies",
      "child.lookedAfter",
      "child.responsibleAuthority",
    ],
  },
  {
    section: "concern",
    slug: "concern",
    title: "What happened",
    paths: [
      "concern.description",
      "concern.occurredOn",
      "concern.when",
      "concern.location",
      "concern.informationSource",
      "concern.informationSourceDetail",
    ],
  },
  {
    section: "concern",
    slug: "concern/signs",
    title: "Which of these signs have you seen or been told about?",
    paths: ["concern.signs"],
  },
  {
    section: "people-places-vehicles",
    slug: "people-places-vehicles",
    title: "People, places and vehicles of concern",
    paths: ["entities"],
  },
  {
    section: "information-sharing",
    slug: "information-sharing",
    title: "Information sharing",
    paths: ["informationSharing"],
  },
  { section: "about-you", slug: "about-you", title: "About you", paths: ["aboutYou"] },
];

export const signPageSlug = (code: string) => `concern/signs/${code}`;

function signPage(indicator: CseIndicator): FormPage {
  return {
    section: "concern",
    slug: signPageSlug(indicator.code),
    title: indicator.scale.kind === "strength" ? indicator.scale.question : indicator.label,
    paths: [`concern.indicators.${indicator.code}`],
  };
}

const signs = (values: ReferralFormValues) => (Array.isArray(values.concern.signs) ? values.concern.signs : []);

/** Every page the form has now, in order: a sign's page only while the sign is ticked. */
export function formPages(values: ReferralFormValues): FormPage[] {
  const ticked = (CSE_INDICATORS as readonly CseIndicator[]).filter(({ code }) => signs(values).includes(code));
  const at = FIXED_PAGES.findIndex((page) => page.slug === "concern/signs") + 1;
  return [...FIXED_PAGES.slice(0, at), ...ticked.map(signPage), ...FIXED_PAGES.slice(at)];
}

/** Any page that can exist, ticked or not (a sign's page is found even before it is ticked). */
export function findPage(slug: string): FormPage | undefined {
  const fixed = FIXED_PAGES.find((page) => page.slug === slug);
  if (fixed) return fixed;
  const indicator = (CSE_INDICATORS as readonly CseIndicator[]).find(({ code }) => signPageSlug(code) === slug);
  return indicator ? signPage(indicator) : undefined;
}

export const pageOwns = (page: FormPage, path: string) =>
  page.paths.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));

/** The page that asks a field, for change links and error links. */
export function pageOfPath(path: string): FormPage {
  const concernSign = /^concern\.indicators\.([^.]+)/.exec(path);
  const page = concernSign ? findPage(signPageSlug(concernSign[1]!)) : FIXED_PAGES.find((page) => pageOwns(page, path));
  if (page) return page;
  const section = sectionOfPath(path) ?? "immediate-safety";
  return FIXED_PAGES.find((candidate) => candidate.section === section)!;
}

export function firstPageOf(section: ReferralSectionId): FormPage {
  return FIXED_PAGES.find((page) => page.section === section)!;
}

/** Where "Save and continue" goes: the next page, or null after the last. */
export function pageAfter(values: ReferralFormValues, slug: string): FormPage | null {
  const pages = formPages(values);
  const index = pages.findIndex((page) => page.slug === slug);
  return index >= 0 ? (pages[index + 1] ?? null) : null;
}

/**
 * Coming from a change link, "Save and continue" goes back to check answers, unless the
 * change opened a question that now needs an answer (a sign newly ticked needs its rating).
 */
export function pageAfterChange(values: ReferralFormValues, slug: string): FormPage | null {
  if (slug !== "concern/signs" && !slug.startsWith("concern/signs/")) return null;
  const pages = formPages(values);
  const index = pages.findIndex((page) => page.slug === slug);
  return (
    pages.slice(index + 1).find((page) => {
      const code = page.slug.split("/")[2];
      if (page.section !== "concern" || !code) return false;
      const indicator = CSE_INDICATORS.find((candidate) => candidate.code === code);
      return indicator?.scale.kind === "strength" && !values.concern.indicators[code]?.level;
    }) ?? null
  );
}

export const sectionTitle = (section: ReferralSectionId) =>
  REFERRAL_SECTIONS.find((candidate) => candidate.id === section)!.title;
