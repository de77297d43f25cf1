import { z } from "zod/mini";
import { isoDateTimeSchema, uuidSchema } from "../common.ts";
import { containsForbiddenCharacters, yesNoUnknownSchema } from "./fields.ts";
import { indicatorAnswerSchema } from "./indicators.ts";
import {
  MAX_CONCERN_ENTITIES,
  concernEntitySchema,
  concernKindSchema,
  consentSchema,
  genderSchema,
  informationSourceSchema,
  lawfulBasisSchema,
} from "./submission.ts";

export const riskRatingSchema = z.enum(["RED", "AMBER", "GREEN"]);
export type RiskRating = z.infer<typeof riskRatingSchema>;

export const referralStatusSchema = z.enum(["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL", "DECIDED"]);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;
export const referralStatusLabels: Record<ReferralStatus, string> = {
  SUBMITTED: "Received",
  IN_TRIAGE: "Being looked at",
  AWAITING_APPROVAL: "Decision being checked",
  DECIDED: "Decision made",
};

export const outcomeSchema = z.enum([
  "NO_FURTHER_ACTION",
  "EARLY_HELP",
  "CHILD_AND_FAMILY_ASSESSMENT",
  "STRATEGY_DISCUSSION",
  "POLICE_INVESTIGATION",
  "TRANSFER_OUT_OF_AREA",
]);
export type Outcome = z.infer<typeof outcomeSchema>;
export const outcomeLabels: Record<Outcome, string> = {
  NO_FURTHER_ACTION: "No further action",
  EARLY_HELP: "Signposted to early help",
  CHILD_AND_FAMILY_ASSESSMENT: "Child and family assessment (section 17)",
  STRATEGY_DISCUSSION: "Strategy discussion (section 47)",
  POLICE_INVESTIGATION: "Police investigation",
  TRANSFER_OUT_OF_AREA: "Transferred to another area",
};

export const riskSchema = z.object({ rating: riskRatingSchema, reasons: z.array(z.string()) });

const teamRefSchema = z.object({ id: uuidSchema, name: z.string() });

/** What a referrer gets back on submitting: the reference to quote, and what happens next. */
export const referralCreatedSchema = z.object({
  id: uuidSchema,
  reference: z.string(),
  team: teamRefSchema,
  risk: riskSchema,
  decisionDueAt: isoDateTimeSchema,
  submittedAt: isoDateTimeSchema,
});
export type ReferralCreated = z.infer<typeof referralCreatedSchema>;

/** A referrer's view of their own referral: its progress and outcome, never the team's notes. */
export const referrerReferralSummarySchema = z.object({
  id: uuidSchema,
  reference: z.string(),
  childName: z.string(),
  submittedAt: isoDateTimeSchema,
  status: referralStatusSchema,
  team: teamRefSchema,
  outcome: z.nullable(outcomeSchema),
  decidedAt: z.nullable(isoDateTimeSchema),
});
export type ReferrerReferralSummary = z.infer<typeof referrerReferralSummarySchema>;

export const referralPageSchema = z.object({
  scope: z.literal("mine"),
  referrals: z.array(referrerReferralSummarySchema),
  nextCursor: z.nullable(z.string()),
});

export const addendumSchema = z.object({
  id: uuidSchema,
  body: z.string(),
  createdAt: isoDateTimeSchema,
  authorName: z.string(),
});

export const addAddendumRequestSchema = z
  .strictObject({
    body: z.pipe(
      z.pipe(
        z.string({ error: "Enter the correction or new information" }).check(
          z.maxLength(10_000, "The addendum must be 10,000 characters or fewer"),
          z.refine((value) => !containsForbiddenCharacters(value), "The addendum must not contain control characters"),
        ),
        z.transform((value: string) => value.trim()),
      ),
      z.string().check(z.minLength(1, "Enter the correction or new information")),
    ),
    /** People, places and vehicles of concern learnt of since: joined up like those submitted. */
    entities: z._default(
      z
        .array(concernEntitySchema)
        .check(
          z.maxLength(MAX_CONCERN_ENTITIES, `Add no more than ${MAX_CONCERN_ENTITIES} people, places or vehicles`),
        ),
      [],
    ),
  })
  .register(z.globalRegistry, { examples: [{ body: "Correction: the car seen was dark blue, not black." }] });
export type ValidAddendum = z.output<typeof addAddendumRequestSchema>;

const text = z.nullable(z.string());
const list = z.array(z.string());

/** A submitted referral's content as stored: what the referrer sent, normalised by the schema. */
export const referralContentSchema = z.object({
  immediateDanger: z.boolean(),
  child: z.object({
    givenNames: z.string(),
    familyName: z.string(),
    aliases: list,
    dateOfBirth: text,
    estimatedAgeYears: z.nullable(z.number().check(z.int())),
    ageAtReferral: z.nullable(z.number().check(z.int())),
    gender: z.nullable(genderSchema),
    ethnicity: text,
    firstLanguage: text,
    interpreterNeeded: yesNoUnknownSchema,
    disabilityOrDifficulty: yesNoUnknownSchema,
    learningDisability: yesNoUnknownSchema,
    disabilityDetails: text,
    homeAddress: text,
    homePostcode: text,
    currentWhereabouts: text,
    currentPostcode: text,
    school: text,
    parentalResponsibility: text,
    householdMembers: text,
    otherAgencies: text,
    lookedAfter: yesNoUnknownSchema,
    responsibleAuthority: text,
  }),
  concern: z.object({
    description: z.string(),
    occurredOn: text,
    when: text,
    location: text,
    informationSource: informationSourceSchema,
    informationSourceDetail: text,
    // Every sign in the partnership's list: NOT_KNOWN where the referrer did not say they had seen it.
    indicators: z.array(z.object({ code: z.string(), label: z.string(), level: indicatorAnswerSchema, detail: text })),
  }),
  entities: z.array(
    z.object({
      kind: concernKindSchema,
      name: text,
      nicknames: list,
      approximateAge: z.nullable(z.number().check(z.int())),
      phoneNumbers: list,
      socialHandles: list,
      addresses: list,
      postcodes: list,
      vehicleRegistrations: list,
      description: text,
      linkToChild: text,
    }),
  ),
  informationSharing: z.object({
    parentsAware: yesNoUnknownSchema,
    childAware: yesNoUnknownSchema,
    consent: consentSchema,
    sharingWithoutConsentReason: text,
    lawfulBasis: lawfulBasisSchema,
    referrerIdentityShareable: z.boolean(),
  }),
  aboutYou: z.object({
    name: z.string(),
    organisation: z.string(),
    phone: z.string(),
    bestTimeToCall: text,
    jobTitle: text,
  }),
});
export type ReferralContent = z.infer<typeof referralContentSchema>;

/** Everything the referrer submitted, for the printable summary, plus what has happened since. */
export const referrerReferralDetailSchema = z.extend(referrerReferralSummarySchema, {
  audience: z.literal("referrer"),
  content: referralContentSchema,
  risk: riskSchema,
  decisionDueAt: isoDateTimeSchema,
  messageToReferrer: z.nullable(z.string()),
  addenda: z.array(addendumSchema),
});
export type ReferrerReferralDetail = z.infer<typeof referrerReferralDetailSchema>;

/** GET /api/referrals (scope=mine, the default): the referrals you made. */
export const listReferralsQuerySchema = z.object({
  scope: z._default(z.literal("mine"), "mine"),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  status: z.optional(referralStatusSchema),
  risk: z.optional(riskRatingSchema),
});
