import {
  draftListSchema,
  draftSchema,
  referralDraftContentSchema,
  refuseForbiddenText,
  saveDraftRequestSchema,
} from "@cse/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext } from "../request-context.ts";
import type { DraftService } from "./service.ts";

const draftParams = z.object({ id: z.uuid({ message: "Must be a valid identifier" }) });
// Who may keep drafts comes from the policy table, like every other access rule.
const referrers = { access: PERMISSIONS["draft.manage"] };
// A draft is half-typed free text throughout, so the text rule covers every string in it.
const startDraftBody = z
  .strictObject({ content: referralDraftContentSchema })
  .superRefine(refuseForbiddenText)
  .meta({ examples: [{ content: { immediateDanger: "no" } }] });
const saveDraftBody = saveDraftRequestSchema.check(z.superRefine(refuseForbiddenText));

export const draftRoutes: FastifyPluginAsyncZod<{ drafts: DraftService }> = async (app, { drafts }) => {
  app.post(
    "/",
    {
      config: referrers,
      schema: {
        tags: ["drafts"],
        summary: "Start a draft referral",
        body: startDraftBody,
        response: { 201: draftSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await drafts.create(request.user!, request.body.content, requestContext(request))),
  );

  app.get(
    "/",
    {
      config: referrers,
      schema: {
        tags: ["drafts"],
        summary: "Your drafts, most recently changed first",
        response: { 200: draftListSchema },
      },
    },
    async (request) => ({ drafts: await drafts.list(request.user!, requestContext(request)) }),
  );

  app.get(
    "/:id",
    {
      config: referrers,
      schema: { tags: ["drafts"], summary: "One of your drafts", params: draftParams, response: { 200: draftSchema } },
    },
    async (request) => drafts.get(request.user!, request.params.id, requestContext(request)),
  );

  app.put(
    "/:id",
    {
      config: referrers,
      schema: {
        tags: ["drafts"],
        summary: "Save a draft; refused with 409 if it changed since the version you name",
        params: draftParams,
        body: saveDraftBody,
        response: { 200: draftSchema },
      },
    },
    async (request) =>
      drafts.save(
        request.user!,
        request.params.id,
        request.body.content,
        request.body.version,
        requestContext(request),
      ),
  );

  app.delete(
    "/:id",
    {
      config: referrers,
      schema: {
        tags: ["drafts"],
        summary: "Delete one of your drafts",
        params: draftParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await drafts.remove(request.user!, request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );
};
