import {
  addAddendumRequestSchema,
  addendumSchema,
  EXAMPLE_REFERRAL_SUBMISSION,
  referralCreatedSchema,
  referralDetailSchema,
  referralListQuerySchema,
  referralListSchema,
  referralSubmissionSchema,
} from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../errors.ts";
import { PERMISSIONS } from "../../policy/permissions.ts";
import type { TriageService } from "../triage/service.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import { IDEMPOTENCY_KEY_PATTERN } from "./idempotency.ts";
import type { ReferralReadingService } from "./reading-service.ts";
import type { ReferralSubmissionService } from "./submission-service.ts";

const referralParams = z.object({ id: z.uuid({ message: "Must be a valid identifier" }) });

interface ReferralRouteOptions {
  readonly submission: ReferralSubmissionService;
  readonly reading: ReferralReadingService;
  readonly triage: TriageService;
}

export const referralRoutes: FastifyPluginAsyncZod<ReferralRouteOptions> = async (
  app,
  { submission, reading, triage },
) => {
  app.post(
    "/",
    {
      config: { access: PERMISSIONS["referral.create"] },
      schema: {
        tags: ["referrals"],
        summary:
          "Submit a referral. Send an Idempotency-Key header: a retry with the same key returns the original result",
        headers: z.object({ "idempotency-key": z.string().optional() }),
        querystring: z.object({ draftId: z.uuid({ message: "Must be a valid identifier" }).optional() }),
        body: referralSubmissionSchema.clone().register(z.globalRegistry, { examples: [EXAMPLE_REFERRAL_SUBMISSION] }),
        response: { 201: referralCreatedSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers["idempotency-key"];
      if (!key)
        throw new DomainError(
          "idempotency-key-missing",
          "Send an Idempotency-Key header (a new random value per referral, reused for retries).",
        );
      if (!IDEMPOTENCY_KEY_PATTERN.test(key))
        throw new DomainError(
          "idempotency-key-missing",
          "The Idempotency-Key must be 8 to 200 letters, digits, or _ . : -",
        );
      const result = await submission.submit(
        signedInUser(request),
        { raw: request.body, referral: request.body, idempotencyKey: key, draftId: request.query.draftId ?? null },
        requestContext(request),
      );
      if (result.replayed) reply.header("idempotent-replayed", "true");
      // Always 201: a replay returns the stored answer to the original request.
      return reply.code(201).send(result.body);
    },
  );

  app.get(
    "/",
    {
      config: { access: PERMISSIONS["referral.list"] },
      schema: {
        tags: ["referrals"],
        summary:
          "Your own referrals, newest first (scope=mine, the default), or your team's open referrals, most urgent first (scope=team)",
        querystring: referralListQuerySchema,
        response: { 200: referralListSchema },
      },
    },
    async (request) => {
      const query = request.query;
      return query.scope === "team"
        ? triage.queue(signedInUser(request), query, requestContext(request))
        : reading.listMine(signedInUser(request), query, requestContext(request));
    },
  );

  app.get(
    "/:id",
    {
      config: { access: PERMISSIONS["referral.read"] },
      schema: {
        tags: ["referrals"],
        summary: "One referral, as its referrer or its team sees it (every read is audited)",
        params: referralParams,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) => reading.read(signedInUser(request), request.params.id, requestContext(request)),
  );

  app.post(
    "/:id/addenda",
    {
      config: { access: PERMISSIONS["referral.addendum"] },
      schema: {
        tags: ["referrals"],
        summary:
          "Add a correction or new information to your referral, with any people, places or vehicles of concern learnt of since (the referral itself never changes; its links are computed again)",
        params: referralParams,
        body: addAddendumRequestSchema,
        response: { 201: addendumSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await reading.addAddendum(signedInUser(request), request.params.id, request.body, requestContext(request)),
        ),
  );
};
