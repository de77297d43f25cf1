import { z } from "zod";

export const uuidSchema = z.uuid({ message: "Must be a valid identifier" });

/** Timestamps cross the API as ISO 8601 strings in UTC. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const agencySchema = z.enum(["POLICE", "SOCIAL_CARE", "HEALTH", "EDUCATION", "VOLUNTARY"]);
export type Agency = z.infer<typeof agencySchema>;

export const agencyLabels: Record<Agency, string> = {
  POLICE: "Police",
  SOCIAL_CARE: "Children's social care",
  HEALTH: "Health",
  EDUCATION: "Education",
  VOLUNTARY: "Voluntary sector",
};

export const roleSchema = z.enum(["REFERRER", "TRIAGE", "LEAD", "ADMIN"]);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  REFERRER: "Referrer",
  TRIAGE: "Triage team member",
  LEAD: "Team safeguarding lead",
  ADMIN: "System administrator",
};

/** Roles that must sign in with a second factor (DESIGN §7). */
export const rolesRequiringSecondFactor: readonly Role[] = ["TRIAGE", "LEAD", "ADMIN"];

/** Roles that belong to a team. */
export const teamRoles: readonly Role[] = ["TRIAGE", "LEAD"];

/** Keyset pagination: an opaque cursor and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;
