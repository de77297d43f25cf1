import type { FastifyServerOptions } from "fastify";
import type { DestinationStream, LoggerOptions } from "pino";

/**
 * Keys whose values are personal data or secrets. We never log them on purpose; this list
 * is the safety net for the day someone does (tested in logger.test.ts).
 */
const sensitiveKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "totp",
  "code",
  "recoveryCode",
  "secret",
  "token",
  "email",
  "name",
  "displayName",
  "givenNames",
  "familyName",
  "aliases",
  "dateOfBirth",
  "phone",
  "phoneNumbers",
  "address",
  "addresses",
  "postcode",
  "homePostcode",
  "child",
  "concern",
  "concernDescription",
  "body",
  "content",
  "note",
  "notes",
  "cookie",
  "authorization",
];

const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...sensitiveKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

interface SerializableError {
  name?: string;
  code?: unknown;
  message?: string;
  stack?: string;
  statusCode?: unknown;
}

/**
 * Logs an error's kind and where it happened, but not its message unless the error is ours:
 * driver and database messages can quote the values of the row that failed.
 */
export function serializeErrorSafely(error: SerializableError) {
  const ownMessage = error.name === "DomainError" || (typeof error.code === "string" && error.code.startsWith("FST_"));
  // Only the "at ..." lines: a message can run over several lines (Prisma's do, quoting the
  // query and the database's own message), and the stack starts with all of them.
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  return {
    type: error.name ?? "Error",
    code: error.code,
    statusCode: error.statusCode,
    ...(ownMessage ? { message: error.message } : {}),
    stack: frames,
  };
}

interface RequestLike {
  id: string;
  method: string;
  routeOptions?: { url?: string | undefined };
}

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions["logger"] {
  const options: LoggerOptions & { stream?: DestinationStream } = {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: {
      // The route's pattern, never the path it was called with: paths carry one-time tokens
      // (/api/invitations/:token) and query strings carry search terms.
      req: (request: RequestLike) => ({
        id: request.id,
        method: request.method,
        route: request.routeOptions?.url ?? "(no route)",
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: serializeErrorSafely,
    },
    ...(stream ? { stream } : {}),
  };
  return options;
}
