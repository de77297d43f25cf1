import { z } from "zod/mini";
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

export const queueDueSchema = z.enum(["overdue", "today", "red-hour"], { error: "Choose overdue, today or red-hour" });
export type QueueDue = z.infer<typeof queueDueSchema>;

/** GET /api/referrals?scope=team: the team's open referrals, most urgent first. */
export const teamQueueQuerySchema = z.object({
  scope: z.literal("team"),
  cursor: z.optional(z.string().check(z.maxLength(300))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  status: z.optional(openStatusSchema),
  risk: z.optional(riskRatingSchema),
  assignee: z._default(z.enum(["anyone", "mine", "unassigned"]), "anyone"),
  /** Only those assigned to this member of the team (the dashboard's workload links here). */
  member: z.optional(uuidSchema),
  /** Where the decision clock stands: past due, due later today (London), or RED with nobody on it past its hour. */
  due: z.optional(queueDueSchema),
  /** Only the referrals that need someone now (overdue, or RED and unassigned for an hour). */
  attention: z.pipe(
    z.optional(z.enum(["true", "false"])),
    z.transform((value: "true" | "false" | undefined) => value === "true"),
  ),
});
export type TeamQueueQuery = z.infer<typeof teamQueueQuerySchema>;

/** The list route's query: your own referrals (the default), or scope=team for the queue. */
export const referralListQuerySchema = z.union([listReferralsQuerySchema, teamQueueQuerySchema]);

/** Claim (no assignee, or yourself) or, for a lead, give to any member of the team. */
export const assignRequestSchema = z
  .strictObject({ assigneeId: z.optional(uuidSchema) })
  .register(z.globalRegistry, { examples: [{}] });

const reason = (label: string) => requiredText(label, 2_000, `Enter the ${label.toLowerCase()}`);

export const addNoteRequestSchema = z
  .strictObject({
    body: requiredText("Note", 10_000, "Enter the note"),
    visibility: z._default(visibilitySchema, "TEAM"),
  })
  .register(z.globalRegistry, {
    examples: [{ body: "Spoke to the school's safeguarding lead; attendance has fallen.", visibility: "TEAM" }],
  });

export const riskOverrideRequestSchema = z
  .strictObject({
    toRisk: riskRatingSchema,
    reason: reason("Reason for the change"),
  })
  .register(z.globalRegistry, {
    examples: [{ toRisk: "RED", reason: "Police intelligence links the car to other exploitation." }],
  });

/** A lead's answer to something waiting for approval: a downgrade of risk, or no further action. */
export const approvalDecisionRequestSchema = z
  .strictObject({
    approve: z.boolean({ error: "Say whether you approve" }),
    reason: optionalText("Reason", 2_000),
  })
  .check(
    z.refine((value) => value.approve || value.reason !== null, {
      path: ["reason"],
      message: "Enter why you are not approving it",
    }),
  )
  .register(z.globalRegistry, { examples: [{ approve: true }] });

export const decisionRequestSchema = z
  .strictObject({
    outcome: outcomeSchema,
    reason: reason("Reason for the decision"),
    messageToReferrer: requiredText("Message to the referrer", 1_000, "Enter a short message for the referrer"),
  })
  .register(z.globalRegistry, {
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
  .register(z.globalRegistry, {
    examples: [{ teamId: "0190a2b4-7c1d-7000-8000-000000000000", reason: "The child's school is in Leeds." }],
  });
