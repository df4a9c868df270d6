import type { Command } from 'commander';
import { Option } from 'commander';
import { getSeries } from '../../series/engine.js';
import { applyTransform, TRANSFORMS } from '../../series/analytics.js';
import { parseBound } from '../../series/period-range.js';
import type { SeriesResult } from '../../model/series.js';
import type { Db } from '../../store/database.js';
import { PERIODS } from '../../model/series.js';
import { BASES, type Basis } from '../../model/fact.js';
import { METRIC_IDS } from '../../series/metrics.js';
import { seriesTable } from '../../views/series-table.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { toCsv } from '../../views/csv.js';
import { splitList, withStore, type GlobalOptions } from '../cli-context.js';
import { keyword } from '../../model/keyword.js';

export const FORMATS = ['table', 'csv', 'json'] as const;

/** Options shared by `series` and `chart`: what to compute. */
export function addSeriesOptions(cmd: Command): Command {
  return cmd
    .option('-m, --metric <metric>', `metric: ${METRIC_IDS.join(', ')}`, 'capex')
    .option('-c, --companies <tickers>', 'comma-separated tickers or names (Google works for GOOGL)', 'AMZN,MSFT,GOOGL,META')
    .option('--from <year>', 'first year (or quarter, 2024-Q3)')
    .option('--to <year>', 'last year (or quarter)')
    .option('-p, --period <period>', `period: ${PERIODS.join(', ')}`, 'fy')
    .option('--currency <code>', 'convert to this currency (USD); default: the common reporting currency, else USD')
    .option('--basis <basis>', `actual, guidance or commitment`, 'actual')
    .option('--as-first-reported', 'use the first filed version of each figure instead of the newest')
    .option('--transform <name>', `turn values into ${TRANSFORMS.join(' (year-over-year growth %) or ')} (% of the companies shown)`);
}

/** The series the options ask for, transformed when --transform is given. */
export async function computeSeries(db: Db, o: SeriesOptions): Promise<SeriesResult> {
  const request = seriesRequest(o);
  if (!o.transform) return getSeries(db, request);
  const transform = keyword(o.transform, 'transform', TRANSFORMS);
  if (transform !== 'yoy' || request.from === undefined) return applyTransform(await getSeries(db, request), transform);
  // Growth for the first period needs the year before it: fetch it, then drop it.
  const from = parseBound('from', request.from);
  const widened = await getSeries(db, { ...request, from: `${from.year - 1}${from.quarter ? `-Q${from.quarter}` : ''}` });
  const drop = request.period === 'fy' || request.period === 'cy' ? 1 : 4;
  const grown = applyTransform(widened, transform);
  return { ...grown, series: grown.series.map((s) => ({ ...s, points: s.points.slice(drop) })) };
}

export interface SeriesOptions extends GlobalOptions {
  metric: string;
  companies: string;
  from?: string;
  to?: string;
  period: string;
  currency?: string;
  basis: string;
  asFirstReported?: boolean;
  transform?: string;
}

export function seriesRequest(o: SeriesOptions) {
  return {
    metric: keyword(o.metric, 'metric', METRIC_IDS),
    tickers: splitList(o.companies),
    period: keyword(o.period, 'period', PERIODS),
    from: o.from,
    to: o.to,
    currency: o.currency,
    basis: keyword(o.basis, 'basis', BASES) as Basis,
    asFirstReported: o.asFirstReported,
  };
}

export function registerSeries(program: Command): void {
  addSeriesOptions(program.command('series').description('print a metric for companies over periods, with sources'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('table'))
    .action(async (o: SeriesOptions & { format: string }, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as SeriesOptions & { format: string };
      const result = await withStore(opts, (s) => computeSeries(s.db, opts));
      if (opts.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (opts.format === 'csv') process.stdout.write(toCsv(SERIES_CSV_COLUMNS, seriesRows(result)));
      else process.stdout.write(seriesTable(result) + '\n');
    });
}
