import { z } from "zod/mini";
import {
  capitalise,
  isRealDate,
  optionalPostcode,
  optionalText,
  optionalYesNoUnknown,
  pastDate,
  requiredBoolean,
  requiredText,
  requiredYesNoUnknown,
  textList,
  todayInEngland,
} from "./fields.ts";
import { CSE_INDICATORS, type CseIndicator, type IndicatorCode } from "./indicators.ts";

export const MAX_CONCERN_ENTITIES = 20;
/** CSE services are for children: under 18 on the day of the referral. */
export const MAX_CHILD_AGE = 17;

export const genderSchema = z.enum(["GIRL", "BOY", "NON_BINARY", "SELF_DESCRIBED", "NOT_KNOWN"], {
  error: "Select the child's gender",
});
export const genderLabels: Record<z.infer<typeof genderSchema>, string> = {
  GIRL: "Girl",
  BOY: "Boy",
  NON_BINARY: "Non-binary",
  SELF_DESCRIBED: "They describe it another way",
  NOT_KNOWN: "Not known",
};

export const informationSourceSchema = z.enum(["SEEN", "HEARD", "DISCLOSED_BY_CHILD", "THIRD_PARTY", "OTHER"], {
  error: "Select how you know about this concern",
});
export const informationSourceLabels: Record<z.infer<typeof informationSourceSchema>, string> = {
  SEEN: "I saw it",
  HEARD: "I heard it",
  DISCLOSED_BY_CHILD: "The child told me",
  THIRD_PARTY: "Someone else told me",
  OTHER: "Another way",
};

export const concernKindSchema = z.enum(["PERSON", "PLACE", "VEHICLE"], {
  error: "Select whether this is a person, a place or a vehicle",
});
export const concernKindLabels: Record<z.infer<typeof concernKindSchema>, string> = {
  PERSON: "Person",
  PLACE: "Place",
  VEHICLE: "Vehicle",
};

export const consentSchema = z.enum(["GIVEN", "REFUSED", "NOT_SOUGHT"], {
  error: "Select whether consent was given to share this information",
});
export const consentLabels: Record<z.infer<typeof consentSchema>, string> = {
  GIVEN: "Yes, consent was given",
  REFUSED: "No, consent was refused",
  NOT_SOUGHT: "No, consent was not sought",
};

/** The lawful bases a partner can share under; recorded with every referral. */
export const lawfulBasisSchema = z.enum(
  ["PUBLIC_TASK_SAFEGUARDING", "LEGAL_OBLIGATION", "VITAL_INTERESTS", "CONSENT"],
  { error: "Select the lawful basis for sharing this information" },
);
export const lawfulBasisLabels: Record<z.infer<typeof lawfulBasisSchema>, string> = {
  PUBLIC_TASK_SAFEGUARDING: "To protect a child, as part of our public duties",
  LEGAL_OBLIGATION: "Because the law requires us to share it",
  VITAL_INTERESTS: "To protect someone's life",
  CONSENT: "Because the person gave their consent",
};
/** The statute behind each lawful basis: a hint under the plain words, for those who need it. */
export const lawfulBasisHints: Record<z.infer<typeof lawfulBasisSchema>, string> = {
  PUBLIC_TASK_SAFEGUARDING:
    "Public task, UK GDPR Article 6(1)(e), and safeguarding of children, Data Protection Act 2018, Schedule 1, paragraph 18",
  LEGAL_OBLIGATION: "Legal obligation, UK GDPR Article 6(1)(c)",
  VITAL_INTERESTS: "Vital interests, UK GDPR Article 6(1)(d)",
  CONSENT: "Consent, UK GDPR Article 6(1)(a)",
};

const PHONE_PATTERN = {
  pattern: /^\+?[0-9 ()-]{6,30}$/,
  message: "Enter phone numbers in the correct format, like 07700 900 982",
};
const VEHICLE_PATTERN = {
  pattern: /^[A-Za-z0-9 -]{2,12}$/,
  message: "Enter vehicle registrations using letters and numbers only, like AB12 CDE",
};

/**
 * Cross-field rules run even when another answer on the page is wrong, so that every error a
 * page has is shown at once, never in a second round. They read the values defensively: a
 * field that failed holds what was sent, not its parsed form.
 */
const everyTime = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
};

/** Absent, null or given: absent becomes null, as the stored referral holds it. */
function orNull<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.optional(z.nullable(schema)),
    z.transform((value: z.output<T> | null | undefined) => value ?? null),
  );
}

const childSchema = z
  .strictObject({
    givenNames: requiredText("First name", 100, "Enter the child's first name"),
    familyName: requiredText("Last name", 100, "Enter the child's last name"),
    aliases: textList("Other names", 100, 10),
    dateOfBirth: orNull(pastDate("the child's date of birth")),
    estimatedAgeYears: orNull(
      z
        .number({ error: "Enter the child's age as a number" })
        .check(
          z.int("Enter the child's age in whole years"),
          z.gte(0, "Age must be 0 or more"),
          z.lte(MAX_CHILD_AGE, `The child must be under 18. For adults, contact adult social care`),
        ),
    ),
    gender: orNull(genderSchema),
    ethnicity: optionalText("Ethnicity", 100),
    firstLanguage: optionalText("First language", 60),
    interpreterNeeded: optionalYesNoUnknown,
    disabilityOrDifficulty: optionalYesNoUnknown,
    learningDisability: optionalYesNoUnknown,
    disabilityDetails: optionalText("Details of disability or difficulty", 1000),
    homeAddress: optionalText("Home address", 300),
    homePostcode: optionalPostcode("Home postcode", "the child's home"),
    currentWhereabouts: optionalText("Where the child is now", 300),
    currentPostcode: optionalPostcode("Postcode where the child is now", "where the child is now"),
    school: optionalText("School or college", 200),
    parentalResponsibility: optionalText("Who has parental responsibility", 300),
    householdMembers: optionalText("Household members", 1000),
    otherAgencies: optionalText("Other agencies involved", 1000),
    lookedAfter: optionalYesNoUnknown,
    responsibleAuthority: optionalText("Responsible authority", 120),
  })
  .check(
    z.superRefine((child, ctx) => {
      if (child.dateOfBirth == null && child.estimatedAgeYears == null) {
        ctx.addIssue({
          code: "custom",
          path: ["dateOfBirth"],
          message: "Enter the child's date of birth, or their approximate age if you do not know it",
        });
      }
      if (
        typeof child.dateOfBirth === "string" &&
        isRealDate(child.dateOfBirth) &&
        ageOn(child.dateOfBirth, todayInEngland()) > MAX_CHILD_AGE
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["dateOfBirth"],
          message: "The child must be under 18. For adults, contact adult social care",
        });
      }
      if (child.lookedAfter === "YES" && !child.responsibleAuthority) {
        ctx.addIssue({
          code: "custom",
          path: ["responsibleAuthority"],
          message: "Enter the local authority responsible for the child's care",
        });
      }
    }, everyTime),
  );

function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** How one sign is rated: its own levels, and messages that name it. */
function ratingSchemaFor(indicator: CseIndicator) {
  const level =
    indicator.scale.kind === "presence"
      ? z.literal("PRESENT", { error: `Say whether there has been a ${inSentence(indicator.label)}` })
      : z.enum(["LOW", "MEDIUM", "HIGH"], {
          error: `Select how strong the sign of ${inSentence(indicator.label)} is`,
        });
  return z.strictObject({
    level,
    detail: optionalText(`What you know about ${inSentence(indicator.label)}`, 1000),
  });
}

/**
 * The signs the referrer has seen or been told about, each rated. A sign left out is not known
 * to them (never "not present"), and an empty record is their answer "None of these".
 */
const indicatorsSchema = z.strictObject(
  Object.fromEntries(
    (CSE_INDICATORS as readonly CseIndicator[]).map((indicator) => [
      indicator.code,
      z.optional(ratingSchemaFor(indicator)),
    ]),
  ) as Record<IndicatorCode, z.ZodMiniOptional<ReturnType<typeof ratingSchemaFor>>>,
  { error: "Select the signs you have seen or been told about, or select 'None of these'" },
);

const concernSchema = z
  .strictObject({
    description: requiredText(
      "What was seen, heard or disclosed",
      10_000,
      "Describe what was seen, heard or disclosed",
    ),
    occurredOn: orNull(pastDate("the date it happened")),
    when: optionalText("When it happened", 200),
    location: optionalText("Where it happened", 300),
    informationSource: informationSourceSchema,
    informationSourceDetail: optionalText("How you know", 500),
    indicators: indicatorsSchema,
  })
  .check(
    z.superRefine((concern, ctx) => {
      if (
        (concern.informationSource === "OTHER" || concern.informationSource === "THIRD_PARTY") &&
        !concern.informationSourceDetail
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["informationSourceDetail"],
          message: "Say who told you, or how you know",
        });
      }
    }, everyTime),
  );

const entitySchema = z
  .strictObject({
    kind: concernKindSchema,
    name: optionalText("Name", 100),
    nicknames: textList("Nicknames", 60, 10),
    approximateAge: orNull(
      z
        .number({ error: "Enter an age as a number" })
        .check(
          z.int("Enter an age in whole years"),
          z.gte(0, "Age must be 0 or more"),
          z.lte(120, "Age must be 120 or less"),
        ),
    ),
    phoneNumbers: textList("Phone numbers", 30, 10, PHONE_PATTERN),
    socialHandles: textList("Social media handles", 100, 10),
    addresses: textList("Addresses", 300, 5),
    postcodes: textList("Postcodes", 10, 5, {
      pattern: /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$/,
      message: "Enter real postcodes, like LS1 4AP",
    }),
    vehicleRegistrations: textList("Vehicle registrations", 12, 5, VEHICLE_PATTERN),
    description: optionalText("Description", 2000),
    linkToChild: optionalText("How they are linked to the child", 1000),
  })
  .check(
    z.superRefine((entity, ctx) => {
      const identified =
        Boolean(entity.name) ||
        Boolean(entity.description) ||
        [
          entity.nicknames,
          entity.phoneNumbers,
          entity.socialHandles,
          entity.addresses,
          entity.postcodes,
          entity.vehicleRegistrations,
        ].some((list) => Array.isArray(list) && list.length > 0);
      if (!identified) {
        const kind = typeof entity.kind === "string" ? entity.kind.toLowerCase() : "person, place or vehicle";
        ctx.addIssue({
          code: "custom",
          path: ["name"],
          message: `Give at least one detail about this ${kind}, or remove it`,
        });
      }
    }, everyTime),
  );

const informationSharingSchema = z
  .strictObject({
    parentsAware: requiredYesNoUnknown("Select whether the child's parents or carers know about this referral"),
    childAware: requiredYesNoUnknown("Select whether the child knows about this referral"),
    consent: consentSchema,
    sharingWithoutConsentReason: optionalText("Why you are sharing without consent", 2000),
    lawfulBasis: lawfulBasisSchema,
    referrerIdentityShareable: requiredBoolean("Select whether your name may be shared with the family"),
  })
  .check(
    z.superRefine((sharing, ctx) => {
      const withoutConsent = sharing.consent === "REFUSED" || sharing.consent === "NOT_SOUGHT";
      if (withoutConsent && !sharing.sharingWithoutConsentReason) {
        ctx.addIssue({
          code: "custom",
          path: ["sharingWithoutConsentReason"],
          message: "Explain why you are sharing without consent, for example because of a risk of significant harm",
        });
      }
      if (sharing.lawfulBasis === "CONSENT" && withoutConsent) {
        ctx.addIssue({
          code: "custom",
          path: ["lawfulBasis"],
          message: "Consent cannot be the lawful basis when consent was not given",
        });
      }
    }, everyTime),
  );

const aboutYouSchema = z.strictObject({
  phone: requiredText("Contact number", 30, "Enter a phone number we can call you on").check(
    z.refine((value) => PHONE_PATTERN.pattern.test(value), PHONE_PATTERN.message),
  ),
  bestTimeToCall: optionalText("Best time to call", 200),
  jobTitle: optionalText("Job title", 120),
});

/** A complete referral, as the API takes it and the browser checks it before sending. */
export const referralSubmissionSchema = z.strictObject({
  immediateDanger: requiredBoolean("Select whether the child is in immediate danger"),
  child: childSchema,
  concern: concernSchema,
  entities: z._default(
    z
      .array(entitySchema)
      .check(z.maxLength(MAX_CONCERN_ENTITIES, `Add no more than ${MAX_CONCERN_ENTITIES} people, places or vehicles`)),
    [],
  ),
  informationSharing: informationSharingSchema,
  aboutYou: aboutYouSchema,
});

export type ReferralSubmission = z.input<typeof referralSubmissionSchema>;
export type ValidReferral = z.output<typeof referralSubmissionSchema>;

export { capitalise };

/** A person, place or vehicle of concern, as submission and an addendum take it. */
export { entitySchema as concernEntitySchema };
