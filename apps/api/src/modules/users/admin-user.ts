import type { AdminUser } from "@cse/contracts/admin";
import type { Agency, Role, UserStatus } from "../../generated/prisma/enums.ts";

interface AdminUserRow {
  id: string;
  email: string;
  displayName: string;
  jobTitle: string | null;
  role: Role;
  status: UserStatus;
  totpEnabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  organisation: { id: string; name: string; agency: Agency };
  team: { id: string; code: string; name: string } | null;
}

export function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    jobTitle: row.jobTitle,
    role: row.role,
    status: row.status,
    agency: row.organisation.agency,
    organisation: { id: row.organisation.id, name: row.organisation.name },
    team: row.team,
    secondFactorEnabled: row.totpEnabledAt !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
