import { z } from "zod/mini";
import { agencySchema, isoDateTimeSchema, uuidSchema } from "../common.ts";
import {
  addendumSchema,
  outcomeSchema,
  referralContentSchema,
  referralPageSchema,
  referralStatusSchema,
  referrerReferralDetailSchema,
  riskRatingSchema,
  riskSchema,
} from "../referral/views.ts";
import { visibilitySchema } from "./requests.ts";
import { acceptedTransferViewSchema, pendingTransferViewSchema } from "./transfers.ts";

const personRefSchema = z.object({ id: uuidSchema, name: z.string() });
const teamRefSchema = z.object({ id: uuidSchema, name: z.string() });

/** Statuses a referral passes through before its decision is in force. */
export const openReferralStatusSchema = z.enum(["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL"]);
export type OpenReferralStatus = z.infer<typeof openReferralStatusSchema>;

/**
 * Why a referral needs someone now. Overdue: its decision is past the statutory time. RED
 * unassigned: rated RED and nobody has picked it up within an hour.
 */
export const attentionSchema = z.enum(["OVERDUE", "RED_UNASSIGNED"]);
export type Attention = z.infer<typeof attentionSchema>;

/** One row of the team's queue: enough to choose what to open next, nothing more. */
export const teamQueueItemSchema = z.object({
  id: uuidSchema,
  reference: z.string(),
  childName: z.string(),
  ageAtReferral: z.nullable(z.number().check(z.int())),
  status: referralStatusSchema,
  risk: riskRatingSchema,
  submittedAt: isoDateTimeSchema,
  decisionDueAt: isoDateTimeSchema,
  assignee: z.nullable(personRefSchema),
  /** Empty when nothing is late; otherwise every reason it needs someone now. */
  attention: z.array(attentionSchema),
  /** Received through the hub because it could not be routed automatically. */
  awaitingRouting: z.boolean(),
  /** Another team has been asked to take it; this team keeps it (and its clock) until then. */
  transferRequested: z.boolean(),
});
export type TeamQueueItem = z.infer<typeof teamQueueItemSchema>;

/** How many open referrals each of the queue's views holds, under the same risk/status filters. */
export const queueCountsSchema = z.object({
  all: z.number().check(z.int()),
  mine: z.number().check(z.int()),
  unassigned: z.number().check(z.int()),
  attention: z.number().check(z.int()),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const teamQueuePageSchema = z.object({
  scope: z.literal("team"),
  team: teamRefSchema,
  items: z.array(teamQueueItemSchema),
  counts: queueCountsSchema,
  nextCursor: z.nullable(z.string()),
  /** Members the viewer may reassign referrals to ("Reassign selected"): empty unless a lead. */
  assignableMembers: z.array(personRefSchema),
});
export type TeamQueuePage = z.infer<typeof teamQueuePageSchema>;

export const noteSchema = z.object({
  id: uuidSchema,
  body: z.string(),
  visibility: visibilitySchema,
  author: personRefSchema,
  authorAgency: agencySchema,
  createdAt: isoDateTimeSchema,
});
export type Note = z.infer<typeof noteSchema>;

export const chronologyEntrySchema = z.object({
  id: uuidSchema,
  type: z.string(),
  occurredAt: isoDateTimeSchema,
  summary: z.string(),
  actorName: z.nullable(z.string()),
});
export type ChronologyEntry = z.infer<typeof chronologyEntrySchema>;

export const riskOverrideViewSchema = z.object({
  id: uuidSchema,
  fromRisk: riskRatingSchema,
  toRisk: riskRatingSchema,
  reason: z.string(),
  status: z.enum(["APPLIED", "PENDING_APPROVAL", "APPROVED", "REJECTED"]),
  requestedBy: personRefSchema,
  requestedAt: isoDateTimeSchema,
});

export const decisionViewSchema = z.object({
  outcome: outcomeSchema,
  reason: z.string(),
  messageToReferrer: z.string(),
  decidedAt: isoDateTimeSchema,
  decidedBy: personRefSchema,
  /** Set once a lead has approved a decision that needed it. */
  approvedBy: z.nullable(personRefSchema),
  approvedAt: z.nullable(isoDateTimeSchema),
});

/** Everything a member of the team may do to this referral now, as the policy allows. */
export const triageActionSchema = z.enum([
  "assign-self",
  "reassign",
  "add-note",
  "override-risk",
  "decide-risk-override",
  "decide",
  "decide-approval",
  "route-from-hub",
  "request-transfer",
  "cancel-transfer",
]);
export type TriageAction = z.infer<typeof triageActionSchema>;

/**
 * The referral file as the owning team sees it: the referral as submitted, its addenda, risk
 * with reasons, the clock, who has it, notes the viewer may read, and its history.
 */
export const teamReferralDetailSchema = z.object({
  audience: z.literal("team"),
  id: uuidSchema,
  reference: z.string(),
  status: referralStatusSchema,
  submittedAt: isoDateTimeSchema,
  team: z.extend(teamRefSchema, { isHub: z.boolean() }),
  /** Routed by a rule whose area crosses a council boundary: check before accepting. */
  routingBoundary: z.nullable(z.object({ note: z.string() })),
  content: referralContentSchema,
  addenda: z.array(addendumSchema),
  risk: riskSchema,
  /** What the rules computed at submission, before any override. */
  computedRisk: riskSchema,
  decisionDueAt: isoDateTimeSchema,
  redEscalationDueAt: z.nullable(isoDateTimeSchema),
  attention: z.array(attentionSchema),
  assignee: z.nullable(personRefSchema),
  notes: z.array(noteSchema),
  chronology: z.array(chronologyEntrySchema),
  pendingRiskOverride: z.nullable(riskOverrideViewSchema),
  decision: z.nullable(decisionViewSchema),
  /**
   * When set, "no further action" needs a lead's approval before it takes effect, and why
   * (DESIGN §3: under-13s, a learning disability, or an unknown age).
   */
  noFurtherActionNeedsApprovalBecause: z.nullable(z.string()),
  actions: z.array(triageActionSchema),
  /** Members a lead may reassign to (empty for anyone who may not reassign). */
  assignableMembers: z.array(personRefSchema),
  /** Teams the hub may route this referral to (empty unless the viewer may route it). */
  routableTeams: z.array(teamRefSchema),
  /** Set while another team has been asked to take the referral ("transfer requested"). */
  pendingTransfer: z.nullable(pendingTransferViewSchema),
  /** Set when the referral came to this team by a transfer: the decision clock restarted then. */
  transferredIn: z.nullable(acceptedTransferViewSchema),
  /** District teams this referral may be transferred to (empty unless the viewer may ask). */
  transferTeams: z.array(teamRefSchema),
});
export type TeamReferralDetail = z.infer<typeof teamReferralDetailSchema>;

/** GET /api/referrals answers with the caller's own referrals, or the team's queue. */
export const referralListSchema = z.union([referralPageSchema, teamQueuePageSchema]);

/** GET /api/referrals/:id answers with the view for the caller's audience. */
export const referralDetailSchema = z.discriminatedUnion("audience", [
  referrerReferralDetailSchema,
  teamReferralDetailSchema,
]);
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const alertSchema = z.object({
  id: uuidSchema,
  /**
   * RED_REFERRAL: nobody has claimed a RED referral. TRANSFER_REQUESTED: another team asks the
   * lead's team to take a referral (opens the transfer inbox). TRANSFER_REJECTED: the lead of
   * another team refused a transfer this member asked for; TRANSFER_ACCEPTED: accepted it.
   * NEW_REFERRAL: a referral reached the team. DECISION_DUE_SOON: two working hours left.
   * ESCALATED: overdue, or RED and unclaimed for an hour (to the team's leads). OUTCOME: to
   * the referrer, the decision on their referral.
   */
  kind: z.enum([
    "RED_REFERRAL",
    "TRANSFER_REQUESTED",
    "TRANSFER_REJECTED",
    "TRANSFER_ACCEPTED",
    "NEW_REFERRAL",
    "DECISION_DUE_SOON",
    "ESCALATED",
    "OUTCOME",
  ]),
  referralId: uuidSchema,
  reference: z.string(),
  risk: riskRatingSchema,
  createdAt: isoDateTimeSchema,
  read: z.boolean(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListSchema = z.object({
  unread: z.number().check(z.int()),
  alerts: z.array(alertSchema),
});
export type AlertList = z.infer<typeof alertListSchema>;

/** The header's count: asked for on a timer without keeping the session alive. */
export const unreadAlertCountSchema = z.object({ unread: z.number().check(z.int()) });
export type UnreadAlertCount = z.infer<typeof unreadAlertCountSchema>;
