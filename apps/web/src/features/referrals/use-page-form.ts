import { validateReferralForm, type FormIssue, type ReferralFormValues } from "@cse/contracts";
import { useEffect, useMemo, useRef } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { errorsFromForm } from "../../components/govuk/index.ts";
import { useDraft } from "./DraftContext.tsx";
import { pageOwns, type FormPage } from "./form-pages.ts";

export const DATE_FIELDS = ["child.dateOfBirth", "concern.occurredOn"];

/** Issues as react-hook-form's nested errors object. */
function toFieldErrors(issues: readonly FormIssue[]): FieldErrors<ReferralFormValues> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const keys = issue.path.split(".");
    let node = errors;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = { type: "validation", message: issue.message };
  }
  const fieldErrors: FieldErrors<ReferralFormValues> = errors;
  return fieldErrors;
}

/**
 * A page of the referral as a react-hook-form form: validated by the shared contract (the
 * same rules and words as the server), limited to this page's fields, and saved to the
 * draft as the user types. Validation runs on submit only: checking as the user types would
 * change the page (and move the focus to the error summary) under their fingers.
 */
export function usePageForm(page: FormPage) {
  const draft = useDraft();
  const issuesRef = useRef<readonly FormIssue[]>([]);
  const initialValues = useMemo(() => draft.getValues(), [draft]);

  const resolver = useMemo<Resolver<ReferralFormValues>>(
    () => async (values) => {
      const result = validateReferralForm(values);
      const issues = result.success ? [] : result.issues.filter((issue) => pageOwns(page, issue.path));
      issuesRef.current = issues;
      return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors(issues) };
    },
    [page],
  );

  const form = useForm<ReferralFormValues>({
    defaultValues: initialValues,
    resolver,
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });

  // Every change goes to the draft, which saves it shortly (and at once on leaving).
  useEffect(
    () => form.subscribe({ formState: { values: true }, callback: ({ values }) => draft.setValues(values) }),
    [form, draft],
  );

  const summary = errorsFromForm(form.formState.errors, { order: page.paths, dateFields: DATE_FIELDS });
  const datePartsWithErrors = (path: string) => issuesRef.current.find((issue) => issue.path === path)?.dateParts;
  return { form, summary, datePartsWithErrors };
}
