import type { TeamReferralDetail } from "@cse/contracts";
import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { ApiError, describeFailure } from "../../../api/errors.ts";
import { errorsFromForm, type ErrorSummaryItem } from "../../../components/govuk/index.ts";
import { useReferralFile } from "./referral-file-context.ts";

interface FileActionOptions<TForm extends FieldValues, TRequest, TResult> {
  /** Prefixes every field's id, as several forms share the page: "note" -> "note-body". */
  readonly idPrefix: string;
  /** The form's fields in page order; the API's field errors land on them. */
  readonly fields: readonly (Path<TForm> & string)[];
  readonly resolver: Resolver<TForm, unknown, TRequest>;
  readonly defaultValues?: DefaultValues<TForm>;
  readonly send: (request: TRequest) => Promise<TResult>;
  /** What happens after it worked: usually `updated` with a sentence for the success banner. */
  readonly done: (request: TRequest, result: TResult) => void | Promise<void>;
}

/**
 * One action on the referral file: validate with the contract, send, then either show the new
 * state with a success banner, put the API's field errors on their fields, or (409) tell the
 * user the referral moved on and reload it.
 */
export function useFileAction<TForm extends FieldValues, TRequest, TResult = TeamReferralDetail>(
  options: FileActionOptions<TForm, TRequest, TResult>,
) {
  const { idPrefix, fields, resolver, defaultValues, send, done } = options;
  const file = useReferralFile();
  const form = useForm<TForm, unknown, TRequest>({
    resolver,
    ...(defaultValues ? { defaultValues } : {}),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (request) => {
    setFailure(null);
    try {
      const result = await send(request);
      form.reset(defaultValues);
      await done(request, result);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        file.conflicted(describeFailure(error));
        return;
      }
      setFailure(placeFieldErrors(error));
    }
  });

  function placeFieldErrors(error: unknown): string | null {
    if (!(error instanceof ApiError) || !error.errors) return describeFailure(error);
    const unplaced: string[] = [];
    for (const problem of error.errors) {
      const field = fields.find((candidate) => problem.path === candidate);
      if (field) form.setError(field, { type: "server", message: problem.message });
      else unplaced.push(problem.message);
    }
    return unplaced.length > 0 ? unplaced.join(". ") : null;
  }

  const summary: ErrorSummaryItem[] = [
    ...errorsFromForm(form.formState.errors, { order: fields }).map((item) => ({
      text: item.text,
      fieldId: item.fieldId ? `${idPrefix}-${item.fieldId}` : undefined,
    })),
    ...(failure ? [{ text: failure }] : []),
  ];
  const hasErrors = summary.length > 0;
  const { formHasErrors } = file;
  useEffect(() => {
    formHasErrors(idPrefix, hasErrors);
    return () => formHasErrors(idPrefix, false);
  }, [formHasErrors, idPrefix, hasErrors]);
  return { form, onSubmit, summary, id: (field: Path<TForm> & string) => `${idPrefix}-${field}` };
}

/** What ActionForm needs of any action, whatever its fields. */
export type FileAction = Pick<
  ReturnType<typeof useFileAction<FieldValues, unknown, unknown>>,
  "summary" | "onSubmit"
> & {
  readonly form: { readonly formState: { readonly submitCount: number; readonly isSubmitting: boolean } };
};
