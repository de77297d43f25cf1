import type { ReactNode } from "react";
import { Link } from "react-router";

export interface SummaryRow {
  readonly key: ReactNode;
  /** Blank values read "Not given" rather than leaving an empty cell. */
  readonly value: ReactNode;
  /** A "Change" link; the hidden text says what changes, e.g. "date of birth". */
  readonly change?: { readonly to: string; readonly visuallyHiddenText: string };
}

export function SummaryList({ rows, noBorder }: { rows: readonly SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row, index) => (
        <div
          className={`govuk-summary-list__row${anyActions && !row.change ? " govuk-summary-list__row--no-actions" : ""}`}
          key={index}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">
            {row.value === "" || row.value === null || row.value === undefined ? "Not given" : row.value}
          </dd>
          {row.change ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.visuallyHiddenText}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
