import { Prisma } from "../generated/prisma/client.ts";

/** A unique index refused the write: a guard the database keeps whatever the application does. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for "cannot reach / lost / timed out", whichever layer noticed.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// The driver adapter's kinds for the same (see @prisma/driver-adapter-utils).
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionTimedOut",
]);
// pg's own words when the pool gives up or a connection is cut mid-query.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /Client has encountered a connection error/i,
];

function isUnavailableSqlState(code: string): boolean {
  // Class 08 is connection exceptions; 57P01-57P03 the server shutting down or starting up;
  // 57014 a query cancelled by the statement timeout.
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "57014"].includes(code);
}

interface ErrorLike {
  readonly code?: unknown;
  readonly kind?: unknown;
  readonly originalCode?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly meta?: { readonly driverAdapterError?: unknown };
}

function saysUnavailable(error: ErrorLike): boolean {
  if (typeof error.code === "string") {
    if (UNAVAILABLE_PRISMA_CODES.has(error.code) || UNAVAILABLE_NETWORK_CODES.has(error.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(error.code) && isUnavailableSqlState(error.code)) return true;
  }
  if (typeof error.originalCode === "string" && isUnavailableSqlState(error.originalCode)) return true;
  if (typeof error.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(error.kind)) return true;
  const message = error.message;
  return typeof message === "string" && UNAVAILABLE_MESSAGES.some((words) => words.test(message));
}

/**
 * The database is unreachable, going away, or too slow to answer in time: the request should
 * get 503 (try again later), not 500. Looks through the layers, because Prisma wraps its
 * driver adapter's error (in `meta.driverAdapterError`), which wraps pg's (in `cause`), and
 * Prisma's own code for all of them is often only "raw query failed" (P2010) or P2039.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let looked = 0; pending.length > 0 && looked < 10; looked += 1) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const candidate = current as ErrorLike;
    if (saysUnavailable(candidate)) return true;
    pending.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}
