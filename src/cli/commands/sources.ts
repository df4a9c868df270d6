import type { Command } from 'commander';
import { Option } from 'commander';
import { verificationMix } from '../../series/verification-mix.js';
import { resolveCompanies } from '../../series/company-lookup.js';
import { storeDataAsOf } from '../../series/data-as-of.js';
import { listCompanies } from '../../store/companies-repository.js';
import { SOURCE_KINDS, VERIFICATION_LEVELS } from '../../model/fact.js';
import { DOCUMENT_KINDS } from '../../series/verification-mix.js';
import { VERIFICATION_COLUMNS, percentText, verificationRows } from '../../views/verification-rows.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type GlobalOptions } from '../cli-context.js';
import { parseList } from '../../model/list-input.js';

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('how far the figures airace uses are verified, per company: the share at each level (xbrl, filing, mapped, secondary), by document kind and by origin (bundled or SEC sync)')
    .argument('[tickers...]', 'tickers or names; all companies when omitted')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (tickers: string[], o: { format: string }, cmd: Command) => {
      const { report, dataAsOf } = await withStore(cmd.optsWithGlobals() as GlobalOptions, async (s) => {
        const wanted = parseList(tickers);
        const chosen = wanted.length ? resolveCompanies(await listCompanies(s.db), wanted) : undefined;
        return { report: await verificationMix(s.db, { companies: chosen }), dataAsOf: await storeDataAsOf(s.db) };
      });
      if (o.format === 'json') return void process.stdout.write(JSON.stringify({ dataAsOf, ...report }, null, 2) + '\n');
      const mixes = [...report.companies, report.all];
      if (o.format === 'csv') return void process.stdout.write(toCsv(VERIFICATION_COLUMNS, verificationRows(mixes), dataAsOf));
      const table = textTable(
        ['ticker', 'figures', ...VERIFICATION_LEVELS, ...DOCUMENT_KINDS.map((k) => `doc: ${k}`), ...SOURCE_KINDS.map((k) => `from ${k}`)],
        mixes.map((m) => [
          m.ticker, String(m.figures),
          ...VERIFICATION_LEVELS.map((l) => percentText(m.byLevel[l].share)),
          ...DOCUMENT_KINDS.map((k) => percentText(m.byDocument[k].share)),
          ...SOURCE_KINDS.map((k) => percentText(m.byOrigin[k].share)),
        ]),
      );
      process.stdout.write(
        'Figures airace uses (one per company, metric and period: a synced SEC fact, else the bundled preferred row), by how far they are verified:\n' +
          'xbrl = equals SEC’s XBRL fact; filing = read in the document itself; mapped = document named, value read at a copy; secondary = no primary document.\n\n' +
          `${table}\n`,
      );
    });
}
