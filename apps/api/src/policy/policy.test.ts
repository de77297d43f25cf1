import { describe, expect, it } from "vitest";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { canAddAddendum, canManageDraft, canReadNote, canReadReferral, referralListScope } from "./policy.ts";

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

const referral = { referrerId: "referrer-1", teamId: "bradford" };

describe("the policy", () => {
  it("lets a referrer read only their own referrals", () => {
    expect(canReadReferral(user("REFERRER"), referral)).toBe(true);
    expect(canReadReferral(user("REFERRER", { id: "someone-else" }), referral)).toBe(false);
  });

  it("lets team members read their team's referrals, whatever their agency, and no other team's", () => {
    expect(canReadReferral(user("TRIAGE", { agency: "POLICE" }), referral)).toBe(true);
    expect(canReadReferral(user("LEAD"), referral)).toBe(true);
    expect(canReadReferral(user("TRIAGE", { team: { id: "leeds", code: "leeds", name: "Leeds" } }), referral)).toBe(
      false,
    );
    expect(canReadReferral(user("TRIAGE", { team: null }), referral)).toBe(false);
  });

  it("never lets an administrator see referral content", () => {
    expect(canReadReferral(user("ADMIN", { id: "referrer-1" }), referral)).toBe(false);
    expect(referralListScope(user("ADMIN"), "mine")).toEqual({ id: { in: [] } });
  });

  it("shows agency-only notes to that agency and the lead only", () => {
    const policeNote = { visibility: "AGENCY_ONLY" as const, authorAgency: "POLICE" as const };
    expect(canReadNote(user("TRIAGE", { agency: "POLICE" }), referral, policeNote)).toBe(true);
    expect(canReadNote(user("TRIAGE", { agency: "SOCIAL_CARE" }), referral, policeNote)).toBe(false);
    expect(canReadNote(user("LEAD", { agency: "HEALTH" }), referral, policeNote)).toBe(true);
    expect(canReadNote(user("TRIAGE"), referral, { visibility: "TEAM", authorAgency: "POLICE" })).toBe(true);
    expect(canReadNote(user("REFERRER"), referral, { visibility: "TEAM", authorAgency: "SOCIAL_CARE" })).toBe(false);
  });

  it("scopes lists exactly as it decides single reads", () => {
    expect(referralListScope(user("REFERRER"), "mine")).toEqual({ referrerId: "referrer-1" });
    expect(referralListScope(user("REFERRER"), "team")).toEqual({ id: { in: [] } });
    expect(referralListScope(user("TRIAGE"), "team")).toEqual({ teamId: "bradford" });
    expect(referralListScope(user("TRIAGE", { team: null }), "team")).toEqual({ id: { in: [] } });
  });

  it("keeps addenda and drafts to their authors", () => {
    expect(canAddAddendum(user("REFERRER"), referral)).toBe(true);
    expect(canAddAddendum(user("LEAD"), referral)).toBe(false);
    expect(canManageDraft(user("REFERRER"), { ownerId: "referrer-1" })).toBe(true);
    expect(canManageDraft(user("REFERRER"), { ownerId: "other" })).toBe(false);
    expect(canManageDraft(user("TRIAGE", { id: "other" }), { ownerId: "other" })).toBe(false);
  });
});
