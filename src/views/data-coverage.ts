// Data coverage: for each company, metric and period kind, which periods have a value,
// which sources they come from, and why the others are missing (the engine's reasons).
import type { ReadDb } from '../series/read-db.js';
import type { Company } from '../model/company.js';
import type { SourceKind } from '../model/fact.js';
import type { DataAsOf, MissingReason } from '../model/series.js';
import { combineDataAsOf, dataAsOfPoints, NO_DATA_AS_OF } from '../series/data-as-of.js';
import { getSeries } from '../series/engine.js';
import { METRIC_IDS } from '../series/metrics.js';

export const COVERAGE_PERIODS = ['fy', 'quarter'] as const;
export type CoveragePeriod = (typeof COVERAGE_PERIODS)[number];

export interface CoverageGap {
  label: string;
  reason: MissingReason | 'error';
  detail: string;
}

export interface CoverageCell {
  period: CoveragePeriod;
  /** First and last period with a value; null when there is none. */
  first: string | null;
  last: string | null;
  /** Periods with a value, out of all periods from first to last. */
  present: number;
  total: number;
  /** Where the values came from: the bundled verified data, SEC sync, or both. */
  sourceKinds: SourceKind[];
  /** Periods between first and last without a value, with the engine's reason. */
  gaps: CoverageGap[];
  /** How current the values are: the newest period end and document date among them. */
  dataAsOf: DataAsOf;
}

export interface CoverageRow {
  ticker: string;
  name: string;
  metric: string;
  cells: CoverageCell[];
  /** The newest figure of the metric for the company, over every period kind. */
  dataAsOf: DataAsOf;
}

async function cell(db: ReadDb, company: Company, metric: string, period: CoveragePeriod): Promise<CoverageCell> {
  try {
    const result = await getSeries(db, { metric, tickers: [company.ticker], period });
    const points = result.series[0]?.points ?? [];
    const firstAt = points.findIndex((p) => p.value !== null);
    const lastAt = points.length - 1 - [...points].reverse().findIndex((p) => p.value !== null);
    if (firstAt < 0) return { period, first: null, last: null, present: 0, total: 0, sourceKinds: [], gaps: [], dataAsOf: NO_DATA_AS_OF };
    const span = points.slice(firstAt, lastAt + 1);
    const kinds = new Set(span.flatMap((p) => (p.value === null ? [] : p.sources.map((s) => s.kind))));
    return {
      period,
      first: points[firstAt]!.label,
      last: points[lastAt]!.label,
      present: span.filter((p) => p.value !== null).length,
      total: span.length,
      sourceKinds: [...kinds].sort(),
      gaps: span.filter((p) => p.value === null).map((p) => ({ label: p.label, reason: p.missing?.reason ?? 'no-data', detail: p.missing?.detail ?? '' })),
      dataAsOf: dataAsOfPoints(span),
    };
  } catch (e) {
    return { period, first: null, last: null, present: 0, total: 0, sourceKinds: [], gaps: [{ label: '', reason: 'error', detail: (e as Error).message }], dataAsOf: NO_DATA_AS_OF };
  }
}

export async function dataCoverage(db: ReadDb, companies: Company[], metrics: readonly string[] = METRIC_IDS): Promise<CoverageRow[]> {
  const rows: CoverageRow[] = [];
  for (const company of companies.filter((c) => c.kind === 'company')) {
    for (const metric of metrics) {
      const cells = await Promise.all(COVERAGE_PERIODS.map((p) => cell(db, company, metric, p)));
      rows.push({ ticker: company.ticker, name: company.name, metric, cells, dataAsOf: combineDataAsOf(cells.map((c) => c.dataAsOf)) });
    }
  }
  return rows;
}
