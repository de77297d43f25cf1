/** One id scheme for fields and error links: "child.dateOfBirth" -> "child-dateOfBirth". */
export function fieldId(path: string): string {
  return path.replace(/\./g, "-");
}

/** aria-describedby from the ids that apply; callers pass `condition && id`. */
export function describedBy(...ids: unknown[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === "string" && id.length > 0).join(" ");
  return joined === "" ? undefined : joined;
}

/** The group's classes, marked when it holds an error. */
export function formGroupClass(error: string | undefined, extra = ""): string {
  return `govuk-form-group${extra ? ` ${extra}` : ""}${error ? " govuk-form-group--error" : ""}`;
}
