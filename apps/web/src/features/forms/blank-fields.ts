import type { FieldValues, Resolver } from "react-hook-form";

/**
 * HTML selects and text inputs give "" for "nothing chosen"; the contract says null or
 * absent. Replaces blanks before validation so the contract's own messages apply.
 */
export function treatBlankAs<T extends FieldValues, C, O>(
  resolver: Resolver<T, C, O>,
  replacements: Partial<Record<keyof T, null | undefined>>,
): Resolver<T, C, O> {
  return (values, context, options) => {
    const cleaned: Record<string, unknown> = { ...values };
    for (const [field, replacement] of Object.entries(replacements)) {
      if (cleaned[field] === "") {
        if (replacement === undefined) delete cleaned[field];
        else cleaned[field] = replacement;
      }
    }
    return resolver(cleaned as T, context, options);
  };
}
