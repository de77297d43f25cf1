import type { ReactNode } from "react";

export type LabelSize = "xl" | "l" | "m" | "s";

/** A field's label; the page's h1 when the page asks one question. */
export function Label({
  htmlFor,
  children,
  isPageHeading,
  size,
}: {
  htmlFor: string;
  children: ReactNode;
  isPageHeading?: boolean | undefined;
  size?: LabelSize | undefined;
}) {
  const labelSize = size ?? (isPageHeading ? "l" : undefined);
  const label = (
    <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ""}`} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
