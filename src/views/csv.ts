// The one home of CSV output (pages' .csv twins, the API's CSV endpoints, the CLI). Cells are
// neutralised against spreadsheet formula injection: a text cell that begins with `=`, `+`, `-`,
// `@`, a tab or a carriage return would be run as a formula by Excel or Sheets (an article pasted
// into /check can hold `=HYPERLINK(...)`), so it gets a leading apostrophe, which spreadsheets
// show as text and do not evaluate. Numbers stay numbers.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: empty for null, a text cell that could start a formula prefixed with `'`. */
export function csvCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && FORMULA_START.test(v)) return `'${v}`;
  return v;
}

export function toCsv(header: readonly string[], rows: unknown[][]): string {
  return stringify([(header as string[]).map(csvCell) as string[], ...rows.map((r) => r.map(csvCell))]);
}
