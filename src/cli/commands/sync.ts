import { listCompanies } from '../../store/companies-repository.js';
import { findCompany } from '../../series/company-lookup.js';
import { findResumableRun, MAX_COMPANY_ATTEMPTS, runSync } from '../../ingest/sec/sync-run.js';
import { bulkIngest, DEFAULT_BATCH_FACTS, type BulkOptions, type BulkSummary } from '../../ingest/sec/bulk-ingest.js';
import type { Store } from '../../store/database.js';
import { withSyncLock } from '../../store/sync-lock.js';
import { withStore, type Program } from '../cli-context.js';
import { secClientFromEnv } from '../sec-client-from-env.js';
import { createProgressReporter } from '../progress-reporter.js';
import { interruptSignal } from '../interrupt-signal.js';
import { reportRunProgress, runSummaryText } from '../queue-progress.js';
import { nonNegativeInt, positiveInt } from '../positive-int.js';
import { ingestThreadsFromEnv, INGEST_THREADS_ENV } from '../../ingest/sec/bulk-decoder.js';
import { InvalidOptionError, NotFoundError } from '../../model/errors.js';

export function registerSync(program: Program): void {
  program
    .command('sync')
    .description('fetch facts from SEC EDGAR for the given tickers, or every tracked company; --bulk ingests SEC\'s companyfacts.zip')
    .argument('[tickers...]', 'tickers or names; every tracked company when omitted')
    .option('--bulk <file.zip>', 'ingest a downloaded companyfacts.zip instead of calling the API (no network)')
    .option('--force', 'download everything again, ignoring stored ETag / Last-Modified')
    .option('--resume', 'continue the last interrupted or partly failed run: redo only its pending and failed companies')
    .option('--concurrency <n>', 'companies fetched at once (all requests share the 10/second limit)', '2')
    .option('--batch <facts>', 'with --bulk: facts written per transaction', String(DEFAULT_BATCH_FACTS))
    .option('--threads <n>', `with --bulk: worker threads decoding entries while the main thread writes; 0 decodes serially on one thread (default: ${INGEST_THREADS_ENV}, else cores − 1, 1 to 4)`)
    .action(async (tickers, o, cmd) => {
      const global = cmd.optsWithGlobals();
      const archive = o.bulk;
      if (archive) {
        if (tickers.length) throw new InvalidOptionError('tickers', tickers.join(' '), ['no tickers with --bulk'], '--bulk ingests every company in the archive; give no tickers');
        const batch = positiveInt('batch', o.batch);
        const threads = o.threads === undefined ? ingestThreadsFromEnv() : nonNegativeInt('threads', o.threads);
        const s = await withStore(global, (store) => bulk(store, archive, { batchFacts: batch, threads, resume: !!o.resume }));
        if (s.interrupted) throw new Error('interrupted: run the same command with --resume to continue');
        if (s.failed.length) throw new Error(`${s.failed.length} archive entr${s.failed.length === 1 ? 'y' : 'ies'} failed (listed above)`);
        return;
      }
      const concurrency = positiveInt('concurrency', o.concurrency);
      const client = secClientFromEnv();
      const summary = await withStore(global, async (store) => {
        let resumeRunId: number | undefined;
        if (o.resume) {
          if (tickers.length) throw new InvalidOptionError('tickers', tickers.join(' '), ['no tickers with --resume'], '--resume continues the last run with its own companies; give no tickers');
          const r = await findResumableRun(store);
          if (!r) {
            process.stdout.write(`Nothing to resume: the last sync run finished every company, or gave up on those that failed ${MAX_COMPANY_ATTEMPTS} times (a new \`airace sync\` tries them again).\n`);
            return null;
          }
          resumeRunId = r.runId;
        }
        const resolved = resumeRunId === undefined ? await resolveTickers(store, tickers) : [];
        const progress = createProgressReporter();
        const stop = interruptSignal(() => progress.log('Stopping after the companies in flight (press Ctrl-C again to quit at once)...'));
        const waiting = { onWait: (w: { holder: string }) => progress.log(`Waiting for another sync of this database to finish (${w.holder})...`) };
        try {
          // One sync per database at a time (a cron job and a manual run): the second waits.
          return await withSyncLock(store, 'sec', () => runSync(store, {
            client,
            tickers: resolved,
            resumeRunId,
            force: o.force,
            concurrency,
            signal: stop.signal,
            onEvent: reportRunProgress(progress, 'companies', 'sync'),
          }), waiting);
        } finally {
          progress.stop();
          stop.dispose();
        }
      });
      if (!summary) return;
      process.stdout.write(runSummaryText('Sync', summary));
      if (summary.interrupted) throw new Error(`interrupted: ${summary.pending.length} companies not synced; run \`airace sync --resume\` to continue`);
      if (summary.failed.length) throw new Error(`${summary.failed.length} compan${summary.failed.length === 1 ? 'y' : 'ies'} failed to sync (see above); \`airace sync --resume\` retries them`);
    });
}

async function resolveTickers(store: Store, queries: string[]): Promise<string[]> {
  if (!queries.length) return [];
  const companies = await listCompanies(store.db);
  return queries.map((q) => {
    const c = findCompany(companies, q);
    if (!c) throw new NotFoundError('ticker', q, [], `not in the store; run \`airace add ${q.toUpperCase()}\` first`);
    if (c.kind === 'group') throw new InvalidOptionError('ticker', c.ticker, c.members, `a group; sync its members (${c.members.join(', ')})`);
    return c.ticker;
  });
}

async function bulk(store: Store, file: string, options: Pick<BulkOptions, 'batchFacts' | 'threads' | 'resume'>): Promise<BulkSummary> {
  const progress = createProgressReporter();
  const stop = interruptSignal(() => progress.log('Stopping after the current entry (press Ctrl-C again to quit at once)...'));
  let summary: BulkSummary;
  let lastLine = 0;
  try {
    summary = await withSyncLock(store, 'bulk', () => bulkIngest(store, file, {
      ...options,
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'start') {
          progress.start(e.entries, 'entries');
          if (e.resumed) progress.log(`Resuming bulk run ${e.runId} of ${file}.`);
          return;
        }
        progress.update(e.done, e.ticker ? `${e.ticker} ${e.facts} facts` : e.name);
        if (e.failed) progress.log(`${e.name}: ${e.failed}`);
        // Plain output: one line per 1,000 entries rather than 18,000 lines.
        else if (!process.stderr.isTTY && (e.done - lastLine >= 1000 || e.done === e.total)) {
          lastLine = e.done;
          progress.log(`[${e.done}/${e.total}] entries read`);
        }
      },
    }), { onWait: (w) => progress.log(`Waiting for another bulk ingest of this database to finish (${w.holder})...`) });
  } finally {
    progress.stop();
    stop.dispose();
  }
  process.stdout.write(
    `Bulk run ${summary.runId} (${summary.threads ? `${summary.threads} decoder thread${summary.threads === 1 ? '' : 's'}` : 'serial'}): ${summary.documents} companyfacts documents in ${summary.entries} entries; ` +
      `${summary.companies} companies stored (${summary.created} new), ${summary.facts} facts; ` +
      `${summary.empty} without mapped concepts; ${summary.failed.length} failed` +
      (summary.alreadyDone ? `; ${summary.alreadyDone} done in an earlier attempt` : '') +
      '\n',
  );
  for (const f of summary.failed) process.stdout.write(`  failed  ${f.entry}: ${f.message}\n`);
  return summary;
}
