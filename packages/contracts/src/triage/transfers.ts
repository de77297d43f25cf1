import { z } from "zod/mini";
import { isoDateTimeSchema, uuidSchema } from "../common.ts";
import { requiredText } from "../referral/fields.ts";
import { riskSchema } from "../referral/views.ts";

/**
 * A transfer between district teams of West Yorkshire: the referral changes owner once the
 * receiving lead accepts. Not the decision outcome "transfer to another area", which hands a
 * child to a local authority outside West Yorkshire and closes the referral here.
 */
const teamRefSchema = z.object({ id: uuidSchema, name: z.string() });
const personRefSchema = z.object({ id: uuidSchema, name: z.string() });

const transferReason = (emptyMessage: string) => requiredText("Reason", 2_000, emptyMessage);

/** POST /api/referrals/:id/transfer: ask another district team to take the referral. */
export const transferRequestSchema = z
  .strictObject({
    teamId: z
      .uuid({ error: "Choose the team that should take the referral" })
      .register(z.globalRegistry, { description: "The district team asked to take the referral" }),
    reason: transferReason("Enter why the referral should move to this team"),
  })
  .register(z.globalRegistry, {
    examples: [{ teamId: "0190a2b4-7c1d-7000-8000-000000000000", reason: "The child now lives in Bradford." }],
  });
export type TransferRequest = z.infer<typeof transferRequestSchema>;

/** POST /api/transfers/:id/reject: the receiving lead refuses, and must say why. */
export const transferRejectionSchema = z
  .strictObject({ reason: transferReason("Enter why your team cannot take this referral") })
  .register(z.globalRegistry, { examples: [{ reason: "The family moved back to Leeds last week." }] });
export type TransferRejection = z.infer<typeof transferRejectionSchema>;

export const transferStatusSchema = z.enum(["PENDING", "ACCEPTED", "REJECTED", "CANCELLED"]);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

/** GET /api/transfers?box=incoming|outgoing */
export const transferBoxSchema = z.enum(["incoming", "outgoing"], { error: "Choose incoming or outgoing" });
export type TransferBox = z.infer<typeof transferBoxSchema>;
export const transferInboxQuerySchema = z.object({ box: z._default(transferBoxSchema, "incoming") });

/**
 * One waiting transfer: for the receiving lead, only enough to decide (the "transfer review"
 * access), never the file; the child's name is left out on purpose.
 */
export const transferInboxItemSchema = z.object({
  id: uuidSchema,
  referralId: uuidSchema,
  reference: z.string(),
  fromTeam: teamRefSchema,
  toTeam: teamRefSchema,
  ageAtReferral: z.nullable(z.int()),
  /** The postcode district (outward code) the referral was routed on, when there was one. */
  area: z.nullable(z.string()),
  risk: riskSchema,
  reason: z.string(),
  requestedBy: personRefSchema,
  requestedAt: isoDateTimeSchema,
  /** Waiting more than one working day: both leads should chase it. */
  overdue: z.boolean(),
});
export type TransferInboxItem = z.infer<typeof transferInboxItemSchema>;

export const transferInboxSchema = z.object({
  box: transferBoxSchema,
  items: z.array(transferInboxItemSchema),
});
export type TransferInbox = z.infer<typeof transferInboxSchema>;

/** The answer to accept, reject and cancel: the transfer as it now stands. */
export const transferResultSchema = z.object({
  id: uuidSchema,
  referralId: uuidSchema,
  status: transferStatusSchema,
  toTeam: teamRefSchema,
  /** After acceptance: the new decision time, counted from the acceptance. */
  decisionDueAt: z.nullable(isoDateTimeSchema),
});
export type TransferResult = z.infer<typeof transferResultSchema>;

/** On the team's file while a transfer waits for the receiving lead. */
export const pendingTransferViewSchema = z.object({
  id: uuidSchema,
  toTeam: teamRefSchema,
  reason: z.string(),
  requestedBy: personRefSchema,
  requestedAt: isoDateTimeSchema,
  overdue: z.boolean(),
});
export type PendingTransferView = z.infer<typeof pendingTransferViewSchema>;

/** On the receiving team's file: when its lead accepted it, and so restarted the clock. */
export const acceptedTransferViewSchema = z.object({
  fromTeam: teamRefSchema,
  toTeam: teamRefSchema,
  acceptedAt: isoDateTimeSchema,
});
export type AcceptedTransferView = z.infer<typeof acceptedTransferViewSchema>;
