import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { describedBy, formGroupClass } from "./field-ids.ts";
import { Hint } from "./Hint.tsx";
import { Label, type LabelSize } from "./Label.tsx";

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "style"> {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly width?:
    "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third";
  readonly labelIsPageHeading?: boolean;
  readonly labelSize?: LabelSize;
  /** react-hook-form's register() ref, or any ref: React 19 passes it as a prop. */
  readonly ref?: Ref<HTMLInputElement>;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  width,
  labelIsPageHeading,
  labelSize,
  ref,
  type = "text",
  ...input
}: TextInputProps) {
  const widthClass = width ? (/^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`) : "";
  return (
    <div className={formGroupClass(error)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} size={labelSize}>
        {label}
      </Label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        {...input}
        ref={ref}
        id={id}
        type={type}
        className={`govuk-input${widthClass}${error ? " govuk-input--error" : ""}`}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}
