export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** An RFC 9457 problem from the API, as a typed error. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem type URI, e.g. "urn:cse-referral-hub:problem:csrf". */
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];

  constructor(problem: {
    status: number;
    type?: string;
    title: string;
    detail?: string | undefined;
    errors?: readonly FieldProblem[] | undefined;
  }) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.type = problem.type ?? "about:blank";
    this.title = problem.title;
    if (problem.detail !== undefined) this.detail = problem.detail;
    if (problem.errors && problem.errors.length > 0) this.errors = problem.errors;
  }
}

/** The request never reached the server, or its answer never came back. */
export class NetworkError extends Error {
  constructor() {
    super("The service could not be reached. Check your connection and try again.");
    this.name = "NetworkError";
  }
}

/** The session's CSRF token was refused: it may have rotated, so a fresh one is worth one retry. */
export function isCsrfFailure(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403 && error.type.endsWith("csrf");
}

/** The API is missing or broken (not deployed yet, down, or a gateway answered instead). */
export function isServiceUnavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status >= 500);
}

/** A sentence to show for any failure, for the error summary. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError && error.status < 500) return error.detail ?? error.title;
  if (error instanceof NetworkError) return error.message;
  return "Sorry, there is a problem with the service. Try again later.";
}
