import { Fragment, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { describedBy, formGroupClass } from "./field-ids.ts";
import { Fieldset, type LegendSize } from "./Fieldset.tsx";
import { Hint } from "./Hint.tsx";

export interface ChoiceOption {
  readonly value: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** Revealed beneath the option while it is chosen. */
  readonly conditional?: ReactNode;
  /** A word ("or") set before the option, to part an exclusive "None" from the others. */
  readonly divider?: string;
}

export interface ChoiceGroupProps {
  /** Id of the first input, which error links point at; the others get "-2", "-3"... as GOV.UK does. */
  readonly id: string;
  readonly legend: ReactNode;
  readonly legendIsPageHeading?: boolean;
  readonly legendSize?: LegendSize;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly options: readonly ChoiceOption[];
  /** What react-hook-form's register() returns, spread onto every input. */
  readonly inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "style"> & {
    ref?: Ref<HTMLInputElement>;
  };
  /** The value(s) chosen now, to reveal conditional content (react-hook-form's watch). */
  readonly selected?: string | readonly string[] | null | undefined;
  readonly inline?: boolean;
  readonly small?: boolean;
}

export const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

/** Radios and checkboxes share their markup, apart from the names GOV.UK gives them. */
export function ChoiceGroup({
  kind,
  id,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  options,
  inputProps,
  selected,
  inline,
  small,
}: ChoiceGroupProps & { kind: "radios" | "checkboxes" }) {
  const isSelected = (value: string) =>
    typeof selected === "string" ? selected === value : (selected ?? []).includes(value);
  const inputType = kind === "radios" ? "radio" : "checkbox";
  return (
    <div className={formGroupClass(error)}>
      <Fieldset
        legend={legend}
        legendIsPageHeading={legendIsPageHeading}
        legendSize={legendSize}
        describedBy={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div
          className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ""}${small ? ` govuk-${kind}--small` : ""}`}
        >
          {options.map((option, index) => {
            const inputId = optionId(id, index);
            return (
              <Fragment key={option.value}>
                {option.divider ? <div className={`govuk-${kind}__divider`}>{option.divider}</div> : null}
                <div className={`govuk-${kind}__item`}>
                  <input
                    {...inputProps}
                    className={`govuk-${kind}__input`}
                    id={inputId}
                    type={inputType}
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
                  // Always in the page (aria-controls must point somewhere); hidden until chosen.
                  <div
                    className={`govuk-${kind}__conditional${isSelected(option.value) ? "" : ` govuk-${kind}__conditional--hidden`}`}
                    id={`conditional-${inputId}`}
                  >
                    {option.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
