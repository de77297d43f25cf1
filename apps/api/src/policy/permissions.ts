import type { Role } from "../generated/prisma/enums.ts";

/**
 * Who may attempt what, as data (DESIGN §2). A role not listed may not. Object-level rules
 * (whose referral, which team) are in policy.ts and apply on top of this.
 */
export const PERMISSIONS = {
  "referral.create": ["REFERRER"],
  "referral.read": ["REFERRER", "TRIAGE", "LEAD"],
  "referral.list": ["REFERRER", "TRIAGE", "LEAD"],
  "referral.addendum": ["REFERRER"],
  "draft.manage": ["REFERRER"],
  "note.read": ["TRIAGE", "LEAD"],
  "user.manage": ["ADMIN"],
  "organisation.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function roleMay(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
