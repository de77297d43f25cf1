import { emptyDateParts, datePartsToIso, type DateParts } from "./date-parts.ts";
import { migrateDraftContent, type ReferralDraftContent } from "./draft.ts";
import { CSE_INDICATORS, NO_SIGNS_SEEN, type CseIndicator } from "./indicators.ts";
import { referralSubmissionSchema, type ReferralSubmission, type ValidReferral } from "./submission.ts";

/** One person, place or vehicle as the form holds it: lists are one item per line. */
export interface EntityFormValues {
  kind: string;
  name: string;
  nicknames: string;
  approximateAge: string;
  phoneNumbers: string;
  socialHandles: string;
  addresses: string;
  postcodes: string;
  vehicleRegistrations: string;
  description: string;
  linkToChild: string;
}

/** The referral as the browser form holds it (and as a draft stores it): strings, as typed. */
export interface ReferralFormValues {
  immediateDanger: string;
  child: {
    givenNames: string;
    familyName: string;
    aliases: string;
    dateOfBirthKnown: string;
    dateOfBirth: DateParts;
    estimatedAgeYears: string;
    gender: string;
    ethnicity: string;
    firstLanguage: string;
    interpreterNeeded: string;
    disabilityOrDifficulty: string;
    learningDisability: string;
    disabilityDetails: string;
    homeAddress: string;
    homePostcode: string;
    currentWhereabouts: string;
    currentPostcode: string;
    school: string;
    parentalResponsibility: string;
    householdMembers: string;
    otherAgencies: string;
    lookedAfter: string;
    responsibleAuthority: string;
  };
  concern: {
    description: string;
    occurredOn: DateParts;
    when: string;
    location: string;
    informationSource: string;
    informationSourceDetail: string;
    /** The signs ticked on "Which of these signs have you seen or been told about?", or NO_SIGNS_SEEN. */
    signs: string[];
    /** How strongly, and what is known, for each sign ticked. */
    indicators: Record<string, { level: string; detail: string }>;
  };
  entities: EntityFormValues[];
  informationSharing: {
    parentsAware: string;
    childAware: string;
    consent: string;
    sharingWithoutConsentReason: string;
    lawfulBasis: string;
    referrerIdentityShareable: string;
  };
  aboutYou: { phone: string; bestTimeToCall: string; jobTitle: string };
  /** "yes" once the referrer has been through the optional people, places and vehicles page. */
  entitiesReviewed: string;
}

export function emptyEntity(kind = ""): EntityFormValues {
  return {
    kind,
    name: "",
    nicknames: "",
    approximateAge: "",
    phoneNumbers: "",
    socialHandles: "",
    addresses: "",
    postcodes: "",
    vehicleRegistrations: "",
    description: "",
    linkToChild: "",
  };
}

export function emptyReferralForm(
  aboutYou: { jobTitle?: string | null; phone?: string | null } = {},
): ReferralFormValues {
  return {
    immediateDanger: "",
    child: {
      givenNames: "",
      familyName: "",
      aliases: "",
      dateOfBirthKnown: "",
      dateOfBirth: emptyDateParts(),
      estimatedAgeYears: "",
      gender: "",
      ethnicity: "",
      firstLanguage: "",
      interpreterNeeded: "",
      disabilityOrDifficulty: "",
      learningDisability: "",
      disabilityDetails: "",
      homeAddress: "",
      homePostcode: "",
      currentWhereabouts: "",
      currentPostcode: "",
      school: "",
      parentalResponsibility: "",
      householdMembers: "",
      otherAgencies: "",
      lookedAfter: "",
      responsibleAuthority: "",
    },
    concern: {
      description: "",
      occurredOn: emptyDateParts(),
      when: "",
      location: "",
      informationSource: "",
      informationSourceDetail: "",
      signs: [],
      indicators: Object.fromEntries(CSE_INDICATORS.map((indicator) => [indicator.code, { level: "", detail: "" }])),
    },
    entities: [],
    informationSharing: {
      parentsAware: "",
      childAware: "",
      consent: "",
      sharingWithoutConsentReason: "",
      lawfulBasis: "",
      referrerIdentityShareable: "",
    },
    aboutYou: { phone: aboutYou.phone ?? "", bestTimeToCall: "", jobTitle: aboutYou.jobTitle ?? "" },
    entitiesReviewed: "",
  };
}

// react-hook-form reports an unanswered radio group as null, so every reader accepts it.
type Answer = string | null | undefined;
/** Deep merge of what a draft holds over an empty form, so older drafts gain new fields. */
function mergeOver<T>(base: T, saved: unknown): T {
  if (saved === undefined || saved === null) return base;
  if (Array.isArray(base)) return (Array.isArray(saved) ? saved : base) as T;
  if (typeof base === "object" && base !== null) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
      merged[key] = key in merged ? mergeOver(merged[key], value) : value;
    }
    return merged as T;
  }
  return (typeof saved === typeof base ? saved : base) as T;
}

/** The whole form as a draft left it: every field present, whatever the draft was saved with. */
export function formValuesFromDraft(
  content: ReferralDraftContent,
  aboutYou: { jobTitle?: string | null; phone?: string | null } = {},
): ReferralFormValues {
  const values = mergeOver(emptyReferralForm(aboutYou), migrateDraftContent(content));
  values.entities = values.entities.map((entity) => mergeOver(emptyEntity(), entity));
  return values;
}

const blankToUndefined = (value: Answer) =>
  value === undefined || value === null || value.trim() === "" ? undefined : value;
const lines = (value: Answer) =>
  (value ?? "")
    .split("\n")
    .map((item) => item.trim())
    .filter(Boolean);
const items = (value: Answer) =>
  (value ?? "")
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const yesNo = (value: Answer) => (value === "yes" ? true : value === "no" ? false : undefined);
/** A number when it looks like one; otherwise the text, so the schema says what is wrong. */
const wholeNumber = (value: Answer): number | string | undefined => {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/**
 * The signs ticked, each with its rating; {} for "None of these"; undefined when the question
 * is not answered (or answered both ways), so that the schema asks for an answer.
 */
function indicatorsFromForm(concern: ReferralFormValues["concern"]): unknown {
  const signs = Array.isArray(concern.signs) ? concern.signs : [];
  const none = signs.includes(NO_SIGNS_SEEN);
  const ticked = (CSE_INDICATORS as readonly CseIndicator[]).filter(({ code }) => signs.includes(code));
  if (none) return ticked.length === 0 ? {} : undefined;
  if (ticked.length === 0) return undefined;
  return Object.fromEntries(
    ticked.map(({ code, scale }) => {
      const rating = concern.indicators[code];
      return [
        code,
        {
          level: scale.kind === "presence" ? "PRESENT" : blankToUndefined(rating?.level),
          detail: rating?.detail ?? "",
        },
      ];
    }),
  );
}

/** The API's shape of what the form holds. Dates must already have passed datePartsToIso. */
export function toSubmission(
  form: ReferralFormValues,
  dates: { dateOfBirth: string | null; occurredOn: string | null },
): unknown {
  const { child, concern, informationSharing, aboutYou } = form;
  const knowsDateOfBirth = child.dateOfBirthKnown === "yes";
  return {
    immediateDanger: yesNo(form.immediateDanger),
    child: {
      givenNames: child.givenNames,
      familyName: child.familyName,
      aliases: items(child.aliases),
      dateOfBirth: knowsDateOfBirth ? dates.dateOfBirth : null,
      estimatedAgeYears: child.dateOfBirthKnown === "no" ? (wholeNumber(child.estimatedAgeYears) ?? null) : null,
      gender: blankToUndefined(child.gender),
      ethnicity: child.ethnicity,
      firstLanguage: child.firstLanguage,
      interpreterNeeded: blankToUndefined(child.interpreterNeeded),
      disabilityOrDifficulty: blankToUndefined(child.disabilityOrDifficulty),
      // Asked only as the follow-up to "do they have a disability?".
      learningDisability:
        child.disabilityOrDifficulty === "YES"
          ? blankToUndefined(child.learningDisability)
          : child.disabilityOrDifficulty === "NO"
            ? "NO"
            : undefined,
      disabilityDetails: child.disabilityOrDifficulty === "YES" ? child.disabilityDetails : null,
      homeAddress: child.homeAddress,
      homePostcode: child.homePostcode,
      currentWhereabouts: child.currentWhereabouts,
      currentPostcode: child.currentPostcode,
      school: child.school,
      parentalResponsibility: child.parentalResponsibility,
      householdMembers: child.householdMembers,
      otherAgencies: child.otherAgencies,
      lookedAfter: blankToUndefined(child.lookedAfter),
      responsibleAuthority: child.lookedAfter === "YES" ? child.responsibleAuthority : null,
    },
    concern: {
      description: concern.description,
      occurredOn: dates.occurredOn,
      when: concern.when,
      location: concern.location,
      informationSource: blankToUndefined(concern.informationSource),
      informationSourceDetail: concern.informationSourceDetail,
      indicators: indicatorsFromForm(concern),
    },
    entities: form.entities.map((entity) => ({
      kind: blankToUndefined(entity.kind),
      name: entity.name,
      nicknames: items(entity.nicknames),
      approximateAge: wholeNumber(entity.approximateAge) ?? null,
      phoneNumbers: items(entity.phoneNumbers),
      socialHandles: items(entity.socialHandles),
      addresses: lines(entity.addresses),
      postcodes: items(entity.postcodes),
      vehicleRegistrations: items(entity.vehicleRegistrations),
      description: entity.description,
      linkToChild: entity.linkToChild,
    })),
    informationSharing: {
      parentsAware: blankToUndefined(informationSharing.parentsAware),
      childAware: blankToUndefined(informationSharing.childAware),
      consent: blankToUndefined(informationSharing.consent),
      sharingWithoutConsentReason:
        informationSharing.consent && informationSharing.consent !== "GIVEN"
          ? informationSharing.sharingWithoutConsentReason
          : null,
      lawfulBasis: blankToUndefined(informationSharing.lawfulBasis),
      referrerIdentityShareable: yesNo(informationSharing.referrerIdentityShareable),
    },
    aboutYou: { phone: aboutYou.phone, bestTimeToCall: aboutYou.bestTimeToCall, jobTitle: aboutYou.jobTitle },
  };
}

/** Fields the form holds as one text box but the API as a list: errors on an item go to the box. */
const LIST_FIELDS = new Set([
  "aliases",
  "nicknames",
  "phoneNumbers",
  "socialHandles",
  "addresses",
  "postcodes",
  "vehicleRegistrations",
]);

export function formPathFor(issuePath: readonly PropertyKey[]): string {
  const path = issuePath.map(String);
  const listAt = path.findIndex((segment, index) => LIST_FIELDS.has(segment) && index < path.length - 1);
  return (listAt >= 0 ? path.slice(0, listAt + 1) : path).join(".");
}

export interface FormIssue {
  /** Dotted path of the form field, e.g. "child.dateOfBirth". */
  readonly path: string;
  readonly message: string;
  /** For a date input: which of its fields to highlight. */
  readonly dateParts?: readonly ("day" | "month" | "year")[];
}

export type FormValidation =
  | { readonly success: true; readonly data: ValidReferral; readonly submission: ReferralSubmission }
  | { readonly success: false; readonly issues: readonly FormIssue[] };

/**
 * Validates the form exactly as the server will: the same schema, the same messages. Only
 * the date inputs' part-by-part messages are the browser's own.
 */
export function validateReferralForm(form: ReferralFormValues): FormValidation {
  const issues: FormIssue[] = [];
  const dateOfBirthKnown = form.child.dateOfBirthKnown ?? "";
  const dateOfBirth =
    form.child.dateOfBirthKnown === "yes"
      ? datePartsToIso(form.child.dateOfBirth, "Date of birth")
      : { ok: true as const, value: null };
  const occurredOn = datePartsToIso(form.concern.occurredOn, "The date it happened");
  if (!dateOfBirth.ok)
    issues.push({ path: "child.dateOfBirth", message: dateOfBirth.message, dateParts: dateOfBirth.parts });
  if (!occurredOn.ok)
    issues.push({ path: "concern.occurredOn", message: occurredOn.message, dateParts: occurredOn.parts });
  if (dateOfBirthKnown === "yes" && dateOfBirth.ok && dateOfBirth.value === null) {
    issues.push({
      path: "child.dateOfBirth",
      message: "Enter the child's date of birth",
      dateParts: ["day", "month", "year"],
    });
  }

  const submission = toSubmission(form, {
    dateOfBirth: dateOfBirth.ok ? dateOfBirth.value : null,
    occurredOn: occurredOn.ok ? occurredOn.value : null,
  });
  const result = referralSubmissionSchema.safeParse(submission);
  if (result.success && issues.length === 0)
    return { success: true, data: result.data, submission: submission as ReferralSubmission };

  const reported = new Set(issues.map((issue) => issue.path));
  for (const issue of result.success ? [] : result.error.issues) {
    let path = formPathFor(issue.path);
    // "Date of birth or age" is asked as a question first.
    if (path === "child.dateOfBirth" && dateOfBirthKnown === "") path = "child.dateOfBirthKnown";
    if (path === "child.dateOfBirth" && dateOfBirthKnown === "no") path = "child.estimatedAgeYears";
    // "Which signs?" is one group of checkboxes in the form.
    if (path === "concern.indicators") path = "concern.signs";
    if (reported.has(path)) continue;
    reported.add(path);
    issues.push({ path, message: issue.message });
  }
  return { success: false, issues };
}
