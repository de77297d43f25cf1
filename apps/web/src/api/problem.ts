import { ApiError, type FieldProblem } from "./errors.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (item): item is FieldProblem => isRecord(item) && typeof item.path === "string" && typeof item.message === "string",
  );
}

/** Reads an RFC 9457 problem+json body (or whatever came instead) into an ApiError. */
export function problemToError(status: number, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  return new ApiError({
    status,
    ...(typeof problem.type === "string" ? { type: problem.type } : {}),
    title: typeof problem.title === "string" ? problem.title : `The request failed (${status})`,
    detail: typeof problem.detail === "string" ? problem.detail : undefined,
    errors: fieldProblems(problem.errors),
  });
}
