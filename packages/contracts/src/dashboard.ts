import { z } from "zod/mini";
import { uuidSchema } from "./common.ts";
import { riskRatingSchema } from "./referral/views.ts";
import { openReferralStatusSchema } from "./triage/views.ts";

/** The share of referrals to decide within one working day (the target local authorities hold themselves to). */
export const DECISION_TARGET_SHARE = 0.95;
/** England's re-referral rate within 12 months (children in need statistics, 2025), for context only. */
export const ENGLAND_REREFERRAL_SHARE = 0.226;

const count = z.number().check(z.int(), z.gte(0));
/** A share from 0 to 1, or null when there is nothing to divide. */
const share = z.nullable(z.number().check(z.gte(0), z.lte(1)));

export const decisionWeekSchema = z.object({
  /** Monday of the week, London date. */
  weekOf: z.string(),
  decided: count,
  /** Median hours from receipt to decision, to the hour; null when nothing was decided. */
  medianHours: z.nullable(z.number()),
  onTimeShare: share,
});
export type DecisionWeek = z.infer<typeof decisionWeekSchema>;

export const concernIdentifierKindSchema = z.enum(["PERSON_NAME", "PHONE", "VEHICLE", "HANDLE", "ADDRESS"]);
export type ConcernIdentifierKind = z.infer<typeof concernIdentifierKindSchema>;

export const dashboardSchema = z.object({
  team: z.object({ id: uuidSchema, name: z.string() }),
  generatedAt: z.string(),
  open: z.object({
    total: count,
    byStatus: z.array(z.object({ status: openReferralStatusSchema, count })),
    byRisk: z.array(z.object({ risk: riskRatingSchema, count })),
    dueToday: count,
    overdue: count,
    redUnassignedOverAnHour: count,
  }),
  timeToDecision: z.object({
    target: z.number(),
    weeks: z.array(decisionWeekSchema),
  }),
  reReferrals: z.object({
    /** Referrals received in the last 12 months. */
    referrals: count,
    /** Of those, about a child referred before within the 12 months before. */
    reReferrals: count,
    share,
    england: z.number(),
  }),
  /** Children referred more than once in the last 12 months, most referred first (at most 10). */
  repeatChildren: z.object({
    children: count,
    top: z.array(z.object({ referralId: uuidSchema, reference: z.string(), referrals: count })),
  }),
  /** The people, phones, vehicles, handles and places of concern in most of the team's referrals. */
  concerns: z.array(z.object({ kind: concernIdentifierKindSchema, value: z.string(), referrals: count })),
  /** Leads only: null for a triage member. */
  workload: z.nullable(
    z.array(
      z.object({
        member: z.object({ id: uuidSchema, name: z.string() }),
        openAssigned: count,
        decidedThisMonth: count,
      }),
    ),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
