import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { describedBy, formGroupClass } from "./field-ids.ts";
import { Hint } from "./Hint.tsx";
import { Label } from "./Label.tsx";

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className" | "style"> {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly options: readonly SelectOption[];
  readonly ref?: Ref<HTMLSelectElement>;
}

export function Select({ id, label, hint, error, options, ref, ...select }: SelectProps) {
  return (
    <div className={formGroupClass(error)}>
      <Label htmlFor={id}>{label}</Label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <select
        {...select}
        ref={ref}
        id={id}
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
