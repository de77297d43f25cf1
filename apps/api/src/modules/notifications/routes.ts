import {
  notificationPreferencesSchema,
  outboxReportSchema,
  updateNotificationPreferencesSchema,
} from "@cse/contracts/notifications";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { signedInUser } from "../request-context.ts";
import type { OutboxStatusService } from "./outbox-status.ts";
import type { NotificationPreferenceService } from "./preferences-service.ts";

type EmailMode = "off" | "file" | "smtp";

export const notificationPreferenceRoutes: FastifyPluginAsyncZod<{
  preferences: NotificationPreferenceService;
  emailMode: EmailMode;
}> = async (app, { preferences, emailMode }) => {
  const emailEnabled = emailMode !== "off";
  const access = { access: PERMISSIONS["notification.preferences"] };

  app.get(
    "/",
    {
      config: access,
      schema: {
        tags: ["notifications"],
        summary: "Which kinds of event reach you by email",
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => preferences.read(signedInUser(request), emailEnabled),
  );

  app.put(
    "/",
    {
      config: access,
      schema: {
        tags: ["notifications"],
        summary: "Choose which kinds of event reach you by email",
        body: updateNotificationPreferencesSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => preferences.update(signedInUser(request), request.body, emailEnabled),
  );
};

export const outboxAdminRoutes: FastifyPluginAsyncZod<{ outbox: OutboxStatusService; emailMode: EmailMode }> = async (
  app,
  { outbox, emailMode },
) => {
  app.get(
    "/",
    {
      config: { access: PERMISSIONS["notification.outbox"] },
      schema: {
        tags: ["admin"],
        summary: "Emails that failed or still wait to be sent (no addresses, nothing about any child)",
        response: { 200: outboxReportSchema },
      },
    },
    async () => outbox.report(emailMode),
  );
};
