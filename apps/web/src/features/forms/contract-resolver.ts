import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod/mini";

/**
 * Validates a form with the contract's own request schema, so the browser gives the same
 * messages the API would. `toRequest` turns what the inputs hold (radios give strings, blank
 * selects give "") into the request's shape first. Errors land on the request's top-level
 * field names, which the forms use as their field names too.
 */
export function contractResolver<TForm extends FieldValues, S extends z.ZodMiniType>(
  schema: S,
  toRequest: (values: TForm) => unknown,
): Resolver<TForm, unknown, z.output<S>> {
  return (values) => {
    const result = schema.safeParse(toRequest(values));
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "root");
      errors[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<TForm> };
  };
}

/** "" from a select or text input means "not given". */
export const blankToUndefined = (value: string | undefined): string | undefined => (value ? value : undefined);

/** Yes/no radios hold "yes" or "no"; nothing chosen is undefined, which the schema refuses. */
export const yesNoToBoolean = (value: string | undefined): boolean | undefined =>
  value === "yes" ? true : value === "no" ? false : undefined;
