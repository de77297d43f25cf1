import { containsForbiddenCharacters, teamRoles } from "@cse/contracts";
import { teamMembershipProblem, type InviteUserRequest, type UpdateUserRequest } from "@cse/contracts/admin";
import type { Config } from "../../config.ts";
import type { Clock } from "../../services/clock.ts";
import type { Database, Transaction } from "../../db/client.ts";
import { Conflict, NotFound, ValidationFailed } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Role, UserStatus } from "../../generated/prisma/enums.ts";
import type { RequestContext } from "../../services/context.ts";
import { isStaffRole, requireRecentStepUp, type StepUp } from "./step-up.ts";
import type { AuditService } from "../audit/service.ts";
import { invitationPath, newInvitationToken } from "./invitation-token.ts";
import { toAdminUser } from "./admin-user.ts";
import type { Outbox } from "../notifications/outbox.ts";
import type { SecretBox } from "../../security/encryption.ts";
import { userWithMembership, type AuthenticatedUser } from "./user-record.ts";

interface AdminDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly config: Config;
  readonly clock: Clock;
  readonly outbox: Outbox;
  readonly secretBox: SecretBox;
}

export interface ListUsersQuery {
  readonly cursor?: string | undefined;
  readonly limit: number;
  readonly status?: UserStatus | undefined;
  readonly role?: Role | undefined;
  readonly teamId?: string | undefined;
  readonly search?: string | undefined;
}

/**
 * Prisma's startsWith is a LIKE with the value as given, so % and _ in a search would match
 * anything (a search for "%" listed every user). Escaped, they match only themselves.
 */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const email = Buffer.from(cursor, "base64url").toString("utf8");
  if (!email.includes("@") || containsForbiddenCharacters(email) || email.includes("\ufffd"))
    throw new ValidationFailed([{ path: "query.cursor", message: "The cursor is not valid" }]);
  return email;
}

/** Account management for administrators. Every change is audited; none touches referral content. */
export function createUserAdminService({ db, audit, config, clock, outbox, secretBox }: AdminDependencies) {
  async function findUser(tx: Transaction | Database, id: string) {
    const user = await tx.user.findUnique({ where: { id }, include: userWithMembership });
    if (!user) throw new NotFound("There is no user with that id.");
    return user;
  }

  async function checkMembership(tx: Transaction, role: Role, organisationId: string, teamId: string | null) {
    const fieldErrors = [];
    if (!(await tx.organisation.findUnique({ where: { id: organisationId } }))) {
      fieldErrors.push({ path: "organisationId", message: "Select an organisation from the list" });
    }
    // The request schema checks this too, but a change of role alone can leave the team wrong.
    const membership = teamMembershipProblem(role, teamId);
    if (membership) fieldErrors.push({ path: "teamId", message: membership });
    if (teamId && !(await tx.team.findUnique({ where: { id: teamId } }))) {
      fieldErrors.push({ path: "teamId", message: "Select a team from the list" });
    }
    if (fieldErrors.length > 0) throw new ValidationFailed(fieldErrors);
  }

  /**
   * With email on, the link goes to the person by email and the administrator never sees it;
   * with email off (development, the seeded demo) it is shown once to the administrator.
   */
  async function issueInvitation(tx: Transaction, userId: string, createdById: string, reset: boolean) {
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + config.invitationValidMs);
    // Only the newest link works.
    await tx.invitation.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    const invitation = await tx.invitation.create({
      data: { userId, tokenHash, expiresAt, createdById },
      select: { id: true },
    });
    const path = invitationPath(token);
    if (!outbox.emailEnabled) return { invitationPath: path, emailed: false, expiresAt: expiresAt.toISOString() };
    await outbox.record(
      tx,
      {
        kind: reset ? "PASSWORD_RESET" : "INVITATION",
        eventKey: `invitation:${invitation.id}`,
        recipientIds: [userId],
        sealedLink: secretBox.seal(path),
      },
      clock.now(),
    );
    return { invitationPath: null, emailed: true, expiresAt: expiresAt.toISOString() };
  }

  async function changeStatus(
    admin: AuthenticatedUser,
    id: string,
    action: string,
    context: RequestContext,
    change: (tx: Transaction, user: Awaited<ReturnType<typeof findUser>>) => Promise<Prisma.UserUpdateInput>,
    stepUpNeeded: (user: Awaited<ReturnType<typeof findUser>>) => StepUp | null = () => null,
  ) {
    if (id === admin.id) throw new Conflict("You cannot do this to your own account. Ask another administrator.");
    return db.$transaction(async (tx) => {
      const user = await findUser(tx, id);
      const stepUp = stepUpNeeded(user);
      const proof = stepUp ? requireRecentStepUp(stepUp, clock.now(), config.stepUpWindowMs) : {};
      const updated = await tx.user.update({
        where: { id },
        data: await change(tx, user),
        include: userWithMembership,
      });
      await tx.session.deleteMany({ where: { userId: id } });
      await audit.record(tx, {
        actor: admin,
        action,
        entityType: "User",
        entityId: id,
        teamId: user.teamId,
        requestId: context.requestId,
        ...(stepUp ? { details: proof } : {}),
      });
      return toAdminUser(updated);
    });
  }

  return {
    async listUsers(query: ListUsersQuery) {
      const after = decodeCursor(query.cursor);
      const where: Prisma.UserWhereInput = {
        ...(query.status ? { status: query.status } : {}),
        ...(query.role ? { role: query.role } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
        ...(query.search
          ? {
              OR: [
                { email: { startsWith: likeLiteral(query.search.toLowerCase()) } },
                { displayName: { startsWith: likeLiteral(query.search), mode: "insensitive" } },
              ],
            }
          : {}),
        ...(after ? { email: { gt: after } } : {}),
      };
      const rows = await db.user.findMany({
        where,
        include: userWithMembership,
        orderBy: { email: "asc" },
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        users: page.map(toAdminUser),
        nextCursor: rows.length > query.limit && last ? Buffer.from(last.email).toString("base64url") : null,
      };
    },

    async getUser(id: string) {
      return toAdminUser(await findUser(db, id));
    },

    async inviteUser(
      admin: AuthenticatedUser,
      input: InviteUserRequest & { email: string },
      stepUp: StepUp,
      context: RequestContext,
    ) {
      const proof = isStaffRole(input.role) ? requireRecentStepUp(stepUp, clock.now(), config.stepUpWindowMs) : {};
      return db.$transaction(async (tx) => {
        const teamId = input.teamId ?? null;
        await checkMembership(tx, input.role, input.organisationId, teamId);
        if (await tx.user.findUnique({ where: { email: input.email } })) {
          throw new ValidationFailed([{ path: "email", message: "An account with this email address already exists" }]);
        }
        const user = await tx.user.create({
          data: {
            email: input.email,
            displayName: input.displayName,
            jobTitle: input.jobTitle ?? null,
            role: input.role,
            organisationId: input.organisationId,
            teamId,
            status: "INVITED",
          },
          include: userWithMembership,
        });
        const invitation = await issueInvitation(tx, user.id, admin.id, false);
        await audit.record(tx, {
          actor: admin,
          action: "user.invite",
          entityType: "User",
          entityId: user.id,
          teamId,
          requestId: context.requestId,
          details: { role: input.role, ...proof },
        });
        return { user: toAdminUser(user), ...invitation };
      });
    },

    async updateUser(
      admin: AuthenticatedUser,
      id: string,
      input: UpdateUserRequest,
      stepUp: StepUp,
      context: RequestContext,
    ) {
      return db.$transaction(async (tx) => {
        const user = await findUser(tx, id);
        const role = input.role ?? user.role;
        const organisationId = input.organisationId ?? user.organisation.id;
        const teamId =
          input.teamId !== undefined ? input.teamId : teamRoles.includes(role) ? (user.team?.id ?? null) : null;
        if (id === admin.id && role !== user.role)
          throw new Conflict("You cannot change your own role. Ask another administrator.");
        await checkMembership(tx, role, organisationId, teamId);
        // Elevating: a staff role given, or a staff member moved to a team whose records they gain.
        const elevates = isStaffRole(role) && (role !== user.role || teamId !== (user.team?.id ?? null));
        const proof = elevates ? requireRecentStepUp(stepUp, clock.now(), config.stepUpWindowMs) : {};
        const updated = await tx.user.update({
          where: { id },
          data: {
            ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
            ...(input.jobTitle !== undefined ? { jobTitle: input.jobTitle } : {}),
            role,
            organisationId,
            teamId,
          },
          include: userWithMembership,
        });
        const accessChanged =
          role !== user.role || teamId !== (user.team?.id ?? null) || organisationId !== user.organisation.id;
        // What someone may see has changed: they sign in again and get the new rights.
        if (accessChanged) await tx.session.deleteMany({ where: { userId: id } });
        await audit.record(tx, {
          actor: admin,
          action: "user.update",
          entityType: "User",
          entityId: id,
          teamId,
          requestId: context.requestId,
          details: {
            fields: Object.keys(input).sort(),
            role,
            teamId,
            organisationId,
            sessionsRevoked: accessChanged,
            ...proof,
          },
        });
        return toAdminUser(updated);
      });
    },

    disableUser: (admin: AuthenticatedUser, id: string, context: RequestContext) =>
      changeStatus(admin, id, "user.disable", context, async () => ({ status: "DISABLED", disabledAt: new Date() })),

    /** Giving a staff account its access back is as sensitive as creating one. */
    enableUser: (admin: AuthenticatedUser, id: string, stepUp: StepUp, context: RequestContext) =>
      changeStatus(
        admin,
        id,
        "user.enable",
        context,
        async (tx, user) => {
          const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
          return { status: row.passwordHash ? "ACTIVE" : "INVITED", disabledAt: null };
        },
        (user) => (isStaffRole(user.role) ? stepUp : null),
      ),

    resetSecondFactor: (admin: AuthenticatedUser, id: string, stepUp: StepUp, context: RequestContext) =>
      changeStatus(
        admin,
        id,
        "user.second-factor.reset",
        context,
        async (tx) => {
          await tx.recoveryCode.deleteMany({ where: { userId: id } });
          return { totpSecret: null, totpEnabledAt: null, totpLastStep: null };
        },
        () => stepUp,
      ),

    /** A new one-time link: an invitation for someone new, a password reset for an existing account. */
    async reissueInvitation(admin: AuthenticatedUser, id: string, stepUp: StepUp, context: RequestContext) {
      return db.$transaction(async (tx) => {
        const user = await findUser(tx, id);
        if (user.status === "DISABLED") throw new Conflict("Enable this account before sending it a new link.");
        // Whoever holds the new link sets the password: for any account, that is a takeover.
        const proof = requireRecentStepUp(stepUp, clock.now(), config.stepUpWindowMs);
        const invitation = await issueInvitation(tx, id, admin.id, user.status === "ACTIVE");
        await audit.record(tx, {
          actor: admin,
          action: "user.invitation.issue",
          entityType: "User",
          entityId: id,
          teamId: user.teamId,
          requestId: context.requestId,
          details: { reset: user.status === "ACTIVE", ...proof },
        });
        return { user: toAdminUser(user), ...invitation };
      });
    },

    async listOrganisations() {
      return db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, agency: true } });
    },

    async createOrganisation(
      admin: AuthenticatedUser,
      input: { name: string; agency: "POLICE" | "SOCIAL_CARE" | "HEALTH" | "EDUCATION" | "VOLUNTARY" },
      context: RequestContext,
    ) {
      return db.$transaction(async (tx) => {
        if (await tx.organisation.findUnique({ where: { name: input.name } })) {
          throw new ValidationFailed([{ path: "name", message: "An organisation with this name already exists" }]);
        }
        const organisation = await tx.organisation.create({
          data: input,
          select: { id: true, name: true, agency: true },
        });
        await audit.record(tx, {
          actor: admin,
          action: "organisation.create",
          entityType: "Organisation",
          entityId: organisation.id,
          requestId: context.requestId,
        });
        return organisation;
      });
    },

    async listTeams() {
      return db.team.findMany({
        orderBy: [{ isHub: "asc" }, { name: "asc" }],
        select: { id: true, code: true, name: true, isHub: true },
      });
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
