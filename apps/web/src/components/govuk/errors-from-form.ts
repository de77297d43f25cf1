import type { FieldErrors, FieldValues } from "react-hook-form";
import type { ErrorSummaryItem } from "./ErrorSummary.tsx";
import { fieldId } from "./field-ids.ts";

export interface ErrorsFromFormOptions {
  /** Field paths (or their parents) in the order they appear on the page. */
  readonly order?: readonly string[];
  /** Paths of date inputs: an error on the whole date links to its day field. */
  readonly dateFields?: readonly string[];
}

interface FoundError {
  readonly path: string;
  readonly text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Depth-first through react-hook-form's nested errors, objects and field arrays alike. */
function collect(node: unknown, path: readonly string[], found: FoundError[]): void {
  if (!isRecord(node)) return;
  // A FieldError: its `ref` is a DOM element, which must never be walked.
  if (typeof node.type === "string" || typeof node.message === "string") {
    if (typeof node.message === "string" && node.message !== "")
      found.push({ path: path.join("."), text: node.message });
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    // `root` holds errors about a whole form or a whole list, not one of its fields.
    collect(child, key === "root" ? path : [...path, key], found);
  }
}

/**
 * Turns react-hook-form's FieldErrors into error summary items, each linking to its field's id
 * ("child.givenNames" -> "#child-givenNames"; a date links to its day: "#child-dateOfBirth-day").
 */
export function errorsFromForm<T extends FieldValues>(
  errors: FieldErrors<T>,
  options: ErrorsFromFormOptions = {},
): ErrorSummaryItem[] {
  const { order = [], dateFields = [] } = options;
  const found: FoundError[] = [];
  collect(errors, [], found);
  const rank = (path: string) => {
    const index = order.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    return index === -1 ? order.length : index;
  };
  return found
    .map((error, position) => ({ ...error, position }))
    .sort((a, b) => rank(a.path) - rank(b.path) || a.position - b.position)
    .map(({ path, text }) => ({
      fieldId: path === "" ? undefined : dateFields.includes(path) ? `${fieldId(path)}-day` : fieldId(path),
      text,
    }));
}
