import type { FastifyRequest } from "fastify";
import { Unauthenticated } from "../errors.ts";
import type { RequestContext } from "../services/context.ts";
import type { StepUp } from "./users/step-up.ts";
import type { AuthenticatedUser } from "./users/user-record.ts";

/** What routes pass to services about a request: never the request itself. */
export function requestContext(request: FastifyRequest): RequestContext {
  return { requestId: request.id, ipAddress: request.ip };
}

/** When this session last proved its second factor, for actions that need a step-up. */
export function stepUpOf(request: FastifyRequest): StepUp {
  const at = request.session.stepUpAt;
  return { verifiedAt: at === undefined ? null : new Date(at) };
}

/**
 * The signed-in user of a route whose access rule names roles: the authentication plugin has
 * already refused anyone else, so a missing user here is a wiring fault, answered as 401.
 */
export function signedInUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw new Unauthenticated();
  return request.user;
}
