import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { loggerOptions } from "./logger.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { auditTrailRoutes } from "./modules/audit/trail-routes.ts";
import { exportRoutes } from "./modules/exports/routes.ts";
import { draftRoutes } from "./modules/drafts/routes.ts";
import { notificationPreferenceRoutes, outboxAdminRoutes } from "./modules/notifications/routes.ts";
import { alertRoutes } from "./modules/alerts/routes.ts";
import { referralRoutes } from "./modules/referrals/routes.ts";
import { triageRoutes } from "./modules/triage/routes.ts";
import { referralTransferRoutes, transferRoutes } from "./modules/transfers/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { bankHolidayRoutes } from "./modules/routing/bank-holiday-routes.ts";
import { postcodeDirectoryRoutes } from "./modules/routing/directory-routes.ts";
import { routingRuleRoutes } from "./modules/routing/routes.ts";
import { adminRoutes } from "./modules/users/admin-routes.ts";
import { invitationRoutes } from "./modules/users/invitation-routes.ts";
import { authentication } from "./plugins/auth.ts";
import { csrf } from "./plugins/csrf.ts";
import { openApi } from "./plugins/openapi.ts";
import { problemDetails, sendProblem } from "./plugins/problem-details.ts";
import { rateLimit } from "./plugins/rate-limit.ts";
import { security } from "./plugins/security.ts";
import { sessions } from "./plugins/session.ts";
import { webApp } from "./plugins/web-app.ts";
import type { Clock } from "./services/clock.ts";
import { linkRoutes } from "./modules/links/routes.ts";
import { dashboardRoutes } from "./modules/dashboard/routes.ts";
import type { LinkRequests } from "./modules/links/link-requests.ts";
import { createServices } from "./services/index.ts";
import type { Secrets } from "./startup/secrets.ts";

export interface AppOptions {
  readonly config: Config;
  readonly db: Database;
  readonly secrets: Secrets;
  /** Where logs go; tests pass a stream to read them. Defaults to stdout. */
  readonly logStream?: DestinationStream;
  /** Sees every route as it is added (tests use it to check each route's schemas). */
  readonly onRoute?: (route: RouteOptions) => void;
  /** "Now" for every rule; defaults to the system clock (tests set their own). */
  readonly clock?: Clock;
  /** Where submissions ask for links to be computed (the job queue); none in most tests. */
  readonly linkRequests?: LinkRequests;
}

export async function buildApp({
  config,
  db,
  secrets,
  logStream,
  onRoute,
  clock,
  linkRequests,
}: AppOptions): Promise<FastifyInstance> {
  const { trustProxy } = config;
  const serverOptions: FastifyServerOptions = {
    logger: loggerOptions(config.logLevel, logStream),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // A hop count as the function Fastify would make of it (the nearest N addresses are proxies).
    trustProxy: typeof trustProxy === "number" ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // A URL the router cannot decode (/api/users/%FF) is refused before routing: as problem+json too.
    frameworkErrors: (_error, request, reply) => {
      void sendProblem(reply, request, "validation-failed", { detail: "The address of this request is not valid." });
    },
  };
  const app = Fastify(serverOptions);
  if (onRoute) app.addHook("onRoute", onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const services = createServices({
    config,
    db,
    secrets,
    ...(clock ? { clock } : {}),
    ...(linkRequests ? { linkRequests } : {}),
  });
  const lifetimes = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };

  // Order matters: errors, headers and the rate limit first, then sessions, CSRF and who is
  // asking, then OpenAPI (it records routes as they are added), then the routes.
  await app.register(problemDetails);
  await app.register(security, { isProduction: config.isProduction });
  await app.register(rateLimit, { perMinute: config.rateLimitPerMinute });
  await app.register(sessions, {
    db,
    secret: secrets.sessionSecret,
    lifetimes,
    secureCookie: config.isProduction,
  });
  await app.register(csrf, { secret: secrets.sessionSecret, secureCookie: config.isProduction });
  await app.register(authentication, {
    loadActiveUser: services.auth.loadActiveUser,
    lifetimes,
    audit: services.audit,
  });
  if (config.apiDocs) await app.register(openApi);

  await app.register(healthRoutes, { prefix: "/api", health: services.health });
  await app.register(authRoutes, { prefix: "/api/auth", auth: services.auth, lifetimes });
  await app.register(invitationRoutes, { prefix: "/api/invitations", invitations: services.invitations });
  await app.register(adminRoutes, { prefix: "/api/admin", admin: services.userAdmin });
  await app.register(routingRuleRoutes, { prefix: "/api/admin/routing-rules", rules: services.routingRules });
  await app.register(postcodeDirectoryRoutes, {
    prefix: "/api/admin/postcode-directory",
    directory: services.postcodeDirectory,
  });
  await app.register(bankHolidayRoutes, { prefix: "/api/admin/bank-holidays", bankHolidays: services.bankHolidays });
  await app.register(draftRoutes, { prefix: "/api/drafts", drafts: services.drafts });
  await app.register(referralRoutes, {
    prefix: "/api/referrals",
    submission: services.referralSubmission,
    reading: services.referralReading,
    triage: services.triage,
  });
  await app.register(triageRoutes, { prefix: "/api/referrals", triage: services.triage });
  await app.register(referralTransferRoutes, { prefix: "/api/referrals", transfers: services.transfers });
  await app.register(transferRoutes, { prefix: "/api/transfers", transfers: services.transfers });
  await app.register(linkRoutes, { prefix: "/api/referrals", links: services.links });
  await app.register(alertRoutes, { prefix: "/api/alerts", alerts: services.alerts });
  await app.register(exportRoutes, { prefix: "/api/exports", exportReferrals: services.exportReferrals });
  await app.register(auditTrailRoutes, { prefix: "/api/audit", readReferralTrail: services.readReferralTrail });
  await app.register(dashboardRoutes, { prefix: "/api/dashboard", dashboard: services.dashboard });
  await app.register(notificationPreferenceRoutes, {
    prefix: "/api/account/notifications",
    preferences: services.notificationPreferences,
    emailMode: config.email.mode,
  });
  await app.register(outboxAdminRoutes, {
    prefix: "/api/admin/notifications",
    outbox: services.outboxStatus,
    emailMode: config.email.mode,
  });
  await app.register(webApp, { distDir: config.webDistDir });

  return app;
}
