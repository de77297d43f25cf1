import {
  changePasswordRequestSchema,
  completeEnrolmentRequestSchema,
  completeEnrolmentResponseSchema,
  csrfResponseSchema,
  currentSessionSchema,
  enrolmentResponseSchema,
  meResponseSchema,
  secondFactorRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
  signedInSchema,
  stepUpRequestSchema,
  stepUpResponseSchema,
} from "@cse/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Conflict, Unauthenticated } from "../../errors.ts";
import { ALL_ROLES } from "../../plugins/auth.ts";
import { requestContext } from "../request-context.ts";
import { toCurrentUser, type AuthenticatedUser } from "../users/user-record.ts";
import type { AuthService } from "./service.ts";
import { sessionTimes, type SessionLifetimes } from "./session-store.ts";

/** How long someone has between the password and the second factor. */
const PENDING_SIGN_IN_MS = 10 * 60_000;

interface AuthRouteOptions {
  readonly auth: AuthService;
  readonly lifetimes: SessionLifetimes;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { auth, lifetimes }) => {
  /** A new session id at every change of privilege, so a planted id is worthless. */
  async function establishSession(
    request: FastifyRequest,
    reply: FastifyReply,
    user: AuthenticatedUser,
    secondFactorProved: boolean,
  ) {
    await request.session.regenerate();
    const now = Date.now();
    request.session.userId = user.id;
    request.session.authenticatedAt = now;
    // Signing in with the second factor counts as a step-up: the same code cannot be used twice.
    if (secondFactorProved) request.session.stepUpAt = now;
    request.session.absoluteExpiresAt = now + lifetimes.absoluteMs;
    return {
      status: "signed-in" as const,
      user: toCurrentUser(user),
      session: sessionTimes(request.session, lifetimes, now),
      csrfToken: reply.issueCsrfToken(),
    };
  }

  async function holdPendingSignIn(request: FastifyRequest, userId: string, stage: "second-factor" | "enrolment") {
    await request.session.regenerate();
    request.session.pending = { userId, stage, expiresAt: Date.now() + PENDING_SIGN_IN_MS };
  }

  app.get(
    "/csrf",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "A CSRF token for this session, to send as x-csrf-token",
        response: { 200: csrfResponseSchema },
      },
    },
    async (_request, reply) => ({ token: reply.issueCsrfToken() }),
  );

  app.post(
    "/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password (and a TOTP code, if the account has one)",
        body: signInRequestSchema,
        response: { 200: signInResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await auth.signIn(request.body, requestContext(request));
      if (outcome.kind === "signed-in")
        return establishSession(request, reply, outcome.user, request.body.totp !== undefined);
      const stage = outcome.kind === "enrolment-required" ? "enrolment" : "second-factor";
      await holdPendingSignIn(request, outcome.userId, stage);
      return { status: outcome.kind, csrfToken: reply.issueCsrfToken() };
    },
  );

  app.post(
    "/second-factor",
    {
      config: { access: "pending-sign-in" },
      schema: {
        tags: ["auth"],
        summary: "Finish signing in with a code from the authenticator app, or a recovery code",
        body: secondFactorRequestSchema,
        response: { 200: signedInSchema },
      },
    },
    async (request, reply) => {
      const pending = request.session.pending!;
      if (pending.stage !== "second-factor") throw new Unauthenticated("Set up your authenticator app first.");
      const user = await auth.completeSecondFactor(pending.userId, request.body, requestContext(request));
      return establishSession(request, reply, user, true);
    },
  );

  app.get(
    "/enrolment",
    {
      config: { access: "pending-sign-in" },
      schema: {
        tags: ["auth"],
        summary: "Start setting up an authenticator app: a new secret and its QR code",
        response: { 200: enrolmentResponseSchema },
      },
    },
    async (request) => {
      const pending = request.session.pending!;
      if (pending.stage !== "enrolment") throw new Unauthenticated("This account already has an authenticator app.");
      const user = await auth.loadActiveUser(pending.userId);
      if (!user) throw new Unauthenticated();
      const enrolment = await auth.beginEnrolment(user.email);
      request.session.enrolmentSecret = enrolment.sealedSecret;
      return { secret: enrolment.secret, otpauthUri: enrolment.otpauthUri, qrCodeDataUri: enrolment.qrCodeDataUri };
    },
  );

  app.post(
    "/enrolment",
    {
      config: { access: "pending-sign-in" },
      schema: {
        tags: ["auth"],
        summary: "Confirm the authenticator app with its first code; returns one-time recovery codes",
        body: completeEnrolmentRequestSchema,
        response: { 200: completeEnrolmentResponseSchema },
      },
    },
    async (request, reply) => {
      const pending = request.session.pending!;
      const sealedSecret = request.session.enrolmentSecret;
      if (pending.stage !== "enrolment" || !sealedSecret) throw new Unauthenticated("Start setting up your app again.");
      const context = requestContext(request);
      const recoveryCodes = await auth.completeEnrolment(pending.userId, sealedSecret, request.body.code, context);
      const user = await auth.completeSignIn(pending.userId, "totp-enrolment", context);
      return { ...(await establishSession(request, reply, user, true)), recoveryCodes };
    },
  );

  // A referrer may choose to protect their account with a second factor (DESIGN §7).
  app.get(
    "/account/second-factor",
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ["auth"],
        summary: "Start adding an authenticator app to your account",
        response: { 200: enrolmentResponseSchema },
      },
    },
    async (request) => {
      if (request.user!.secondFactorEnabled) throw new Conflict("Your account already has an authenticator app.");
      const enrolment = await auth.beginEnrolment(request.user!.email);
      request.session.enrolmentSecret = enrolment.sealedSecret;
      return { secret: enrolment.secret, otpauthUri: enrolment.otpauthUri, qrCodeDataUri: enrolment.qrCodeDataUri };
    },
  );

  app.post(
    "/account/second-factor",
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ["auth"],
        summary: "Confirm the new authenticator app with its first code; returns one-time recovery codes",
        body: completeEnrolmentRequestSchema,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const sealedSecret = request.session.enrolmentSecret;
      if (!sealedSecret || request.user!.secondFactorEnabled) throw new Conflict("Start adding your app again.");
      const recoveryCodes = await auth.completeEnrolment(
        request.user!.id,
        sealedSecret,
        request.body.code,
        requestContext(request),
      );
      delete request.session.enrolmentSecret;
      return { recoveryCodes };
    },
  );

  app.post(
    "/step-up",
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ["auth"],
        summary: "Prove your second factor again before an action that needs it (valid for 5 minutes)",
        body: stepUpRequestSchema,
        response: { 200: stepUpResponseSchema },
      },
    },
    async (request) => {
      await auth.stepUp(request.user!, request.body.code, requestContext(request));
      const now = Date.now();
      request.session.stepUpAt = now;
      return { stepUpExpiresAt: new Date(now + auth.stepUpWindowMs).toISOString() };
    },
  );

  app.post(
    "/logout",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign out: the session ends on the server and its cookie is cleared",
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (request.user) await auth.recordSignOut(request.user, requestContext(request));
      await reply.endSession();
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and when the session ends",
        response: { 200: meResponseSchema },
      },
    },
    async (request) => ({ user: toCurrentUser(request.user!), session: sessionTimes(request.session, lifetimes) }),
  );

  app.get(
    "/session",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Who is signed in on this browser, if anyone",
        response: { 200: currentSessionSchema },
      },
    },
    async (request) =>
      request.user
        ? { user: toCurrentUser(request.user), session: sessionTimes(request.session, lifetimes) }
        : { user: null, session: null },
  );

  app.post(
    "/password",
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ["auth"],
        summary: "Change your password; every other session of yours ends",
        body: changePasswordRequestSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.user!, request.body, request.session.sessionId, requestContext(request));
      // A fresh id for the session that stays, keeping who is signed in and the CSRF secret.
      await request.session.regenerate(["userId", "authenticatedAt", "absoluteExpiresAt"]);
      return reply.code(204).send(null);
    },
  );
};
