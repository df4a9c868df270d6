// The one home of CSV output (pages' .csv twins, the API's CSV endpoints, the CLI). Cells are
// neutralised against spreadsheet formula injection: a text cell that begins with `=`, `+`, `-`,
// `@`, a tab or a carriage return would be run as a formula by Excel or Sheets (an article pasted
// into /check can hold `=HYPERLINK(...)`), so it gets a leading apostrophe, which spreadsheets
// show as text and do not evaluate. Numbers stay numbers.
import { stringify } from 'csv-stringify/sync';
import type { DataAsOf } from '../model/series.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: empty for null, a text cell that could start a formula prefixed with `'`. */
export function csvCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && FORMULA_START.test(v)) return `'${v}`;
  return v;
}

/** Every data CSV ends each row with how current the data in it is (the same for every row), so a downloaded file says it. */
export const DATA_AS_OF_COLUMNS = ['data_as_of_period_end', 'data_as_of_document_date'] as const;

export function toCsv(header: readonly string[], rows: unknown[][], dataAsOf?: DataAsOf): string {
  const head = dataAsOf ? [...header, ...DATA_AS_OF_COLUMNS] : [...header];
  const tail = dataAsOf ? [dataAsOf.newestPeriodEnd, dataAsOf.newestDocumentDate] : [];
  return stringify([head.map(csvCell) as string[], ...rows.map((r) => [...r, ...tail].map(csvCell))]);
}
