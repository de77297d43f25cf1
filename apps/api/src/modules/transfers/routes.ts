import {
  teamReferralDetailSchema,
  transferInboxQuerySchema,
  transferInboxSchema,
  transferRejectionSchema,
  transferRequestSchema,
  transferResultSchema,
  uuidSchema,
} from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { TransferService } from "./service.ts";

const params = z.object({ id: uuidSchema });

/** POST /api/referrals/:id/transfer: registered beside the other actions on a referral. */
export const referralTransferRoutes: FastifyPluginAsyncZod<{ transfers: TransferService }> = async (
  app,
  { transfers },
) => {
  app.post(
    "/:id/transfer",
    {
      config: { access: PERMISSIONS["transfer.request"] },
      schema: {
        tags: ["transfers"],
        summary:
          "Ask another district team to take the referral, with a reason (your team keeps it until their lead accepts)",
        params,
        body: transferRequestSchema,
        response: { 201: teamReferralDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await transfers.request(signedInUser(request), request.params.id, request.body, requestContext(request))),
  );
};

/** /api/transfers: the inbox, and the answers to a transfer. */
export const transferRoutes: FastifyPluginAsyncZod<{ transfers: TransferService }> = async (app, { transfers }) => {
  app.get(
    "/",
    {
      config: { access: PERMISSIONS["transfer.list"] },
      schema: {
        tags: ["transfers"],
        summary: "Transfers waiting: incoming (for your team's lead to answer) or outgoing (your team asked)",
        querystring: transferInboxQuerySchema,
        response: { 200: transferInboxSchema },
      },
    },
    async (request) => transfers.inbox(signedInUser(request), request.query.box, requestContext(request)),
  );

  app.post(
    "/:id/accept",
    {
      config: { access: PERMISSIONS["transfer.decide"] },
      schema: {
        tags: ["transfers"],
        summary: "Accept a transfer to your team (leads): the referral is your team's, on a new decision clock",
        params,
        response: { 200: transferResultSchema },
      },
    },
    async (request) => transfers.accept(signedInUser(request), request.params.id, requestContext(request)),
  );

  app.post(
    "/:id/reject",
    {
      config: { access: PERMISSIONS["transfer.decide"] },
      schema: {
        tags: ["transfers"],
        summary: "Refuse a transfer to your team with a reason (leads); whoever asked is told",
        params,
        body: transferRejectionSchema,
        response: { 200: transferResultSchema },
      },
    },
    async (request) =>
      transfers.reject(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );

  app.post(
    "/:id/cancel",
    {
      config: { access: PERMISSIONS["transfer.cancel"] },
      schema: {
        tags: ["transfers"],
        summary: "Withdraw a transfer your team asked for, while it waits",
        params,
        response: { 200: transferResultSchema },
      },
    },
    async (request) => transfers.cancel(signedInUser(request), request.params.id, requestContext(request)),
  );
};
