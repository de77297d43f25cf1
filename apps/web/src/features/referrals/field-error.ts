import { get, type FieldErrors, type FieldValues } from "react-hook-form";

/** The message for one field, by its dotted path. */
export function fieldError<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  const error: unknown = get(errors, path);
  return error && typeof error === "object" && "message" in error && typeof error.message === "string"
    ? error.message
    : undefined;
}
