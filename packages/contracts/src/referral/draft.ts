import { z } from "zod/mini";
import { isoDateTimeSchema, uuidSchema } from "../common.ts";
import { CSE_INDICATORS, NO_SIGNS_SEEN, type CseIndicator } from "./indicators.ts";

// A draft holds what was typed, finished or not: every field optional, every string
// bounded, nothing outside the form's shape accepted.
// null is an unanswered question (react-hook-form's value for a radio group left alone).
const text = (max: number) =>
  z.optional(z.nullable(z.string().check(z.maxLength(max, `Must be ${max} characters or fewer`))));
const SHORT = 400;
const LONG = 12_000;
const dateParts = z.optional(z.strictObject({ day: text(4), month: text(4), year: text(6) }));

/** A section of the draft: any of its questions, or the whole section, may be unanswered. */
function optionalPartial<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.optional(z.partial(z.strictObject(shape)));
}

const entityDraft = z.strictObject({
  kind: text(20),
  name: text(SHORT),
  nicknames: text(2000),
  approximateAge: text(10),
  phoneNumbers: text(2000),
  socialHandles: text(2000),
  addresses: text(4000),
  postcodes: text(400),
  vehicleRegistrations: text(400),
  description: text(4000),
  linkToChild: text(2000),
});

export const referralDraftContentSchema = z
  .strictObject({
    immediateDanger: text(10),
    child: optionalPartial({
      givenNames: text(SHORT),
      familyName: text(SHORT),
      aliases: text(2000),
      dateOfBirthKnown: text(10),
      dateOfBirth: dateParts,
      estimatedAgeYears: text(10),
      gender: text(30),
      ethnicity: text(SHORT),
      firstLanguage: text(SHORT),
      interpreterNeeded: text(10),
      disabilityOrDifficulty: text(10),
      learningDisability: text(10),
      disabilityDetails: text(4000),
      homeAddress: text(1000),
      homePostcode: text(40),
      currentWhereabouts: text(1000),
      currentPostcode: text(40),
      school: text(SHORT),
      parentalResponsibility: text(1000),
      householdMembers: text(4000),
      otherAgencies: text(4000),
      lookedAfter: text(10),
      responsibleAuthority: text(SHORT),
    }),
    concern: optionalPartial({
      description: text(LONG),
      occurredOn: dateParts,
      when: text(SHORT),
      location: text(1000),
      informationSource: text(30),
      informationSourceDetail: text(2000),
      signs: z.optional(
        z.nullable(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(40, "Too many signs"))),
      ),
      indicators: z.optional(
        z
          .record(z.string().check(z.maxLength(60)), z.partial(z.strictObject({ level: text(20), detail: text(4000) })))
          .check(z.refine((value) => Object.keys(value).length <= 40, "Too many indicators")),
      ),
    }),
    entities: z.optional(
      z.array(z.partial(entityDraft)).check(z.maxLength(20, "Add no more than 20 people, places or vehicles")),
    ),
    informationSharing: optionalPartial({
      parentsAware: text(10),
      childAware: text(10),
      consent: text(20),
      sharingWithoutConsentReason: text(4000),
      lawfulBasis: text(40),
      referrerIdentityShareable: text(10),
    }),
    aboutYou: optionalPartial({ phone: text(60), bestTimeToCall: text(SHORT), jobTitle: text(SHORT) }),
    entitiesReviewed: text(10),
  })
  .register(z.globalRegistry, {
    examples: [{ immediateDanger: "no", child: { givenNames: "Amira", familyName: "Khan" } }],
  });

export type ReferralDraftContent = z.infer<typeof referralDraftContentSchema>;

const STRENGTHS = new Set(["LOW", "MEDIUM", "HIGH"]);

/**
 * Opens a draft saved in an older shape of the form. Each step leaves a draft already in the
 * new shape as it is.
 */
export function migrateDraftContent(content: ReferralDraftContent): ReferralDraftContent {
  return migrateDisability(migrateSigns(content));
}

/**
 * Before the form asked "which signs have you seen or been told about?", every sign was rated,
 * "not present" included. A sign rated low, medium or high is now a ticked sign (a disclosure,
 * which has no degree, is simply present); "not present" was often said for want of "not
 * known", so it becomes no answer. A draft that rated every sign it answered as not present
 * said, in effect, "None of these".
 */
function migrateSigns(content: ReferralDraftContent): ReferralDraftContent {
  const concern = content.concern;
  if (!concern?.indicators || concern.signs) return content;
  const ratings = concern.indicators;
  const signs: string[] = [];
  const indicators: Record<string, { level?: string | null; detail?: string | null }> = {};
  for (const { code, scale } of CSE_INDICATORS as readonly CseIndicator[]) {
    const rating = ratings[code];
    const level = rating?.level ?? "";
    if (STRENGTHS.has(level)) {
      signs.push(code);
      indicators[code] = { level: scale.kind === "presence" ? "PRESENT" : level, detail: rating?.detail ?? "" };
    } else {
      indicators[code] = { level: "", detail: "" };
    }
  }
  const saidNotPresent = Object.values(ratings).some((rating) => rating.level === "NOT_PRESENT");
  if (signs.length === 0 && saidNotPresent) signs.push(NO_SIGNS_SEEN);
  return { ...content, concern: { ...concern, signs, indicators } };
}

/**
 * The learning disability was once its own question; now it follows "do they have a
 * disability?". A learning disability said yes to is a disability, and must not be lost: it
 * decides the routing.
 */
function migrateDisability(content: ReferralDraftContent): ReferralDraftContent {
  const child = content.child;
  if (child?.learningDisability !== "YES" || child.disabilityOrDifficulty === "YES") return content;
  return { ...content, child: { ...child, disabilityOrDifficulty: "YES" } };
}

export const saveDraftRequestSchema = z
  .strictObject({
    content: referralDraftContentSchema,
    /** The version this save was based on; a stale save is refused rather than overwriting newer work. */
    version: z.optional(z.number().check(z.int(), z.gte(1))),
  })
  .register(z.globalRegistry, {
    examples: [{ content: { immediateDanger: "no", child: { givenNames: "Amira", familyName: "Khan" } }, version: 1 }],
  });

export const draftSchema = z.object({
  id: uuidSchema,
  content: referralDraftContentSchema,
  version: z.number().check(z.int()),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
});
export type Draft = z.infer<typeof draftSchema>;

export const draftSummarySchema = z.object({
  id: uuidSchema,
  /** The child's name as typed so far, for the list; empty when not yet given. */
  childName: z.string(),
  updatedAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
});
export const draftListSchema = z.object({ drafts: z.array(draftSummarySchema) });
