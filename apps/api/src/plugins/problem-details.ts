import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { DomainError, errorCodes, TooManyAttempts, type ErrorCode, type FieldError } from "../errors.ts";

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: readonly FieldError[];
  requestId: string;
}

export const problemType = (code: ErrorCode) => `urn:cse-referral-hub:problem:${code}`;

const validationLocation: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "path.",
  headers: "header.",
};

function fieldErrorsFromValidation(
  validation: readonly { instancePath: string; message?: string }[],
  context: string | undefined,
): FieldError[] {
  const prefix = validationLocation[context ?? "body"] ?? "";
  return validation.map((issue) => ({
    path: `${prefix}${issue.instancePath.replace(/^\//, "").replaceAll("/", ".")}`.replace(/\.$/, ""),
    message: issue.message ?? "Invalid value",
  }));
}

function statusToCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 415:
      return "unsupported-media-type";
    case 429:
      return "rate-limited";
    case 503:
      return "unavailable";
    default:
      return status >= 400 && status < 500 ? "validation-failed" : "internal";
  }
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  options: { status?: number; detail?: string; errors?: readonly FieldError[] } = {},
) {
  const status = options.status ?? errorCodes[code].status;
  const problem: Problem = {
    type: problemType(code),
    title: errorCodes[code].title,
    status,
    code,
    requestId: request.id,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
  };
  return reply
    .code(status)
    .header("content-type", "application/problem+json; charset=utf-8")
    .header("cache-control", "no-store")
    .serializer(JSON.stringify)
    .send(problem);
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof TooManyAttempts) {
    reply.header("retry-after", Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000)));
  }
  if (error instanceof DomainError) {
    return sendProblem(reply, request, error.code, {
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return sendProblem(reply, request, "validation-failed", {
      detail: "Check the fields listed and try again.",
      errors: fieldErrorsFromValidation(error.validation, error.validationContext),
    });
  }
  if (typeof error.code === "string" && error.code.startsWith("FST_CSRF")) {
    return sendProblem(reply, request, "csrf", {
      detail: "Refresh the page and try again. (The request did not carry a valid x-csrf-token header.)",
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type, body too large,
    // rate limits) carry messages written by Fastify, never user data.
    return sendProblem(reply, request, statusToCode(status), { status, detail: error.message });
  }
  if (isDatabaseUnavailable(error)) {
    // Not a fault of ours to alarm on per request: the readiness probe reports the outage.
    request.log.warn({ err: { type: error.name, code: error.code } }, "database unavailable");
    reply.header("retry-after", 5);
    return sendProblem(reply, request, "unavailable", {
      detail: "The service cannot reach its database at the moment. Nothing was saved. Try again in a minute.",
    });
  }
  request.log.error({ err: error }, "request failed");
  // A 5xx says only that something went wrong: no message, no stack, nothing to learn from.
  return sendProblem(reply, request, status === 503 ? "unavailable" : "internal", { status });
}

export const problemDetails = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(handleError);
  },
  { name: "problem-details" },
);
