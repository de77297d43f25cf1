import { Prisma } from "../generated/prisma/client.ts";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { roleMay, type Action } from "./permissions.ts";

/**
 * Access to referrals is decided here and nowhere else, as Prisma `where` fragments: every
 * query for a referral, single or list, carries the fragment for (user, action), so a list can
 * never show what a detail page would refuse, and a refused action finds nothing. Deny unless
 * a rule allows.
 */

/** Matches nothing: what a query gets when the user may not do the action at all. */
export const NOTHING = { id: { in: [] as string[] } } as const;

/** Actions taken on one referral (or a list of them). */
export type ReferralAction = Extract<
  Action,
  | "referral.read"
  | "referral.list"
  | "referral.addendum"
  | "referral.queue"
  | "referral.read-as-team"
  | "referral.assign"
  | "referral.reassign"
  | "note.create"
  | "risk.override"
  | "risk.approve"
  | "referral.decide"
  | "decision.approve"
  | "referral.route-from-hub"
  | "transfer.request"
  | "transfer.review"
  | "transfer.decide"
  | "transfer.cancel"
  | "link.read"
  | "link.dismiss"
  | "referral.export"
  | "referral.audit"
  | "dashboard.read"
>;

/** The referrals the user may do the action to. */
export function referralScope(user: AuthenticatedUser, action: ReferralAction): Prisma.ReferralWhereInput {
  if (!roleMay(user.role, action)) return NOTHING;
  switch (user.role) {
    case "REFERRER":
      // A referrer sees and adds to their own referrals only, never anyone else's.
      return { referrerId: user.id };
    case "TRIAGE":
    case "LEAD":
      if (!user.team) return NOTHING;
      // Only the hub routes, and only what the hub holds.
      if (action === "referral.route-from-hub") return { teamId: user.team.id, team: { isHub: true } };
      // A transfer's receiving lead reaches the referral only while a transfer to their team
      // waits, and only for these actions (the review shows a summary, never the file).
      if (action === "transfer.review" || action === "transfer.decide")
        return { transfers: { some: { status: "PENDING", toTeamId: user.team.id } } };
      // Asking for or withdrawing a transfer is the owning team's: it keeps the referral until
      // the other lead accepts, and loses it (everything, its own notes included) afterwards.
      // The owning team, whatever the member's agency: co-located teams share the referral.
      return { teamId: user.team.id };
    default:
      // Administrators manage accounts and never see referral content (separation of duties).
      return NOTHING;
  }
}

/**
 * referralScope as SQL over the referral aliased `r`, for the reads written as one statement.
 * It translates the fragment referralScope gives, so the rule still lives there alone; a
 * fragment of any other shape has no translation and fails closed.
 */
export function referralScopeSql(user: AuthenticatedUser, action: ReferralAction): Prisma.Sql {
  const scope = referralScope(user, action);
  if (scope === NOTHING) return Prisma.sql`false`;
  const keys = Object.keys(scope);
  if (keys.length === 1 && typeof scope.teamId === "string") return Prisma.sql`r."teamId" = ${scope.teamId}::uuid`;
  if (keys.length === 1 && typeof scope.referrerId === "string")
    return Prisma.sql`r."referrerId" = ${scope.referrerId}::uuid`;
  throw new Error(`The scope of ${action} for ${user.role} has no SQL form`);
}

/** Which way a person reads a referral they may open: as its referrer, or as its team. */
export type ReferralAudience = "referrer" | "team";

export function referralAudience(user: AuthenticatedUser): ReferralAudience | null {
  if (roleMay(user.role, "referral.read-as-team")) return "team";
  if (user.role === "REFERRER") return "referrer";
  return null;
}

/**
 * Notes within a referral the user may already open: TEAM notes for the whole team;
 * AGENCY_ONLY notes (police intelligence, say) for the author's agency and the team's lead.
 */
export function noteVisibilityScope(user: AuthenticatedUser): Prisma.NoteWhereInput {
  if (!roleMay(user.role, "note.read")) return NOTHING;
  if (user.role === "LEAD") return {};
  return { OR: [{ visibility: "TEAM" }, { authorAgency: user.agency }] };
}

/** noteVisibilityScope as SQL over the note aliased `n` (policy.test.ts holds them to agree). */
export function noteVisibilitySql(user: AuthenticatedUser): Prisma.Sql {
  if (!roleMay(user.role, "note.read")) return Prisma.sql`false`;
  if (user.role === "LEAD") return Prisma.sql`true`;
  return Prisma.sql`(n."visibility" = 'TEAM' OR n."authorAgency" = ${user.agency}::"Agency")`;
}

/** The same rule as noteVisibilityScope, for a note already loaded (chronology entries). */
export function mayReadNote(user: AuthenticatedUser, note: { visibility: string; authorAgency: string }): boolean {
  if (!roleMay(user.role, "note.read")) return false;
  return user.role === "LEAD" || note.visibility === "TEAM" || note.authorAgency === user.agency;
}

export function canManageDraft(user: AuthenticatedUser, draft: { ownerId: string }): boolean {
  return roleMay(user.role, "draft.manage") && draft.ownerId === user.id;
}

export function may(user: AuthenticatedUser, action: Action): boolean {
  return roleMay(user.role, action);
}
