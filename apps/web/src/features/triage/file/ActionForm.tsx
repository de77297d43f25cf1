import type { ReactNode } from "react";
import { Button, ErrorSummary } from "../../../components/govuk/index.ts";
import type { FileAction } from "./use-file-action.ts";

/**
 * One of the file's action forms: its heading, its own error summary (several forms share the
 * page, so each says what went wrong with it, where the user is), its fields and its button.
 */
export function ActionForm({
  heading,
  action,
  button,
  children,
}: {
  heading: string;
  /** The form's state from useFileAction: its errors, its submit handler, whether it is sending. */
  action: FileAction;
  button: string;
  children?: ReactNode;
}) {
  return (
    <section className="app-no-print govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">{heading}</h3>
      {/* Focused after a submit only, never while the user types (WCAG 3.2.2). */}
      <ErrorSummary items={action.summary} focusKey={action.form.formState.submitCount} />
      <form noValidate onSubmit={(event) => void action.onSubmit(event)}>
        {children}
        <Button disabled={action.form.formState.isSubmitting} preventDoubleClick>
          {button}
        </Button>
      </form>
    </section>
  );
}
