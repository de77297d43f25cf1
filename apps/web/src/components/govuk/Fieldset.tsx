import type { ReactNode } from "react";

export type LegendSize = "xl" | "l" | "m" | "s";

export interface FieldsetProps {
  readonly legend: ReactNode;
  /** The legend is the page's h1: for a page that asks one question. */
  readonly legendIsPageHeading?: boolean | undefined;
  readonly legendSize?: LegendSize | undefined;
  readonly describedBy?: string | undefined;
  readonly children: ReactNode;
}

export function Fieldset({ legend, legendIsPageHeading, legendSize, describedBy, children }: FieldsetProps) {
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
