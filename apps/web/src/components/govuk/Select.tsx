import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { describedBy } from "./field-ids.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Hint } from "./Hint.tsx";
import { Label } from "./Label.tsx";

export function Select({ id, label, hint, error, options, ref, ...select }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  ref?: Ref<HTMLSelectElement>;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label htmlFor={id}>{label}</Label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <select {...select} ref={ref} id={id} className={`govuk-select${error ? " govuk-select--error" : ""}`} aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
