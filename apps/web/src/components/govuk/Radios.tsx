import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy } from "./field-ids.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Fieldset } from "./Fieldset.tsx";
import { Hint } from "./Hint.tsx";

export interface ChoiceOption {
  readonly value: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** Revealed beneath the option while it is chosen. */
  readonly conditional?: ReactNode;
}

export interface ChoiceProps {
  /** Id of the first input; the others get "-2", "-3"... as GOV.UK does. */
  readonly id: string;
  readonly legend: ReactNode;
  readonly legendIsPageHeading?: boolean;
  readonly legendSize?: "l" | "m" | "s";
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly options: readonly ChoiceOption[];
  /** What react-hook-form's register() returns, spread onto every input. */
  readonly inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };
  /** The value(s) currently chosen, to reveal conditional content. */
  readonly selected?: string | readonly string[] | null | undefined;
  readonly inline?: boolean;
  readonly small?: boolean;
}

export const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function Choices({ kind, id, legend, legendIsPageHeading, legendSize, hint, error, options, inputProps, selected, inline, small }: ChoiceProps & { kind: "radios" | "checkboxes" }) {
  const isSelected = (value: string) => (Array.isArray(selected) ? selected.includes(value) : selected === value);
  const modifiers = `${inline ? ` govuk-${kind}--inline` : ""}${small ? ` govuk-${kind}--small` : ""}`;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Fieldset legend={legend} legendIsPageHeading={legendIsPageHeading} legendSize={legendSize} describedBy={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={`govuk-${kind}${modifiers}`}>
          {options.map((option, index) => {
            const inputId = optionId(id, index);
            const singular = kind === "radios" ? "radio" : "checkbox";
            return (
              <div key={option.value}>
                <div className={`govuk-${kind}__item`}>
                  <input
                    {...inputProps}
                    className={`govuk-${kind}__input`}
                    id={inputId}
                    type={singular}
                    value={option.value}
                    aria-describedby={option.hint ? `${inputId}-item-hint` : undefined}
                    aria-controls={option.conditional ? `conditional-${inputId}` : undefined}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${inputId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.conditional ? (
                  // Always in the page (aria-controls must point somewhere), hidden until chosen.
                  <div className={`govuk-${kind}__conditional${isSelected(option.value) ? "" : ` govuk-${kind}__conditional--hidden`}`} id={`conditional-${inputId}`}>
                    {option.conditional}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

export function Radios(props: ChoiceProps) {
  return <Choices kind="radios" {...props} />;
}

export function Checkboxes(props: ChoiceProps) {
  return <Choices kind="checkboxes" {...props} />;
}
