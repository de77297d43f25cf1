import { describe, expect, it } from "vitest";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { PERMISSIONS } from "./permissions.ts";
import {
  canManageDraft,
  mayReadNote,
  noteVisibilityScope,
  NOTHING,
  referralAudience,
  referralScope,
} from "./policy.ts";

const user = (role: AuthenticatedUser["role"], extra: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({
  id: `${role.toLowerCase()}-1`,
  email: "x@test.example",
  displayName: "X",
  jobTitle: null,
  phone: null,
  role,
  status: "ACTIVE",
  agency: "SOCIAL_CARE",
  organisation: { id: "org", name: "Org" },
  team: role === "TRIAGE" || role === "LEAD" ? { id: "bradford", code: "bradford", name: "Bradford" } : null,
  secondFactorEnabled: true,
  ...extra,
});

describe("the policy's scopes", () => {
  it("gives a referrer their own referrals only, and nothing of the team's work", () => {
    expect(referralScope(user("REFERRER"), "referral.read")).toEqual({ referrerId: "referrer-1" });
    expect(referralScope(user("REFERRER"), "referral.addendum")).toEqual({ referrerId: "referrer-1" });
    for (const action of ["referral.queue", "referral.assign", "note.create", "referral.decide"] as const)
      expect(referralScope(user("REFERRER"), action), action).toEqual(NOTHING);
  });

  it("gives team members their team's referrals, whatever their agency, and no other team's", () => {
    expect(referralScope(user("TRIAGE", { agency: "POLICE" }), "referral.read-as-team")).toEqual({
      teamId: "bradford",
    });
    expect(referralScope(user("LEAD"), "referral.queue")).toEqual({ teamId: "bradford" });
    expect(referralScope(user("TRIAGE", { team: null }), "referral.read")).toEqual(NOTHING);
  });

  it("keeps the lead's actions to leads", () => {
    for (const action of ["referral.reassign", "risk.approve", "decision.approve"] as const) {
      expect(referralScope(user("TRIAGE"), action), action).toEqual(NOTHING);
      expect(referralScope(user("LEAD"), action), action).toEqual({ teamId: "bradford" });
    }
  });

  it("routes from the hub only what the hub holds", () => {
    expect(referralScope(user("TRIAGE"), "referral.route-from-hub")).toEqual({
      teamId: "bradford",
      team: { isHub: true },
    });
  });

  it("lets the receiving lead review and decide a transfer only while one waits for their team", () => {
    const waiting = { transfers: { some: { status: "PENDING", toTeamId: "bradford" } } };
    expect(referralScope(user("LEAD"), "transfer.review")).toEqual(waiting);
    expect(referralScope(user("LEAD"), "transfer.decide")).toEqual(waiting);
    expect(referralScope(user("TRIAGE"), "transfer.review")).toEqual(NOTHING);
    expect(referralScope(user("TRIAGE"), "transfer.decide")).toEqual(NOTHING);
    // Asking and withdrawing belong to the team that holds the referral.
    expect(referralScope(user("TRIAGE"), "transfer.request")).toEqual({ teamId: "bradford" });
    expect(referralScope(user("TRIAGE"), "transfer.cancel")).toEqual({ teamId: "bradford" });
    expect(referralScope(user("REFERRER"), "transfer.request")).toEqual(NOTHING);
  });

  it("never lets an administrator near referral content, for any action", () => {
    for (const action of Object.keys(PERMISSIONS).filter((name) => name.startsWith("referral.")))
      expect(referralScope(user("ADMIN"), action as "referral.read"), action).toEqual(NOTHING);
    expect(referralAudience(user("ADMIN"))).toBeNull();
  });

  it("reads a referral as its referrer or as its team, by role", () => {
    expect(referralAudience(user("REFERRER"))).toBe("referrer");
    expect(referralAudience(user("TRIAGE"))).toBe("team");
    expect(referralAudience(user("LEAD"))).toBe("team");
  });

  it("shows agency-only notes to that agency and the lead only, in the query and for a loaded note alike", () => {
    expect(noteVisibilityScope(user("LEAD"))).toEqual({});
    expect(noteVisibilityScope(user("TRIAGE", { agency: "POLICE" }))).toEqual({
      OR: [{ visibility: "TEAM" }, { authorAgency: "POLICE" }],
    });
    expect(noteVisibilityScope(user("REFERRER"))).toEqual(NOTHING);
    const policeNote = { visibility: "AGENCY_ONLY", authorAgency: "POLICE" };
    expect(mayReadNote(user("TRIAGE", { agency: "POLICE" }), policeNote)).toBe(true);
    expect(mayReadNote(user("TRIAGE", { agency: "SOCIAL_CARE" }), policeNote)).toBe(false);
    expect(mayReadNote(user("LEAD", { agency: "HEALTH" }), policeNote)).toBe(true);
    expect(mayReadNote(user("TRIAGE"), { visibility: "TEAM", authorAgency: "POLICE" })).toBe(true);
    expect(mayReadNote(user("REFERRER"), { visibility: "TEAM", authorAgency: "SOCIAL_CARE" })).toBe(false);
  });

  it("keeps drafts to their authors", () => {
    expect(canManageDraft(user("REFERRER"), { ownerId: "referrer-1" })).toBe(true);
    expect(canManageDraft(user("REFERRER"), { ownerId: "other" })).toBe(false);
    expect(canManageDraft(user("TRIAGE", { id: "other" }), { ownerId: "other" })).toBe(false);
  });
});
