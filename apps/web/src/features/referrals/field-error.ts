import { get, type FieldErrors, type FieldValues } from "react-hook-form";

/** The message for one field, by its dotted path. */
export function fieldError<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  const error = get(errors, path) as { message?: string } | undefined;
  return error?.message;
}
