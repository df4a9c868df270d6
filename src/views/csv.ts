import { stringify } from 'csv-stringify/sync';

export function toCsv(header: readonly string[], rows: unknown[][]): string {
  return stringify([header as string[], ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)))]);
}
