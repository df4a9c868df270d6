// data/facts.csv: verified figures, in millions, each with its source.
import { z } from 'zod';
import { BASES, CONFIDENCES, type FactInput } from '../model/fact.js';
import { readCsvFile, type CsvFile } from './read-csv-file.js';
import { finiteNumber, httpUrl, isoDate, text, ticker } from './csv-fields.js';
import { DataFileError } from './data-file-error.js';

/** currency + unit columns as the file writes them, and how they become a stored unit and scale. */
const UNITS: Record<string, { unit: (currency: string) => string; scale: number }> = {
  millions: { unit: (c) => c, scale: 1e6 },
  percent: { unit: () => 'percent', scale: 1 },
  'CNY per USD': { unit: () => 'CNY/USD', scale: 1 },
};

const factRow = z
  .object({
    ticker,
    metric: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case metric id'),
    period_start: isoDate,
    period_end: isoDate,
    value: finiteNumber,
    currency: z.enum(['USD', 'CNY', 'pct']),
    unit: z.enum(Object.keys(UNITS) as [string, ...string[]]),
    basis: z.enum(BASES),
    confidence: z.enum(CONFIDENCES),
    preferred: z.enum(['0', '1']).transform((s) => s === '1'),
    source_url: httpUrl,
    note: text,
  })
  .refine((r) => r.period_start <= r.period_end, { message: 'period_start is after period_end', path: ['period_start'] })
  .refine((r) => (r.unit === 'percent') === (r.currency === 'pct'), { message: 'currency and unit disagree (pct goes with percent; USD and CNY with millions or CNY per USD)', path: ['unit'] })
  .refine((r) => r.unit !== 'CNY per USD' || r.metric === 'fx_convenience_rate', { message: 'CNY per USD is the unit of fx_convenience_rate only', path: ['unit'] });

export function readFactsCsv(path: string, displayName: string, knownTickers: Set<string>): CsvFile<FactInput> {
  const file = readCsvFile(path, factRow, displayName);
  const preferredAt = new Map<string, number>();
  const rows = file.rows.map(({ line, value: r }) => {
    if (!knownTickers.has(r.ticker)) {
      throw new DataFileError(displayName, line, `ticker: unknown company ${r.ticker} (add it to companies.csv first)`);
    }
    if (r.preferred) {
      const key = [r.ticker, r.metric, r.period_start, r.period_end, r.basis, r.currency].join('|');
      const first = preferredAt.get(key);
      if (first) throw new DataFileError(displayName, line, `preferred: a second preferred row for ${r.ticker} ${r.metric} ${r.period_start}..${r.period_end} ${r.basis} ${r.currency} (first at line ${first})`);
      preferredAt.set(key, line);
    }
    const u = UNITS[r.unit]!;
    const fact: FactInput = {
      ticker: r.ticker,
      metric: r.metric,
      concept: null,
      // Round away float noise from the scale (280.2 * 1e6).
      value: Math.round(r.value * u.scale * 1e6) / 1e6,
      unit: u.unit(r.currency),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      basis: r.basis,
      confidence: r.confidence,
      preferred: r.preferred,
      sourceKind: 'bundled',
      sourceUrl: r.source_url,
      form: null,
      accession: null,
      filed: null,
      fy: null,
      fp: null,
      frame: null,
      note: r.note,
    };
    return { line, value: fact };
  });
  return { ...file, rows };
}
