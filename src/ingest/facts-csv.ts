// data/facts.csv: verified figures, in millions, each with its source.
import { z } from 'zod';
import { BASES, CONFIDENCES, type FactInput } from '../model/fact.js';
import { readCsvFile, type CsvFile, type ReadCsvOptions } from './read-csv-file.js';
import { documentUrl, finiteNumber, isoDate, optionalAccession, optionalDocumentUrl, optionalForm, optionalIsoDate, text, ticker, verification } from './csv-fields.js';
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
    source_url: documentUrl,
    form: optionalForm,
    accession: optionalAccession,
    filed: optionalIsoDate,
    read_at_url: optionalDocumentUrl,
    verified: verification,
    note: text,
  })
  .refine((r) => r.period_start <= r.period_end, { message: 'period_start is after period_end', path: ['period_start'] })
  .refine((r) => (r.unit === 'percent') === (r.currency === 'pct'), { message: 'currency and unit disagree (pct goes with percent; USD and CNY with millions or CNY per USD)', path: ['unit'] })
  .refine((r) => r.unit !== 'CNY per USD' || r.metric === 'fx_convenience_rate', { message: 'CNY per USD is the unit of fx_convenience_rate only', path: ['unit'] })
  .superRefine((r, ctx) => {
    for (const problem of provenanceProblems(r)) ctx.addIssue({ code: 'custom', ...problem });
  });

interface Provenance {
  source_url: string;
  form: string | null;
  accession: string | null;
  filed: string | null;
  read_at_url: string | null;
  verified: string;
  confidence: string;
}

/** The folder of an EDGAR archive URL is the accession without dashes. */
const EDGAR_FOLDER = /^https:\/\/(?:www\.)?sec\.gov\/Archives\/edgar\/data\/\d+\/(\d{18})(?:\/|$)/;

/** How the provenance columns must agree (data/README: verified and confidence), as zod issues. */
export function provenanceProblems(r: Provenance): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const add = (field: string, message: string) => problems.push({ path: [field], message });
  if ((r.accession || r.filed) && !r.form) add('form', 'an accession or filing date needs the form it belongs to');
  if (r.verified === 'xbrl' && !r.accession) add('accession', 'verified xbrl needs the accession of the XBRL fact');
  if (r.confidence === 'high' && r.verified !== 'xbrl' && r.verified !== 'filing') add('confidence', `high confidence means verified xbrl or filing (this row is ${r.verified})`);
  if (r.read_at_url && r.read_at_url === r.source_url) add('read_at_url', 'read_at_url is for a place other than the document of record; leave it empty');
  const folder = EDGAR_FOLDER.exec(r.source_url)?.[1];
  if (folder && r.accession && folder !== r.accession.replace(/-/g, '')) add('accession', `does not match the filing the source_url opens (${folder})`);
  return problems;
}

export function readFactsCsv(path: string, displayName: string, knownTickers: Set<string>, options: ReadCsvOptions = {}): CsvFile<FactInput> {
  const file = readCsvFile(path, factRow, displayName, options);
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
      readAt: r.read_at_url,
      verified: r.verified,
      form: r.form,
      accession: r.accession,
      filed: r.filed,
      fy: null,
      fp: null,
      frame: null,
      note: r.note,
      supersededBy: null,
    };
    return { line, value: fact };
  });
  return { ...file, rows };
}
