// Reads data/facts.csv directly, so tests compare engine output with the file, not with typed numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvFact {
  ticker: string;
  metric: string;
  period_start: string;
  period_end: string;
  value: string;
  currency: string;
  unit: string;
  basis: string;
  confidence: string;
  preferred: string;
  source_url: string;
  form: string;
  accession: string;
  filed: string;
  read_at_url: string;
  verified: string;
  note: string;
}

export const csvFacts: CsvFact[] = parse(readFileSync(new URL('../../data/facts.csv', import.meta.url), 'utf8'), { columns: true });

/** The preferred row for an exact period, in currency units (the file is in millions). */
export function preferredValue(ticker: string, metric: string, start: string, end: string, basis = 'actual'): number {
  const row = csvFacts.find((r) => r.ticker === ticker && r.metric === metric && r.period_start === start && r.period_end === end && r.basis === basis && r.preferred === '1');
  if (!row) throw new Error(`no preferred row for ${ticker} ${metric} ${start}..${end}`);
  return Number(row.value) * (row.unit === 'millions' ? 1e6 : 1);
}
