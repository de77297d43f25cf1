import {
  transferRejectionSchema,
  transferResultSchema,
  type TransferInboxItem,
  type TransferResult,
} from "@cse/contracts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod/mini";
import { ApiError, describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { Button, ErrorSummary, Radios, Textarea, errorsFromForm } from "../../components/govuk/index.ts";
import { contractResolver } from "../forms/contract-resolver.ts";

// Accept, or refuse with the reason the API requires (its own schema, so its own message).
const answerSchema = z
  .object({
    answer: z.enum(["accept", "refuse"], { error: "Say whether your team will take this referral" }),
    reason: z.string(),
  })
  .check(
    z.superRefine((value, context) => {
      if (value.answer !== "refuse") return;
      const checked = transferRejectionSchema.safeParse({ reason: value.reason });
      for (const issue of checked.success ? [] : checked.error.issues)
        context.addIssue({ code: "custom", path: ["reason"], message: issue.message });
    }),
  );
type Answer = z.output<typeof answerSchema>;
const FIELDS = ["answer", "reason"] as const;

/**
 * The receiving lead's answer to one transfer (MoJ "confirm an action": a required reason to
 * refuse). Validated when sent, never while typing; the summary names this transfer's fields.
 */
export function TransferAnswerForm({
  transfer,
  answered,
}: {
  transfer: TransferInboxItem;
  answered: (result: TransferResult, transfer: TransferInboxItem) => void;
}) {
  const idPrefix = `answer-${transfer.id}`;
  const form = useForm<{ answer: string; reason: string }, unknown, Answer>({
    resolver: contractResolver(answerSchema, (values) => ({
      answer: values.answer || undefined,
      reason: values.reason,
    })),
    defaultValues: { answer: "", reason: "" },
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const [failure, setFailure] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (answer) => {
    setFailure(null);
    try {
      const result =
        answer.answer === "accept"
          ? await parsedApi.post(transferResultSchema, `/api/transfers/${transfer.id}/accept`)
          : await parsedApi.post(transferResultSchema, `/api/transfers/${transfer.id}/reject`, {
              reason: answer.reason,
            });
      answered(result, transfer);
    } catch (error) {
      if (error instanceof ApiError && error.errors?.some((problem) => problem.path === "reason"))
        form.setError("reason", { type: "server", message: error.errors.find((p) => p.path === "reason")!.message });
      else setFailure(describeFailure(error));
    }
  });
  const summary = [
    ...errorsFromForm(form.formState.errors, { order: FIELDS }).map((item) => ({
      text: item.text,
      fieldId: item.fieldId ? `${idPrefix}-${item.fieldId}` : undefined,
    })),
    ...(failure ? [{ text: failure }] : []),
  ];
  return (
    <>
      <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Radios
          id={`${idPrefix}-answer`}
          legend={`Will ${transfer.toTeam.name} take referral ${transfer.reference}?`}
          legendSize="s"
          error={form.formState.errors.answer?.message}
          options={[
            {
              value: "accept",
              label: "Accept the transfer",
              hint: "The referral becomes your team's now, unassigned, with a new decision time.",
            },
            {
              value: "refuse",
              label: "Refuse the transfer",
              hint: `${transfer.fromTeam.name} keeps it and is told why.`,
            },
          ]}
          inputProps={form.register("answer")}
        />
        <Textarea
          id={`${idPrefix}-reason`}
          label="Reason for refusing"
          hint="Needed only if you refuse. The team that asked sees it."
          rows={3}
          error={form.formState.errors.reason?.message}
          {...form.register("reason")}
        />
        <Button disabled={form.formState.isSubmitting} preventDoubleClick>
          Save answer
        </Button>
      </form>
    </>
  );
}
