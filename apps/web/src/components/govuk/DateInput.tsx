import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { describedBy, formGroupClass } from "./field-ids.ts";
import { Fieldset, type LegendSize } from "./Fieldset.tsx";
import { Hint } from "./Hint.tsx";

type DatePart = "day" | "month" | "year";
type PartProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "type" | "style"> & {
  ref?: Ref<HTMLInputElement>;
};

const parts: readonly { name: DatePart; label: string; width: number }[] = [
  { name: "day", label: "Day", width: 2 },
  { name: "month", label: "Month", width: 2 },
  { name: "year", label: "Year", width: 4 },
];

/**
 * Day, month and year as three fields with one error message, the GOV.UK way. The fields' ids
 * are `${id}-day`, `${id}-month` and `${id}-year`; error summary links go to the day.
 */
export function DateInput({
  id,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  day,
  month,
  year,
  erroneousParts,
}: {
  id: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  hint?: ReactNode;
  error?: string | undefined;
  /** register() results (or any input props) for each part. */
  day: PartProps;
  month: PartProps;
  year: PartProps;
  /** Which parts to highlight; all three when there is an error and this is not given. */
  erroneousParts?: readonly DatePart[];
}) {
  const props = { day, month, year };
  const highlighted = (part: DatePart) => Boolean(error) && (!erroneousParts || erroneousParts.includes(part));
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
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.name}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.name}`}>
                  {part.label}
                </label>
                <input
                  {...props[part.name]}
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
