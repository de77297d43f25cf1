import type { ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { CharacterCount } from "./CharacterCount.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { describedBy, formGroupClass } from "./field-ids.ts";
import { Hint } from "./Hint.tsx";
import { Label, type LabelSize } from "./Label.tsx";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className" | "style"> {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly labelIsPageHeading?: boolean;
  readonly labelSize?: LabelSize;
  /** Shows how many characters are left; pass the current length (react-hook-form's watch). */
  readonly characterCount?: { readonly maximum: number; readonly current: number };
  readonly ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({
  id,
  label,
  hint,
  error,
  labelIsPageHeading,
  labelSize,
  characterCount,
  ref,
  rows = 5,
  ...textarea
}: TextareaProps) {
  const tooLong = characterCount ? characterCount.current > characterCount.maximum : false;
  return (
    <div className={formGroupClass(error, characterCount ? "govuk-character-count" : "")}>
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
        className={`govuk-textarea${characterCount ? " govuk-js-character-count" : ""}${error || tooLong ? " govuk-textarea--error" : ""}`}
        aria-describedby={describedBy(characterCount && `${id}-info`, hint && `${id}-hint`, error && `${id}-error`)}
      />
      {characterCount ? <CharacterCount id={id} {...characterCount} /> : null}
    </div>
  );
}
