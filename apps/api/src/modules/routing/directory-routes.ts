import type { Readable } from "node:stream";
import {
  postcodeDirectoryLoadSchema,
  postcodeDirectorySchema,
  postcodeDirectoryUploadQuerySchema,
} from "@cse/contracts/routing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext } from "../request-context.ts";
import type { PostcodeDirectoryService } from "./directory-service.ts";

const adminOnly = { access: PERMISSIONS["routing-rule.manage"] };
const loadParams = z.object({ id: z.uuid({ message: "Must be a valid identifier" }) });

/** /api/admin/postcode-directory: load the ONS Postcode Directory, and follow a load. */
export const postcodeDirectoryRoutes: FastifyPluginAsyncZod<{ directory: PostcodeDirectoryService }> = async (
  app,
  { directory },
) => {
  // The file is the request body as it is (text/csv), streamed to disk by the service rather
  // than parsed here: at about 1 GB it must never be held in memory.
  app.addContentTypeParser(["text/csv", "application/octet-stream"], (_request, payload, done) => done(null, payload));

  app.get(
    "",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "The postcode directory in use, and the latest load if it is another",
        response: { 200: postcodeDirectorySchema },
      },
    },
    async () => directory.current(),
  );

  app.post(
    "",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary:
          "Load the ONS Postcode Directory (its CSV as the body, text/csv); the load runs on, follow it by its id",
        querystring: postcodeDirectoryUploadQuerySchema,
        response: { 202: postcodeDirectoryLoadSchema },
      },
    },
    async (request, reply) => {
      const load = await directory.startLoad(
        request.user!,
        request.query.fileName,
        request.body as Readable,
        requestContext(request),
      );
      return reply.code(202).send(load);
    },
  );

  app.get(
    "/loads/:id",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "One load of the postcode directory, with its progress",
        params: loadParams,
        response: { 200: postcodeDirectoryLoadSchema },
      },
    },
    async (request) => directory.getLoad(request.params.id),
  );
};
