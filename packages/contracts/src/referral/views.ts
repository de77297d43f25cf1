import { z } from "zod";
import { isoDateTimeSchema, uuidSchema } from "../common.ts";
import { containsForbiddenCharacters, yesNoUnknownSchema } from "./fields.ts";
import { indicatorAnswerSchema } from "./indicators.ts";
import {
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
  outcome: outcomeSchema.nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
});
export type ReferrerReferralSummary = z.infer<typeof referrerReferralSummarySchema>;

export const referralPageSchema = z.object({
  scope: z.literal("mine"),
  referrals: z.array(referrerReferralSummarySchema),
  nextCursor: z.string().nullable(),
});

export const addendumSchema = z.object({
  id: uuidSchema,
  body: z.string(),
  createdAt: isoDateTimeSchema,
  authorName: z.string(),
});

export const addAddendumRequestSchema = z
  .strictObject({
    body: z
      .string({ error: "Enter the correction or new information" })
      .max(10_000, "The addendum must be 10,000 characters or fewer")
      .refine((value) => !containsForbiddenCharacters(value), "The addendum must not contain control characters")
      .transform((value) => value.trim())
      .pipe(z.string().min(1, "Enter the correction or new information")),
  })
  .meta({ examples: [{ body: "Correction: the car seen was dark blue, not black." }] });

const text = z.string().nullable();
const list = z.array(z.string());

/** A submitted referral's content as stored: what the referrer sent, normalised by the schema. */
export const referralContentSchema = z.object({
  immediateDanger: z.boolean(),
  child: z.object({
    givenNames: z.string(),
    familyName: z.string(),
    aliases: list,
    dateOfBirth: text,
    estimatedAgeYears: z.number().int().nullable(),
    ageAtReferral: z.number().int().nullable(),
    gender: genderSchema.nullable(),
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
      approximateAge: z.number().int().nullable(),
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
export const referrerReferralDetailSchema = referrerReferralSummarySchema.extend({
  audience: z.literal("referrer"),
  content: referralContentSchema,
  risk: riskSchema,
  decisionDueAt: isoDateTimeSchema,
  messageToReferrer: z.string().nullable(),
  addenda: z.array(addendumSchema),
});
export type ReferrerReferralDetail = z.infer<typeof referrerReferralDetailSchema>;

/** GET /api/referrals (scope=mine, the default): the referrals you made. */
export const listReferralsQuerySchema = z.object({
  scope: z.literal("mine").default("mine"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: referralStatusSchema.optional(),
  risk: riskRatingSchema.optional(),
});
