import { referralExportRequestSchema } from "@cse/contracts/oversight";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { ExportReferrals } from "./export-referrals.ts";

/**
 * Exports. A POST, though it changes nothing: the reason for free text is typed by a person and
 * must not travel in a URL (URLs end up in logs and browser history), and CSRF protection applies.
 */
export const exportRoutes: FastifyPluginAsyncZod<{ exportReferrals: ExportReferrals }> = async (
  app,
  { exportReferrals },
) => {
  app.post(
    "/referrals",
    {
      config: { access: PERMISSIONS["referral.export"] },
      schema: {
        tags: ["exports"],
        summary:
          "A CSV of your team's referrals submitted between two dates (leads); free text only with a reason. Audited.",
        body: referralExportRequestSchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const exported = await exportReferrals(signedInUser(request), request.body, requestContext(request));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${exported.filename}"`)
        .header("x-export-rows", String(exported.rows))
        .send(exported.csv);
    },
  );
};
