import { alertListSchema, unreadAlertCountSchema } from "@cse/contracts";
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

  app.get(
    "/unread-count",
    {
      // Polled by the header on a timer: it must not keep an idle session alive.
      config: { access: PERMISSIONS["alert.read"], passiveSession: true },
      schema: {
        tags: ["alerts"],
        summary: "How many of your alerts are unread; does not count as activity for the session's idle timeout",
        response: { 200: unreadAlertCountSchema },
      },
    },
    async (request) => ({ unread: await alerts.unreadCount(signedInUser(request)) }),
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
