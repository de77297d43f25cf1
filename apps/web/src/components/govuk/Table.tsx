import type { ReactNode } from "react";

export interface TableColumn<Row> {
  /** Plain text: it also labels the cell when a narrow screen stacks each row. */
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly numeric?: boolean;
}

export interface TableProps<Row> {
  readonly caption: string;
  /** The caption stays for screen readers when the page heading already says what the table is. */
  readonly captionHidden?: boolean;
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** Extra classes for a row, e.g. to highlight one that needs attention (never colour alone). */
  readonly rowClassName?: (row: Row) => string | undefined;
}

/**
 * The GOV.UK table, for every table in the service. Below tablet width each row stacks into a
 * labelled block (see `.app-table` in styles), so no table makes the page scroll sideways at 320 px.
 */
export function Table<Row>({ caption, captionHidden, columns, rows, rowKey, rowClassName }: TableProps<Row>) {
  return (
    <table className="govuk-table app-table">
      <caption
        className={`govuk-table__caption govuk-table__caption--m${captionHidden ? " govuk-visually-hidden" : ""}`}
      >
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th
              scope="col"
              key={column.header}
              className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => {
          const extra = rowClassName?.(row);
          return (
            <tr className={`govuk-table__row${extra ? ` ${extra}` : ""}`} key={rowKey(row)}>
              {columns.map((column) => (
                <td
                  key={column.header}
                  data-label={column.header}
                  className={`govuk-table__cell${column.numeric ? " govuk-table__cell--numeric" : ""}`}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
