import type { ReactNode } from "react";

export function Fieldset({ legend, legendIsPageHeading, legendSize, describedBy, children }: {
  legend: ReactNode;
  legendIsPageHeading?: boolean | undefined;
  legendSize?: "l" | "m" | "s" | undefined;
  describedBy?: string | undefined;
  children: ReactNode;
}) {
  const size = legendSize ?? (legendIsPageHeading ? "l" : undefined);
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
      <legend className={`govuk-fieldset__legend${size ? ` govuk-fieldset__legend--${size}` : ""}`}>
        {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
