import type { ReactNode } from "react";

/** A field label; as the page heading when the page asks one question. */
export function Label({ htmlFor, children, isPageHeading, size }: { htmlFor: string; children: ReactNode; isPageHeading?: boolean | undefined; size?: "l" | "m" | "s" | undefined }) {
  const className = `govuk-label${size ? ` govuk-label--${size}` : isPageHeading ? " govuk-label--l" : ""}`;
  const label = (
    <label className={className} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
