import { auditTrailPageSchema, auditTrailQuerySchema } from "@cse/contracts/oversight";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { ReadReferralTrail } from "./referral-trail.ts";

export const auditTrailRoutes: FastifyPluginAsyncZod<{ readReferralTrail: ReadReferralTrail }> = async (
  app,
  { readReferralTrail },
) => {
  app.get(
    "/",
    {
      config: { access: PERMISSIONS["referral.audit"] },
      schema: {
        tags: ["audit"],
        summary:
          "Who opened, changed, exported, listed or was refused one of your team's referrals, newest first (leads). Audited.",
        querystring: auditTrailQuerySchema,
        response: { 200: auditTrailPageSchema },
      },
    },
    async (request) => readReferralTrail(signedInUser(request), request.query, requestContext(request)),
  );
};
