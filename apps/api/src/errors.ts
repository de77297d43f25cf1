/**
 * Typed domain errors. Services throw these; one handler (plugins/problem-details.ts) maps
 * them to RFC 9457 problem+json. Messages are shown to users, so they never carry personal data.
 */
export const errorCodes = {
  "validation-failed": { status: 400, title: "There is a problem with the data you sent" },
  "idempotency-key-missing": { status: 400, title: "An Idempotency-Key header is required" },
  unauthenticated: { status: 401, title: "You need to sign in" },
  forbidden: { status: 403, title: "You do not have permission to do this" },
  csrf: { status: 403, title: "The request could not be verified" },
  /** Allowed, but only with the second factor proved again within the last few minutes. */
  "step-up-required": { status: 403, title: "Confirm it is you" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "This conflicts with the current state" },
  "idempotency-in-progress": { status: 409, title: "The original request is still being processed" },
  "payload-too-large": { status: 413, title: "The request is too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported content type" },
  "idempotency-key-reused": {
    status: 422,
    title: "This Idempotency-Key was already used for a different request",
  },
  locked: { status: 429, title: "Too many failed attempts" },
  "rate-limited": { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "The service is temporarily unavailable" },
  internal: { status: 500, title: "Something went wrong" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  /** Dotted path of the field, e.g. "child.dateOfBirth". */
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: ErrorCode,
    /** Shown to the user as the problem's detail. */
    readonly detail?: string,
    readonly fieldErrors?: readonly FieldError[],
  ) {
    super(detail ?? errorCodes[code].title);
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export class ValidationFailed extends DomainError {
  constructor(fieldErrors: readonly FieldError[], detail?: string) {
    super("validation-failed", detail, fieldErrors);
  }
}

export class NotFound extends DomainError {
  constructor(detail?: string) {
    super("not-found", detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail?: string) {
    super("forbidden", detail);
  }
}

export class StepUpRequired extends DomainError {
  constructor(detail?: string) {
    super("step-up-required", detail);
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail?: string) {
    super("unauthenticated", detail);
  }
}

/** Refused until a moment in the future; the response carries Retry-After. */
export class TooManyAttempts extends DomainError {
  constructor(
    readonly retryAt: Date,
    detail: string,
    code: "locked" | "rate-limited" = "locked",
  ) {
    super(code, detail);
  }
}

export class Conflict extends DomainError {
  constructor(detail?: string) {
    super("conflict", detail);
  }
}
