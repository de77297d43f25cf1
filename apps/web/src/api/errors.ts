import type { Problem } from "@cse/contracts";

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** An RFC 9457 problem from the API, as a typed error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldProblem[];

  constructor(problem: Partial<Problem> & { status: number }) {
    super(problem.detail ?? problem.title ?? `Request failed (${problem.status})`);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code ?? "unknown";
    this.title = problem.title ?? "Something went wrong";
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/** The request never reached the server, or its answer never came back. */
export class NetworkError extends Error {
  constructor() {
    super("The service could not be reached. Check your connection and try again.");
    this.name = "NetworkError";
  }
}

/** A sentence to show for any failure, for the error summary. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return "Sorry, there is a problem with the service. Try again later.";
    return error.detail ?? error.title;
  }
  if (error instanceof NetworkError) return error.message;
  return "Sorry, there is a problem with the service. Try again later.";
}
