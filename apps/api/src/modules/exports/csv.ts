import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ExportRow } from "./columns.ts";
import { FREE_TEXT_COLUMNS, STRUCTURED_COLUMNS } from "./columns.ts";

/**
 * Rows to CSV text as a stream, so a large team's export never sits whole in memory.
 * escape_formulas puts a ' before any cell that starts with =, +, -, @, a tab or a carriage
 * return (and their full-width forms), the OWASP guidance against CSV injection: a spreadsheet
 * opening the file shows the text instead of running it as a formula. Numbers are left alone.
 */
export function csvStream(rows: AsyncIterable<ExportRow>, includeFreeText: boolean): Readable {
  const columns = includeFreeText ? [...STRUCTURED_COLUMNS, ...FREE_TEXT_COLUMNS] : STRUCTURED_COLUMNS;
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((column) => column.value(row) ?? "");
    })(),
  );
  const stringifier = stringify({
    header: true,
    columns: columns.map((column) => column.header),
    escape_formulas: true,
    // Windows spreadsheets expect CRLF; a BOM tells Excel the file is UTF-8.
    record_delimiter: "windows",
    bom: true,
  });
  records.on("error", (error) => stringifier.destroy(error));
  return records.pipe(stringifier);
}
