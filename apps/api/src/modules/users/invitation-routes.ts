import { acceptInvitationRequestSchema, invitationSchema } from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestContext } from "../request-context.ts";
import type { InvitationService } from "./invitation-service.ts";

const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "The link is not valid"),
});

export const invitationRoutes: FastifyPluginAsyncZod<{ invitations: InvitationService }> = async (
  app,
  { invitations },
) => {
  app.get(
    "/:token",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "What a one-time link is for",
        params: tokenParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) => invitations.describe(request.params.token),
  );

  app.post(
    "/:token",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Set a password with a one-time link; every session of the account ends",
        params: tokenParams,
        body: acceptInvitationRequestSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await invitations.accept(request.params.token, request.body.password, requestContext(request));
      return reply.code(204).send(null);
    },
  );
};
