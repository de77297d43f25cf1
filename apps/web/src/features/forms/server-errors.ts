import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError, describeFailure } from "../../api/errors.ts";

/**
 * Puts an API failure where the user will see it: field errors on their fields (when the
 * form has them), anything else as one message for the error summary.
 */
export function applyServerFailure<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (error instanceof ApiError && error.errors) {
    const unplaced: string[] = [];
    for (const problem of error.errors) {
      if (fields.some((field) => problem.path === field || problem.path.startsWith(`${field}.`))) {
        setError(problem.path as Path<T>, { type: "server", message: problem.message });
      } else {
        unplaced.push(problem.message);
      }
    }
    return unplaced.length > 0 ? unplaced.join(". ") : null;
  }
  return describeFailure(error);
}
