import { dashboardSchema } from "@cse/contracts/dashboard";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { DashboardService } from "./service.ts";

export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService }> = async (app, { dashboard }) => {
  app.get(
    "/",
    {
      config: { access: PERMISSIONS["dashboard.read"] },
      schema: {
        tags: ["dashboard"],
        summary:
          "Your team's figures: open referrals, the decision clock, time to decision, re-referrals, people of concern; each member's workload for leads (audited)",
        response: { 200: dashboardSchema },
      },
    },
    async (request) => dashboard(signedInUser(request), requestContext(request)),
  );
};
