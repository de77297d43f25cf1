import { stepUpRequestSchema, type StepUpResponse } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { useModalDialog } from "../../components/use-modal-dialog.ts";
import { Button, ErrorSummary, errorsFromForm } from "../../components/govuk/index.ts";
import { applyServerFailure } from "../forms/server-errors.ts";
import { TotpCodeInput } from "./TotpCodeInput.tsx";

type StepUpForm = z.input<typeof stepUpRequestSchema>;

/**
 * "Confirm it is you": the administrator's own code again, in a modal dialog over the page they
 * were on, so the change they asked for goes ahead without their losing the form. Like the
 * timeout warning, it takes the focus and gives it back where it was when it closes.
 */
export function StepUpDialog({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const { dialog, heading } = useModalDialog();
  const form = useForm<StepUpForm>({
    resolver: zodResolver(stepUpRequestSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await api.post<StepUpResponse>("/api/auth/step-up", values);
      onConfirmed();
    } catch (error) {
      form.resetField("code");
      const message = applyServerFailure(error, form.setError, ["code"]);
      if (message) form.setError("code", { type: "server", message });
    }
  });

  return (
    <dialog
      ref={dialog}
      className="app-modal-dialog"
      aria-labelledby="step-up-heading"
      aria-describedby="step-up-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <ErrorSummary items={errorsFromForm(errors)} focusKey={submitCount} />
      <h2 className="govuk-heading-m" id="step-up-heading" ref={heading} tabIndex={-1}>
        Confirm it is you
      </h2>
      <p className="govuk-body" id="step-up-text">
        Changes that give someone access to children&apos;s records, or that reset how they sign in, need the code from
        your authenticator app again.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <TotpCodeInput
          label="Code from your authenticator app"
          hint="The 6-digit code shown in the app. If it has just been used, wait for the next one."
          error={errors.code?.message}
          field={form.register("code")}
        />
        <div className="govuk-button-group">
          <Button disabled={isSubmitting} preventDoubleClick>
            Confirm
          </Button>
          <button type="button" className="app-link-button govuk-!-font-weight-regular" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
