import { z } from "zod/mini";
import { emailSchema } from "./auth.ts";
import {
  agencySchema,
  isoDateTimeSchema,
  pageQuerySchema,
  roleSchema,
  teamRoles,
  textField,
  uuidSchema,
} from "./common.ts";

export const userStatusSchema = z.enum(["INVITED", "ACTIVE", "DISABLED"]);
export type UserStatus = z.infer<typeof userStatusSchema>;

const displayNameSchema = textField("Full name", { error: "Enter the person's full name" }).check(
  z.trim(),
  z.minLength(1, "Enter the person's full name"),
  z.maxLength(120, "Full name must be 120 characters or fewer"),
);

const jobTitleSchema = textField("Job title").check(
  z.trim(),
  z.maxLength(120, "Job title must be 120 characters or fewer"),
);

/** Triage members and leads belong to one team; nobody else belongs to any. Null when that holds. */
export function teamMembershipProblem(role: string, teamId: string | null | undefined): string | null {
  const needsTeam = (teamRoles as readonly string[]).includes(role);
  if (needsTeam && !teamId) return "Select the team this person works in";
  if (!needsTeam && teamId) return "Only triage members and leads belong to a team";
  return null;
}

const teamMembershipRule = (value: { role?: string; teamId?: string | null }, ctx: z.core.$RefinementCtx) => {
  const problem = value.role === undefined ? null : teamMembershipProblem(value.role, value.teamId);
  if (problem) ctx.addIssue({ code: "custom", path: ["teamId"], message: problem });
};

export const inviteUserRequestSchema = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    jobTitle: z.optional(jobTitleSchema),
    role: roleSchema,
    organisationId: uuidSchema,
    teamId: z.optional(z.nullable(uuidSchema)),
  })
  .check(z.superRefine(teamMembershipRule))
  .register(z.globalRegistry, {
    examples: [
      {
        email: "sam.taylor@school.example",
        displayName: "Sam Taylor",
        jobTitle: "Designated safeguarding lead",
        role: "REFERRER",
        organisationId: "0195f0a2-7c1e-7000-8000-000000000001",
        teamId: null,
      },
    ],
  });
export type InviteUserRequest = z.input<typeof inviteUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: z.optional(displayNameSchema),
    jobTitle: z.optional(z.nullable(jobTitleSchema)),
    role: z.optional(roleSchema),
    organisationId: z.optional(uuidSchema),
    teamId: z.optional(z.nullable(uuidSchema)),
  })
  .check(z.superRefine(teamMembershipRule))
  .register(z.globalRegistry, {
    examples: [{ role: "TRIAGE", teamId: "0195f0a2-7c1e-7000-8000-000000000002" }],
  });
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

export const adminUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.nullable(z.string()),
  role: roleSchema,
  status: userStatusSchema,
  agency: agencySchema,
  organisation: z.object({ id: uuidSchema, name: z.string() }),
  team: z.nullable(z.object({ id: uuidSchema, code: z.string(), name: z.string() })),
  secondFactorEnabled: z.boolean(),
  lastSignInAt: z.nullable(isoDateTimeSchema),
  createdAt: isoDateTimeSchema,
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const listUsersQuerySchema = z.extend(pageQuerySchema, {
  status: z.optional(userStatusSchema),
  role: z.optional(roleSchema),
  teamId: z.optional(uuidSchema),
  /** Matches the start of a name or email address. */
  search: z.optional(textField("Search").check(z.trim(), z.maxLength(100))),
});

export const userPageSchema = z.object({ users: z.array(adminUserSchema), nextCursor: z.nullable(z.string()) });

export const invitationIssuedSchema = z.object({
  user: adminUserSchema,
  /**
   * Path of the one-time link, to pass to the person by a trusted route; shown once. Null when
   * email is on: the link went to the person by email and is never shown to the administrator.
   */
  invitationPath: z.nullable(z.string()),
  emailed: z.boolean(),
  expiresAt: isoDateTimeSchema,
});
export type InvitationIssued = z.infer<typeof invitationIssuedSchema>;

export const organisationSchema = z.object({ id: uuidSchema, name: z.string(), agency: agencySchema });
export type Organisation = z.infer<typeof organisationSchema>;

export const createOrganisationRequestSchema = z
  .strictObject({
    name: textField("Name").check(
      z.trim(),
      z.minLength(1, "Enter the organisation's name"),
      z.maxLength(160, "Name must be 160 characters or fewer"),
    ),
    agency: agencySchema,
  })
  .register(z.globalRegistry, { examples: [{ name: "Calderdale Youth Service", agency: "VOLUNTARY" }] });

export const teamSchema = z.object({ id: uuidSchema, code: z.string(), name: z.string(), isHub: z.boolean() });
export type Team = z.infer<typeof teamSchema>;
