import { z } from "zod";
import { uuidSchema } from "../common.ts";
import { optionalText, requiredText } from "../referral/fields.ts";
import { listReferralsQuerySchema, outcomeSchema, riskRatingSchema } from "../referral/views.ts";

export const visibilitySchema = z.enum(["TEAM", "AGENCY_ONLY"]);
export type Visibility = z.infer<typeof visibilitySchema>;

export const visibilityLabels: Record<Visibility, string> = {
  TEAM: "Everyone in the team",
  AGENCY_ONLY: "Only my agency and the team's lead",
};

const openStatusSchema = z.enum(["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL"], {
  error: "Choose a status of an open referral",
});

/** GET /api/referrals?scope=team: the team's open referrals, most urgent first. */
export const teamQueueQuerySchema = z.object({
  scope: z.literal("team"),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: openStatusSchema.optional(),
  risk: riskRatingSchema.optional(),
  assignee: z.enum(["anyone", "mine", "unassigned"]).default("anyone"),
  /** Only the referrals that need someone now (overdue, or RED and unassigned for an hour). */
  attention: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});
export type TeamQueueQuery = z.infer<typeof teamQueueQuerySchema>;

/** The list route's query: your own referrals (the default), or scope=team for the queue. */
export const referralListQuerySchema = z.union([listReferralsQuerySchema, teamQueueQuerySchema]);

/** Claim (no assignee, or yourself) or, for a lead, give to any member of the team. */
export const assignRequestSchema = z.strictObject({ assigneeId: uuidSchema.optional() }).meta({ examples: [{}] });

const reason = (label: string) => requiredText(label, 2_000, `Enter the ${label.toLowerCase()}`);

export const addNoteRequestSchema = z
  .strictObject({
    body: requiredText("Note", 10_000, "Enter the note"),
    visibility: visibilitySchema.default("TEAM"),
  })
  .meta({
    examples: [{ body: "Spoke to the school's safeguarding lead; attendance has fallen.", visibility: "TEAM" }],
  });

export const riskOverrideRequestSchema = z
  .strictObject({
    toRisk: riskRatingSchema,
    reason: reason("Reason for the change"),
  })
  .meta({ examples: [{ toRisk: "RED", reason: "Police intelligence links the car to other exploitation." }] });

/** A lead's answer to something waiting for approval: a downgrade of risk, or no further action. */
export const approvalDecisionRequestSchema = z
  .strictObject({
    approve: z.boolean({ error: "Say whether you approve" }),
    reason: optionalText("Reason", 2_000),
  })
  .refine((value) => value.approve || value.reason !== null, {
    path: ["reason"],
    message: "Enter why you are not approving it",
  })
  .meta({ examples: [{ approve: true }] });

export const decisionRequestSchema = z
  .strictObject({
    outcome: outcomeSchema,
    reason: reason("Reason for the decision"),
    messageToReferrer: requiredText("Message to the referrer", 1_000, "Enter a short message for the referrer"),
  })
  .meta({
    examples: [
      {
        outcome: "STRATEGY_DISCUSSION",
        reason: "Several high indicators and a named adult of concern.",
        messageToReferrer: "Thank you. A strategy discussion is being arranged; we may contact you.",
      },
    ],
  });

export const hubRoutingRequestSchema = z
  .strictObject({
    teamId: uuidSchema,
    reason: reason("Reason for routing"),
  })
  .meta({ examples: [{ teamId: "0190a2b4-7c1d-7000-8000-000000000000", reason: "The child's school is in Leeds." }] });
