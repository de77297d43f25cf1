import type { BaseSyntheticEvent, ReactNode } from "react";
import { Button, ErrorSummary, type ErrorSummaryItem } from "../../../components/govuk/index.ts";

/**
 * One of the file's action forms: its heading, its own error summary (several forms share the
 * page, so each says what went wrong with it, where the user is), its fields and its button.
 */
export function ActionForm({
  heading,
  summary,
  onSubmit,
  submitting,
  button,
  children,
}: {
  heading: string;
  summary: readonly ErrorSummaryItem[];
  /** react-hook-form's handleSubmit result, given the event so the browser never submits the form itself. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  submitting: boolean;
  button: string;
  children?: ReactNode;
}) {
  return (
    <section className="app-no-print govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">{heading}</h3>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {children}
        <Button disabled={submitting} preventDoubleClick>
          {button}
        </Button>
      </form>
    </section>
  );
}
