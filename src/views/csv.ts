import { stringify } from 'csv-stringify/sync';
import type { DataAsOf } from '../model/series.js';

/** Every data CSV ends each row with how current the data in it is (the same for every row), so a downloaded file says it. */
export const DATA_AS_OF_COLUMNS = ['data_as_of_period_end', 'data_as_of_document_date'] as const;

export function toCsv(header: readonly string[], rows: unknown[][], dataAsOf?: DataAsOf): string {
  const head = dataAsOf ? [...header, ...DATA_AS_OF_COLUMNS] : [...header];
  const tail = dataAsOf ? [dataAsOf.newestPeriodEnd, dataAsOf.newestDocumentDate] : [];
  return stringify([head, ...rows.map((r) => [...r, ...tail].map((v) => (v === null || v === undefined ? '' : v)))]);
}
