import type { ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { describedBy } from "./field-ids.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Hint } from "./Hint.tsx";
import { Label } from "./Label.tsx";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className"> {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly labelIsPageHeading?: boolean;
  readonly labelSize?: "l" | "m" | "s";
  /** Shows how many characters are left, announced politely as the user types. */
  readonly characterCount?: { readonly maximum: number; readonly current: number };
  readonly ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ id, label, hint, error, labelIsPageHeading, labelSize, characterCount, ref, rows = 5, ...textarea }: TextareaProps) {
  const remaining = characterCount ? characterCount.maximum - characterCount.current : 0;
  const group = (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} size={labelSize}>
        {label}
      </Label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        rows={rows}
        className={`govuk-textarea${error || remaining < 0 ? " govuk-textarea--error" : ""}${characterCount ? " govuk-js-character-count" : ""}`}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`, characterCount && `${id}-info`)}
      />
      {characterCount ? (
        <div id={`${id}-info`} className={`govuk-hint govuk-character-count__message${remaining < 0 ? " govuk-error-message" : ""}`} aria-live="polite">
          {remaining >= 0 ? `You have ${remaining} character${remaining === 1 ? "" : "s"} remaining` : `You have ${-remaining} character${remaining === -1 ? "" : "s"} too many`}
        </div>
      ) : null}
    </div>
  );
  return characterCount ? <div className="govuk-character-count">{group}</div> : group;
}
