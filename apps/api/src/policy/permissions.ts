import type { Role } from "../generated/prisma/enums.ts";

/**
 * Who may attempt what, as data (DESIGN §2). A role not listed may not. Which referrals each
 * role may act on (their own, their team's) is decided by the scopes in referral-scope.ts,
 * which apply on top of this.
 */
export const PERMISSIONS = {
  "referral.create": ["REFERRER"],
  "referral.read": ["REFERRER", "TRIAGE", "LEAD"],
  "referral.list": ["REFERRER", "TRIAGE", "LEAD"],
  "referral.addendum": ["REFERRER"],
  /** The team's queue of open referrals. */
  "referral.queue": ["TRIAGE", "LEAD"],
  /** The referral file as the owning team sees it: notes, chronology, actions. */
  "referral.read-as-team": ["TRIAGE", "LEAD"],
  /** Take a referral yourself. */
  "referral.assign": ["TRIAGE", "LEAD"],
  /** Give a referral to another member of the team. */
  "referral.reassign": ["LEAD"],
  "note.create": ["TRIAGE", "LEAD"],
  /** Notes the team may read; AGENCY_ONLY notes narrow further (see noteVisibilityScope). */
  "note.read": ["TRIAGE", "LEAD"],
  "risk.override": ["TRIAGE", "LEAD"],
  /** Approve or reject a downgrade of risk. */
  "risk.approve": ["LEAD"],
  "referral.decide": ["TRIAGE", "LEAD"],
  /** Approve or reject a decision that needs a lead (no further action for an under-13, say). */
  "decision.approve": ["LEAD"],
  /** Hub staff send a referral the rules could not route to a district team. */
  "referral.route-from-hub": ["TRIAGE", "LEAD"],
  /** Your own alerts: a team's work and news, or (a referrer) the outcome of your referrals. */
  "alert.read": ["REFERRER", "TRIAGE", "LEAD"],
  /** Choose which kinds of event reach you by email (a lead cannot switch off RED and escalations). */
  "notification.preferences": ["REFERRER", "TRIAGE", "LEAD", "ADMIN"],
  /** The email outbox's failed and waiting sends: kinds, attempts and error classes only. */
  "notification.outbox": ["ADMIN"],
  /** Ask another district team to take a referral the team holds. */
  "transfer.request": ["TRIAGE", "LEAD"],
  /**
   * See a referral another team asks yours to take: only enough to decide (reference, age,
   * area, risk and reasons, why), never the file. An access of its own, audited as such.
   */
  "transfer.review": ["LEAD"],
  /** Accept or refuse a transfer to the lead's team. */
  "transfer.decide": ["LEAD"],
  /** Withdraw a transfer the team asked for, while it waits. */
  "transfer.cancel": ["TRIAGE", "LEAD"],
  /** The transfer inbox: incoming (leads see what waits for them) and outgoing. */
  "transfer.list": ["TRIAGE", "LEAD"],
  /** The referrals linked to one of the team's (and the network picture): only those the viewer could open anyway. */
  "link.read": ["TRIAGE", "LEAD"],
  /** Mark a suggested link "not the same", with a reason, so it is no longer shown. */
  "link.dismiss": ["LEAD"],
  /** A CSV of the team's referrals for a date range; free text only with a reason. */
  "referral.export": ["LEAD"],
  /** Who opened, changed, exported, listed or was refused one of the team's referrals. */
  "referral.audit": ["LEAD"],
  /** The team's dashboard: counts and trends of the team's referrals (docs/dashboard.md). */
  "dashboard.read": ["TRIAGE", "LEAD"],
  /** The dashboard's per-person figures (each member's open and decided work): for managing the team. */
  "dashboard.workload": ["LEAD"],
  "draft.manage": ["REFERRER"],
  "user.manage": ["ADMIN"],
  "organisation.manage": ["ADMIN"],
  /** Routing rules (postcode prefix -> team) and the routing tester; no referral content. */
  "routing-rule.manage": ["ADMIN"],
  /** One-off bank-holiday days, which feed the decision clock. */
  "bank-holiday.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function roleMay(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
