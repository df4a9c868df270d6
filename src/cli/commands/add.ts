import { addCompany, tickerList } from '../../ingest/sec/add-company.js';
import { withStore, type Program } from '../cli-context.js';
import { secClientFromEnv } from '../sec-client-from-env.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function registerAdd(program: Program): void {
  program
    .command('add')
    .description('track a listed company: find its CIK, name and fiscal year at SEC EDGAR (then run `airace sync TICKER`)')
    .argument('<tickers...>', 'exchange tickers, e.g. NVDA ORCL')
    .action(async (tickers, _o, cmd) => {
      const client = secClientFromEnv();
      await withStore(cmd.optsWithGlobals(), async (store) => {
        // One download of SEC's ticker list however many tickers are added.
        const list = tickerList(client);
        for (const t of tickers) {
          const { company: c, created, renamedFrom } = await addCompany(store, client, t, { tickers: list });
          const added = `${c.ticker}: ${c.name} (CIK ${c.cik}), fiscal year ends in ${MONTHS[c.fiscalYearEndMonth - 1]}, colour ${c.colour}`;
          process.stdout.write(
            created
              ? `Added ${added}.\n`
              : renamedFrom
                ? `Added ${added}; its facts from a bulk ingest, filed as ${renamedFrom}, now go by ${c.ticker}.\n`
                : `${t.toUpperCase()} is already known${c.ticker !== t.toUpperCase() ? ` as ${c.ticker}` : ''} (${c.name}, CIK ${c.cik}); \`airace sync\` tracks it.\n`,
          );
        }
        process.stdout.write(`Run \`airace sync ${tickers.map((t) => t.toUpperCase()).join(' ')}\` to fetch facts from SEC.\n`);
      });
    });
}
