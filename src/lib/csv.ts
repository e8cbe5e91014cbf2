// csv-stringify (its sync API) writes every CSV the app offers for download. Its escape_formulas
// option follows the OWASP advice on CSV injection: a text cell starting with =, +, -, @, tab or
// carriage return (or their full-width forms) gets a leading single quote, so a spreadsheet shows
// the text instead of running it as a formula; numbers stay numbers, -2 included.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/** A CSV with a header row, CRLF line ends and a byte order mark (Excel then reads UTF-8). */
export function spreadsheetCsv<Row extends Record<string, CsvCell>>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  return stringify(rows as Row[], {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    // It quotes a field holding the whole record delimiter (CRLF) but not a lone CR or LF, which a
    // spreadsheet still reads as a new row, whose first cell could then be a formula.
    quoted_match: /[\r\n]/,
  });
}
