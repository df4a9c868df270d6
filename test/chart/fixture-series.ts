// Test input built from the bundled data, not invented numbers: annual capex (actual,
// preferred rows) of the four hyperscalers, FY2022–FY2025, as the series engine would hand it over.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SourceRef } from '../../src/model/fact.js';
import { dataAsOfResult } from '../../src/series/data-as-of.js';
import { csvFacts, type CsvFact } from '../helpers/facts-csv.js';
import type { CompanySeries, SeriesPoint, SeriesResult } from '../../src/model/series.js';

const root = new URL('../../', import.meta.url);

export type FactRow = CsvFact;

interface CompanyRow {
  ticker: string;
  name: string;
  fiscal_year_end_month: string;
  currency: string;
  colour: string;
}

const readCsv = <T>(file: string): T[] =>
  parse(readFileSync(new URL(file, root), 'utf8'), { columns: true, skip_empty_lines: true }) as T[];

export const TICKERS = ['AMZN', 'MSFT', 'GOOGL', 'META'] as const;
export const FISCAL_YEARS = [2022, 2023, 2024, 2025] as const;

/** A fiscal year: about 365 days, ending in the company's fiscal-year-end month (drops AMZN's Jul–Jun TTM rows). */
function isFiscalYear(row: FactRow, fyEndMonth: number): boolean {
  const days = (Date.parse(row.period_end) - Date.parse(row.period_start)) / 86_400_000;
  return days >= 360 && days <= 370 && Number(row.period_end.slice(5, 7)) === fyEndMonth;
}

/** The CSV rows the fixture uses, keyed by `${ticker} FY${year}`. */
export function capexRows(): Map<string, FactRow> {
  const companies = new Map(readCsv<CompanyRow>('data/companies.csv').map((c) => [c.ticker, c]));
  const rows = new Map<string, FactRow>();
  for (const row of csvFacts) {
    const company = companies.get(row.ticker);
    if (!company || !(TICKERS as readonly string[]).includes(row.ticker)) continue;
    if (row.metric !== 'capex' || row.preferred !== '1' || row.basis !== 'actual') continue;
    if (row.unit !== 'millions' || !isFiscalYear(row, Number(company.fiscal_year_end_month))) continue;
    const year = Number(row.period_end.slice(0, 4));
    if ((FISCAL_YEARS as readonly number[]).includes(year)) rows.set(`${row.ticker} FY${year}`, row);
  }
  return rows;
}

export function capexSeries(): SeriesResult {
  const companies = new Map(readCsv<CompanyRow>('data/companies.csv').map((c) => [c.ticker, c]));
  const rows = capexRows();
  const series = TICKERS.map((ticker): CompanySeries => {
    const company = companies.get(ticker)!;
    return {
      ticker,
      name: company.name,
      colour: company.colour,
      reportingCurrency: company.currency,
      definition: null,
      points: FISCAL_YEARS.map((year, i) => {
        const row = rows.get(`${ticker} FY${year}`);
        return row ? pointOf(row, `FY${year}`, i) : missingPoint(ticker, year, Number(company.fiscal_year_end_month));
      }),
    };
  });
  return {
    metric: 'capex',
    unit: 'USD',
    currency: 'USD',
    period: 'fy',
    basis: 'actual',
    definition: 'Cash paid for property and equipment (cash-flow statement), gross',
    series,
    dataAsOf: dataAsOfResult({ series }),
  };
}

function pointOf(row: FactRow, label: string, id: number): SeriesPoint {
  const value = Number(row.value) * 1e6;
  const source: SourceRef = {
    factId: id,
    ticker: row.ticker,
    kind: 'bundled',
    url: row.source_url,
    form: row.form || null,
    accession: row.accession || null,
    filed: row.filed || null,
    readAt: row.read_at_url || null,
    verified: row.verified as SourceRef['verified'],
    confidence: row.confidence as SourceRef['confidence'],
    note: row.note || null,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value,
  };
  return {
    label,
    start: row.period_start,
    end: row.period_end,
    value,
    basis: 'actual',
    complete: true,
    derived: false,
    derivation: null,
    missing: null,
    partialValue: null,
    fx: null,
    sources: [source],
    fiscalPeriod: null,
    restated: false,
  };
}

/** A period without an actual preferred row in the bundled data. */
function missingPoint(ticker: string, year: number, fyEndMonth: number): SeriesPoint {
  const startYear = fyEndMonth === 12 ? year : year - 1;
  const startMonth = String((fyEndMonth % 12) + 1).padStart(2, '0');
  const endDay = new Date(Date.UTC(year, fyEndMonth, 0)).getUTCDate();
  return {
    label: `FY${year}`,
    start: `${startYear}-${startMonth}-01`,
    end: `${year}-${String(fyEndMonth).padStart(2, '0')}-${endDay}`,
    value: null,
    basis: 'actual',
    complete: false,
    derived: false,
    derivation: null,
    missing: { reason: 'no-data', detail: `no actual annual ${ticker} figure in data/facts.csv` },
    partialValue: null,
    fx: null,
    sources: [],
    fiscalPeriod: null,
    restated: false,
  };
}

/** A copy of `result` with one company's period missing as the engine reports it (SYNTHETIC: the bundled data has the value). */
export function withGap(result: SeriesResult, ticker: string, label: string, missing: SeriesPoint['missing'] & {}): SeriesResult {
  const series = result.series.map((s) =>
    s.ticker !== ticker ? s : { ...s, points: s.points.map((p) => (p.label !== label ? p : { ...p, value: null, complete: false, missing, sources: [] })) },
  );
  return { ...result, series, dataAsOf: dataAsOfResult({ series }) };
}

/** Synthetic variant: Alphabet FY2025 as the engine reports a year with no data. */
export function withMissingAlphabet(result = capexSeries()): SeriesResult {
  return withGap(result, 'GOOGL', 'FY2025', { reason: 'no-data', detail: 'no GOOGL figure for FY2025 (synthetic test case)' });
}

/** Synthetic variant: Alphabet FY2025 as the series engine reports a year with a missing quarter. */
export function withIncompleteAlphabet(): SeriesResult {
  return withGap(capexSeries(), 'GOOGL', 'FY2025', { reason: 'incomplete', detail: 'Q4 2025 missing (synthetic test case)' });
}
