import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { describedBy } from "./field-ids.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Fieldset } from "./Fieldset.tsx";
import { Hint } from "./Hint.tsx";

type PartProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

/** Day, month and year as three fields, the GOV.UK way; ids are `${id}-day` and so on. */
export function DateInput({ id, legend, legendIsPageHeading, legendSize, hint, error, day, month, year, erroneousParts }: {
  id: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: "l" | "m" | "s";
  hint?: ReactNode;
  error?: string | undefined;
  day: PartProps;
  month: PartProps;
  year: PartProps;
  /** Which parts to highlight; all three when not given and there is an error. */
  erroneousParts?: readonly ("day" | "month" | "year")[];
}) {
  const parts = [
    { name: "day", label: "Day", props: day, width: 2 },
    { name: "month", label: "Month", props: month, width: 2 },
    { name: "year", label: "Year", props: year, width: 4 },
  ] as const;
  const highlighted = (part: string) => Boolean(error) && (!erroneousParts || erroneousParts.includes(part as "day"));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Fieldset legend={legend} legendIsPageHeading={legendIsPageHeading} legendSize={legendSize} describedBy={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.name}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.name}`}>
                  {part.label}
                </label>
                <input
                  {...part.props}
                  id={`${id}-${part.name}`}
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${highlighted(part.name) ? " govuk-input--error" : ""}`}
                  type="text"
                  inputMode="numeric"
                />
              </div>
            </div>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
