import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Role } from "../generated/prisma/enums.ts";
import type { AuditService } from "../modules/audit/service.ts";
import type { AuthenticatedUser } from "../modules/users/user-record.ts";
import { sessionTimes, type SessionLifetimes } from "../modules/auth/session-store.ts";
import { sendProblem } from "./problem-details.ts";

/**
 * Who may call a route, declared on the route itself (`config: { access }`):
 * - `public`: anyone;
 * - `pending-sign-in`: someone half-way through signing in (password checked, second factor next);
 * - a list of roles: a signed-in user with one of them (object-level checks follow in the service).
 * A route under /api without a declaration is refused: access is denied by default.
 */
export type RouteAccess = "public" | "pending-sign-in" | readonly Role[];

declare module "fastify" {
  interface FastifyRequest {
    user: AuthenticatedUser | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const ALL_ROLES: readonly Role[] = ["REFERRER", "TRIAGE", "LEAD", "ADMIN"];

interface AuthOptions {
  /** Loads an active user by id, or null when the account is gone or disabled. */
  readonly loadActiveUser: (userId: string) => Promise<AuthenticatedUser | null>;
  readonly lifetimes: SessionLifetimes;
  /** Where a signed-in user refused by role is recorded. */
  readonly audit: Pick<AuditService, "recordAlone">;
}

function isUndeclaredRouteAllowed(request: FastifyRequest): boolean {
  // Routes registered by libraries: static files of the web app, and the API documentation.
  const url = request.routeOptions.url ?? "";
  return !url.startsWith("/api/") || url.startsWith("/api/docs");
}

async function resolveUser(request: FastifyRequest, options: AuthOptions): Promise<void> {
  request.user = null;
  const userId = request.session.userId;
  if (!userId) return;
  // The store loads the user with the session; a session whose user changed since (sign-in
  // regenerates it) or that was made in this request has no such copy and asks the database.
  const loaded = request.session.signedInUser;
  const user =
    loaded !== undefined && (loaded === null || loaded.id === userId) ? loaded : await options.loadActiveUser(userId);
  if (user) {
    request.user = user;
    return;
  }
  // Disabled or removed since signing in: the session ends now.
  await request.session.destroy();
}

async function enforceAccess(request: FastifyRequest, reply: FastifyReply, options: AuthOptions) {
  if (request.is404) return;
  const access = request.routeOptions.config.access;
  if (access === undefined) {
    if (isUndeclaredRouteAllowed(request)) return;
    request.log.error({ route: request.routeOptions.url }, "route has no access rule; refusing");
    return sendProblem(reply, request, "forbidden");
  }
  if (access === "public") return;
  if (access === "pending-sign-in") {
    const pending = request.session.pending;
    if (!pending || pending.expiresAt <= Date.now()) {
      return sendProblem(reply, request, "unauthenticated", { detail: "Sign in again: this step has expired." });
    }
    return;
  }
  if (!request.user) return sendProblem(reply, request, "unauthenticated");
  if (!access.includes(request.user.role)) {
    // A signed-in user trying a route their role does not allow is worth knowing about, as a
    // refused referral is: the route's pattern is recorded, never its parameters.
    await options.audit.recordAlone({
      actor: request.user,
      action: "route.refuse",
      outcome: "DENIED",
      entityType: "Route",
      entityId: `${request.method} ${request.routeOptions.url ?? ""}`,
      requestId: request.id,
      details: { reason: "role-not-permitted" },
    });
    return sendProblem(reply, request, "forbidden");
  }
}

export const authentication = fp(
  async (app: FastifyInstance, options: AuthOptions) => {
    app.decorateRequest("user", null);
    // Before validation: an anonymous caller learns nothing from schema errors.
    app.addHook("preValidation", async (request, reply) => {
      await resolveUser(request, options);
      return enforceAccess(request, reply, options);
    });
    // Each answer tells the web app when the session will now end, for its timeout warning.
    app.addHook("onSend", async (request, reply) => {
      if (request.user && request.session?.userId) {
        reply.header("x-session-idle-expires-at", sessionTimes(request.session, options.lifetimes).idleExpiresAt);
      }
    });
  },
  { name: "authentication", dependencies: ["sessions"] },
);
