import type { CurrentUser } from "@cse/contracts";
import type { Agency, Role, UserStatus } from "../../generated/prisma/enums.ts";

/** What every query that loads a person for access decisions selects. */
export const userWithMembership = {
  organisation: { select: { id: true, name: true, agency: true } },
  team: { select: { id: true, code: true, name: true } },
} as const;

export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
  readonly phone: string | null;
  readonly role: Role;
  readonly status: UserStatus;
  readonly agency: Agency;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly team: { readonly id: string; readonly code: string; readonly name: string } | null;
  readonly secondFactorEnabled: boolean;
}

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  jobTitle: string | null;
  phone: string | null;
  role: Role;
  status: UserStatus;
  /** Only whether it is set matters here. */
  totpEnabledAt: Date | string | null;
  organisation: { id: string; name: string; agency: Agency };
  team: { id: string; code: string; name: string } | null;
}

export function toAuthenticatedUser(row: UserRow): AuthenticatedUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    jobTitle: row.jobTitle,
    phone: row.phone,
    role: row.role,
    status: row.status,
    agency: row.organisation.agency,
    organisation: { id: row.organisation.id, name: row.organisation.name },
    team: row.team,
    secondFactorEnabled: row.totpEnabledAt !== null,
  };
}

/** The user a session may act as: only an active account (a disabled one ends the session). */
export function activeUser(row: UserRow | null): AuthenticatedUser | null {
  return row && row.status === "ACTIVE" ? toAuthenticatedUser(row) : null;
}

export function toCurrentUser(user: AuthenticatedUser): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    phone: user.phone,
    role: user.role,
    agency: user.agency,
    organisation: user.organisation,
    team: user.team,
    secondFactorEnabled: user.secondFactorEnabled,
  };
}
