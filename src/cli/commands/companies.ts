import { Option } from '@commander-js/extra-typings';
import { listCompanies } from '../../store/companies-repository.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type Program } from '../cli-context.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function registerCompanies(program: Program): void {
  program
    .command('companies')
    .description('list the companies and groups airace knows, with fiscal year ends and currencies')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (o, cmd) => {
      const companies = await withStore(cmd.optsWithGlobals(), (s) => listCompanies(s.db));
      if (o.format === 'json') return void process.stdout.write(JSON.stringify({ companies }, null, 2) + '\n');
      const header = ['ticker', 'name', 'kind', 'cik', 'country', 'fiscal_year_end', 'currency', 'colour', 'aliases'];
      const rows = companies.map((c) => [
        c.ticker, c.name, c.kind, c.cik === null ? '' : String(c.cik), c.country,
        MONTHS[c.fiscalYearEndMonth - 1]!, c.currency, c.colour, (c.kind === 'group' ? c.members : c.aliases).join('; '),
      ]);
      process.stdout.write(o.format === 'csv' ? toCsv(header, rows) : textTable(header, rows) + '\n');
    });
}
