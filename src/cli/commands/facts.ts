import { Option } from '@commander-js/extra-typings';
import { listCompanyFacts } from '../../series/fact-listing.js';
import { FACT_COLUMNS, factJson, factRows } from '../../views/fact-rows.js';
import { dataAsOfFacts } from '../../series/data-as-of.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type Program } from '../cli-context.js';
import { parseYear } from '../../series/period-range.js';

export function registerFacts(program: Program): void {
  program
    .command('facts')
    .description('show the stored facts behind a company and metric, every version, with provenance')
    .argument('<ticker>', 'ticker or company name')
    .argument('[metric]', 'metric id (capex, revenue, ...); all metrics when omitted')
    .option('--from <year>', 'first year of period end', (v) => parseYear('from', v))
    .option('--to <year>', 'last year of period end', (v) => parseYear('to', v))
    .option('--as-first-reported', 'mark the first filed version of each period as used')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (ticker, metric, o, cmd) => {
      const listing = await withStore(cmd.optsWithGlobals(), (s) => listCompanyFacts(s.db, { ticker, metric, ...o }));
      if (o.format === 'json') {
        const facts = listing.facts.map((f) => factJson(f, listing.used.has(f.id)));
        return void process.stdout.write(JSON.stringify({ ticker: listing.ticker, metric: listing.metric, dataAsOf: dataAsOfFacts(listing.facts), facts }, null, 2) + '\n');
      }
      const rows = factRows(listing.facts, listing.used);
      if (o.format === 'csv') return void process.stdout.write(toCsv(FACT_COLUMNS, rows, dataAsOfFacts(listing.facts)));
      if (!rows.length) return void process.stdout.write(`No facts for ${listing.ticker} ${listing.metric}.\n`);
      const show = ['period_start', 'period_end', 'value', 'unit', 'basis', 'confidence', 'verified', 'used', 'source_kind', 'form', 'filed', 'source_url'];
      const idx = show.map((c) => FACT_COLUMNS.indexOf(c as (typeof FACT_COLUMNS)[number]));
      const table = textTable(
        show.map((c) => (c === 'used' ? 'used' : c)),
        rows.map((r) => idx.map((i) => (i === FACT_COLUMNS.indexOf('used') ? (r[i] ? 'yes' : '') : r[i] === null ? '' : String(r[i])))),
      );
      process.stdout.write(`${listing.ticker} ${listing.metric}: ${rows.length} facts ('used' marks the version the series engine takes)\n\n${table}\n`);
    });
}
