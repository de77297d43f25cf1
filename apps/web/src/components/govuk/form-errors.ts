import type { FieldErrors, FieldValues } from "react-hook-form";
import type { ErrorSummaryItem } from "./ErrorSummary.tsx";
import { fieldId } from "./field-ids.ts";

export interface ErrorSummaryOptions {
  /** Field paths in the order they appear on the page. */
  readonly order?: readonly string[];
  /** Paths of date inputs: an error on the whole date links to its day field. */
  readonly dateFields?: readonly string[];
}

/** Flattens react-hook-form's nested errors into error-summary items linking to each field. */
export function errorSummaryItems<T extends FieldValues>(errors: FieldErrors<T>, options: ErrorSummaryOptions = {}): ErrorSummaryItem[] {
  const order = options.order ?? [];
  const dateFields = new Set(options.dateFields ?? []);
  const items: { path: string; text: string }[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === "string" && record.message) {
      items.push({ path, text: record.message });
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== "ref" && key !== "type" && key !== "types") walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, "");
  const rank = (path: string) => {
    const index = order.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    return index === -1 ? order.length : index;
  };
  return items
    .sort((a, b) => rank(a.path) - rank(b.path))
    .map(({ path, text }) => ({ fieldId: fieldId(dateFields.has(path) ? `${path}.day` : path), text }));
}

/** Field errors from an API problem, keyed by path, for setError. */
export function problemFieldErrors(errors: readonly { path: string; message: string }[]): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const error of errors) if (!byPath.has(error.path)) byPath.set(error.path, error.message);
  return byPath;
}
