import { dismissLinkRequestSchema, referralLinksSchema, referralNetworkSchema, uuidSchema } from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { LinkService } from "./service.ts";

const params = z.object({ id: uuidSchema });

/** Linked referrals and the network picture, separate from the file so the file stays fast. */
export const linkRoutes: FastifyPluginAsyncZod<{ links: LinkService }> = async (app, { links }) => {
  app.get(
    "/:id/links",
    {
      config: { access: PERMISSIONS["link.read"] },
      schema: {
        tags: ["links"],
        summary:
          "Referrals linked to this one that you may open, strongest first, with what matched; a count per team for the rest (audited)",
        params,
        response: { 200: referralLinksSchema },
      },
    },
    async (request) => links.list(signedInUser(request), request.params.id, requestContext(request)),
  );

  app.post(
    "/:id/links/:linkId/dismiss",
    {
      config: { access: PERMISSIONS["link.dismiss"] },
      schema: {
        tags: ["links"],
        summary: "A lead marks a suggested link 'not the same', with a reason, so it is no longer shown (audited)",
        params: params.extend({ linkId: uuidSchema }),
        body: dismissLinkRequestSchema,
        response: { 200: referralLinksSchema },
      },
    },
    async (request) =>
      links.dismiss(
        signedInUser(request),
        request.params.id,
        request.params.linkId,
        request.body.reason,
        requestContext(request),
      ),
  );

  app.get(
    "/:id/network",
    {
      config: { access: PERMISSIONS["link.read"] },
      schema: {
        tags: ["links"],
        summary:
          "The children, people, phones, vehicles and places joining this referral to the linked referrals you may open (audited)",
        params,
        response: { 200: referralNetworkSchema },
      },
    },
    async (request) => links.network(signedInUser(request), request.params.id, requestContext(request)),
  );
};
