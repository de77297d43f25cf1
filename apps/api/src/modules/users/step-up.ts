import type { Role } from "../../generated/prisma/enums.ts";
import { StepUpRequired } from "../../errors.ts";

/** Roles that can read children's records or manage accounts: giving one out needs a step-up. */
const STAFF_ROLES: readonly Role[] = ["TRIAGE", "LEAD", "ADMIN"];

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** When the acting user last proved their second factor in this session, if ever. */
export interface StepUp {
  readonly verifiedAt: Date | null;
}

/**
 * Separation of duties: an administrator's password alone (a session left open, a stolen
 * cookie) must not be enough to mint a staff account or take over someone's second factor.
 * Returns what the audit entry records, so the trail shows the action was stepped up.
 */
export function requireRecentStepUp(stepUp: StepUp, now: Date, windowMs: number): { stepUpAt: string } {
  const verifiedAt = stepUp.verifiedAt;
  if (!verifiedAt || now.getTime() - verifiedAt.getTime() > windowMs) {
    throw new StepUpRequired("Enter the code from your authenticator app to confirm it is you.");
  }
  return { stepUpAt: verifiedAt.toISOString() };
}
