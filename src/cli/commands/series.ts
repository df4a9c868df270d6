import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { TRANSFORMS } from '../../series/analytics.js';
import { computeSeries } from '../../series/compute-series.js';
import { PERIODS } from '../../model/series.js';
import { METRIC_IDS } from '../../series/metrics.js';
import { SERIES_SEGMENT_NAMES } from '../../series/segments.js';
import { seriesTable } from '../../views/series-table.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type Program } from '../cli-context.js';

export const FORMATS = ['table', 'csv', 'json'] as const;

/** Options shared by `series` and `chart`: what to compute. */
export function addSeriesOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>) {
  return cmd
    .option('-m, --metric <metric>', `metric: ${METRIC_IDS.join(', ')}`, 'capex')
    .option('-c, --companies <tickers>', 'comma-separated tickers or names (Google works for GOOGL)', 'AMZN,MSFT,GOOGL,META')
    .option('--from <year>', 'first year (or quarter, 2024-Q3)')
    .option('--to <year>', 'last year (or quarter)')
    .option('-p, --period <period>', `period: ${PERIODS.join(', ')}`, 'fy')
    .option('--currency <code>', 'convert to this currency (USD); default: the common reporting currency, else USD')
    .option('--basis <basis>', `actual, guidance or commitment`, 'actual')
    .option('--as-first-reported', 'use the first filed version of each figure instead of the newest')
    .option('--segment <name>', `one segment of a metric reported in segments (cloud_revenue): ${SERIES_SEGMENT_NAMES.join(', ')}`)
    .option('--transform <name>', `turn values into ${TRANSFORMS.join(' (year-over-year growth %) or ')} (% of the companies shown)`);
}

export function registerSeries(program: Program): void {
  addSeriesOptions(program.command('series').description('print a metric for companies over periods, with sources'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (_opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const result = await withStore(opts, (s) => computeSeries(s.db, opts));
      if (opts.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (opts.format === 'csv') process.stdout.write(toCsv(SERIES_CSV_COLUMNS, seriesRows(result), result.dataAsOf));
      else process.stdout.write(seriesTable(result) + '\n');
    });
}
