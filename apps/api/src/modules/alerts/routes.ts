import { alertListSchema } from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { signedInUser } from "../request-context.ts";
import type { AlertService } from "./service.ts";

export const alertRoutes: FastifyPluginAsyncZod<{ alerts: AlertService }> = async (app, { alerts }) => {
  app.get(
    "/",
    {
      config: { access: PERMISSIONS["alert.read"] },
      schema: {
        tags: ["alerts"],
        summary: "Your alerts that still need someone (RED referrals nobody has claimed), newest first",
        response: { 200: alertListSchema },
      },
    },
    async (request) => alerts.list(signedInUser(request)),
  );

  app.post(
    "/read",
    {
      config: { access: PERMISSIONS["alert.read"] },
      schema: { tags: ["alerts"], summary: "Mark all your alerts as read" },
    },
    async (request, reply) => {
      await alerts.markAllRead(signedInUser(request));
      return reply.code(204).send();
    },
  );
};
