import type { Prisma } from "../generated/prisma/client.ts";
import type { Agency, Visibility } from "../generated/prisma/enums.ts";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { roleMay, type Action } from "./permissions.ts";

/** The facts about a referral that decide who may see it. */
export interface ReferralAccessFacts {
  readonly referrerId: string;
  readonly teamId: string;
}

/** The one place access to referral content is decided. Deny unless a rule allows. */
export function canReadReferral(user: AuthenticatedUser, referral: ReferralAccessFacts): boolean {
  if (!roleMay(user.role, "referral.read")) return false;
  switch (user.role) {
    case "REFERRER":
      return referral.referrerId === user.id;
    case "TRIAGE":
    case "LEAD":
      return user.team !== null && referral.teamId === user.team.id;
    default:
      // Administrators manage accounts and never see referral content (separation of duties).
      return false;
  }
}

/** Corrections come from the person who referred, and only to their own referral. */
export function canAddAddendum(user: AuthenticatedUser, referral: ReferralAccessFacts): boolean {
  return roleMay(user.role, "referral.addendum") && referral.referrerId === user.id;
}

/**
 * Team notes are for the team; AGENCY_ONLY notes (police intelligence, say) for members of the
 * author's agency and the team's lead.
 */
export function canReadNote(
  user: AuthenticatedUser,
  referral: ReferralAccessFacts,
  note: { visibility: Visibility; authorAgency: Agency },
): boolean {
  if (!roleMay(user.role, "note.read") || !canReadReferral(user, referral)) return false;
  return note.visibility === "TEAM" || user.role === "LEAD" || user.agency === note.authorAgency;
}

export function canManageDraft(user: AuthenticatedUser, draft: { ownerId: string }): boolean {
  return roleMay(user.role, "draft.manage") && draft.ownerId === user.id;
}

export type ReferralListScope = "mine" | "team";

/** Matches nothing: what a list query gets when the user may not list anything. */
const NOTHING: Prisma.ReferralWhereInput = { id: { in: [] } };

/**
 * The where-clause every referral list query starts from, built by the same rules as
 * canReadReferral, so a list can never show what a detail page would refuse.
 */
export function referralListScope(user: AuthenticatedUser, scope: ReferralListScope): Prisma.ReferralWhereInput {
  if (!roleMay(user.role, "referral.list")) return NOTHING;
  if (user.role === "REFERRER") return scope === "mine" ? { referrerId: user.id } : NOTHING;
  if ((user.role === "TRIAGE" || user.role === "LEAD") && user.team)
    return scope === "team" ? { teamId: user.team.id } : NOTHING;
  return NOTHING;
}

export function may(user: AuthenticatedUser, action: Action): boolean {
  return roleMay(user.role, action);
}
