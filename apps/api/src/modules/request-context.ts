import type { FastifyRequest } from "fastify";
import type { RequestContext } from "../services/context.ts";

/** What routes pass to services about a request: never the request itself. */
export function requestContext(request: FastifyRequest): RequestContext {
  return { requestId: request.id, ipAddress: request.ip };
}
