// `airace prices sync TICKER...`: daily prices for the listings of the companies (or the listings)
// given, from the price source (AIRACE_PRICES_URL; Stooq's daily CSV by default).
import type { Store } from '../../store/database.js';
import { withSyncLock } from '../../store/sync-lock.js';
import { PriceClient } from '../../ingest/prices/price-client.js';
import { priceSourceConfigFromEnv } from '../../ingest/prices/price-source-config.js';
import { listingsToSync } from '../../ingest/prices/listings-to-sync.js';
import { findResumablePriceRun, runPriceSync } from '../../ingest/prices/price-sync-run.js';
import { MAX_ITEM_ATTEMPTS, type QueueSummary } from '../../ingest/sync-queue.js';
import { parseDateBound } from '../../series/date-bound.js';
import { withStore, type CommandGroup } from '../cli-context.js';
import { InvalidOptionError } from '../../model/errors.js';
import { createProgressReporter } from '../progress-reporter.js';
import { interruptSignal } from '../interrupt-signal.js';
import { reportRunProgress, runSummaryText } from '../queue-progress.js';
import { positiveInt } from '../positive-int.js';

interface PricesSyncOptions {
  force?: boolean;
  resume?: boolean;
  from?: string;
  concurrency: string;
}

export function registerPricesSync(prices: CommandGroup): void {
  prices
    .command('sync')
    .description('fetch daily prices for the listings of the companies given (or for listings such as 9988.HK), or for every listing; AIRACE_PRICES_URL sets the source')
    .argument('[tickers...]', 'companies (all their listings) or listings; every listing in data/listings.csv when omitted')
    .option('--from <date>', 'ask only for prices from this day (a year or YYYY-MM-DD); stored prices are replaced by what the response holds')
    .option('--force', 'download and store again even when the source says, or the bytes show, nothing changed')
    .option('--resume', 'continue the last interrupted or partly failed price run: redo only its pending and failed listings')
    .option('--concurrency <n>', 'listings fetched at once', '2')
    .action(async (tickers, o, cmd) => {
      const global = cmd.optsWithGlobals();
      const concurrency = positiveInt('concurrency', o.concurrency);
      const from = o.from === undefined ? undefined : parseDateBound('from', o.from);
      if (o.resume && tickers.length) throw new InvalidOptionError('tickers', tickers.join(' '), ['no tickers with --resume'], '--resume continues the last price run with its own listings; give no tickers');
      const client = new PriceClient(priceSourceConfigFromEnv());
      const summary = await withStore(global, (store) => sync(store, client, tickers, { ...o, from, concurrency }));
      if (!summary) return;
      process.stdout.write(runSummaryText('Price sync', summary));
      if (summary.interrupted) throw new Error(`interrupted: ${summary.pending.length} listings not synced; run \`airace prices sync --resume\` to continue`);
      if (summary.failed.length) throw new Error(`${summary.failed.length} listing${summary.failed.length === 1 ? '' : 's'} failed to sync (see above); \`airace prices sync --resume\` retries ${summary.failed.length === 1 ? 'it' : 'them'}`);
    });
}

async function sync(store: Store, client: PriceClient, tickers: string[], o: Omit<PricesSyncOptions, 'concurrency' | 'from'> & { from?: string; concurrency: number }): Promise<QueueSummary | null> {
  let resumeRunId: number | undefined;
  if (o.resume) {
    const r = await findResumablePriceRun(store);
    if (!r) {
      process.stdout.write(`Nothing to resume: the last price sync finished every listing, or gave up on those that failed ${MAX_ITEM_ATTEMPTS} times (a new \`airace prices sync\` tries them again).\n`);
      return null;
    }
    resumeRunId = r.runId;
  }
  const listings = resumeRunId === undefined ? await listingsToSync(store, tickers) : [];
  const progress = createProgressReporter();
  const stop = interruptSignal(() => progress.log('Stopping after the listings in flight (press Ctrl-C again to quit at once)...'));
  try {
    return await withSyncLock(
      store,
      'prices',
      () => runPriceSync(store, { client, listings, resumeRunId, force: o.force, from: o.from, concurrency: o.concurrency, signal: stop.signal, onEvent: reportRunProgress(progress, 'listings', 'price sync') }),
      { onWait: (w) => progress.log(`Waiting for another price sync of this database to finish (${w.holder})...`) },
    );
  } finally {
    progress.stop();
    stop.dispose();
  }
}
