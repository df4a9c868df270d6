// Progress and the closing summary of a sync run (SEC companies, price listings): one bar (or
// one line per item when not on a terminal), retries and failures kept on screen.
import type { RetryInfo } from '../ingest/http/http-client.js';
import type { ItemOutcome, QueueSummary } from '../ingest/sync-queue.js';
import type { ProgressReporter } from './progress-reporter.js';

export type RunProgressEvent =
  | { type: 'start'; runId: number; total: number; resumed: boolean; alreadyDone: number }
  | { type: 'retry'; ticker: string; info: RetryInfo }
  | { type: 'company' | 'item'; outcome: ItemOutcome; done: number; total: number };

/** An onEvent for runQueue-based runs that drives `progress`; `unit` is the plural noun ("companies"). */
export function reportRunProgress(progress: ProgressReporter, unit: string, label: string) {
  return (e: RunProgressEvent): void => {
    if (e.type === 'start') {
      progress.start(e.total, unit);
      if (e.resumed) progress.log(`Resuming ${label} run ${e.runId}: ${e.alreadyDone} of ${e.total} ${unit} already done.`);
      progress.update(e.alreadyDone, '');
    } else if (e.type === 'retry') {
      progress.log(`${e.ticker}: ${e.info.reason}; retrying in ${(e.info.delayMs / 1000).toFixed(1)} s (attempt ${e.info.attempt + 1} of ${e.info.maxAttempts})`);
    } else {
      const { outcome: c } = e;
      progress.update(e.done, `${c.ticker} ${c.status}`);
      progress.log(`[${e.done}/${e.total}] ${c.ticker} ${c.status}${c.message ? `: ${c.message}` : ''}`);
    }
  };
}

/** "Sync run 4: 2 updated, 0 unchanged, 1 failed", then one line per item. */
export function runSummaryText(label: string, s: QueueSummary): string {
  const lines = [
    `${label} run ${s.runId}: ${s.updated.length} updated, ${s.unchanged.length} unchanged, ${s.failed.length} failed` +
      (s.alreadyDone ? `, ${s.alreadyDone} done earlier` : '') +
      (s.pending.length ? `, ${s.pending.length} not reached` : ''),
  ];
  for (const c of [...s.updated, ...s.unchanged, ...s.failed]) lines.push(`  ${c.status.padEnd(9)}  ${c.ticker.padEnd(8)}  ${c.message ?? ''}`);
  for (const c of s.gaveUp) lines.push(`  ${'gave up'.padEnd(9)}  ${c.ticker.padEnd(8)}  ${c.message ?? ''}`);
  if (s.pending.length) lines.push(`  pending    ${s.pending.join(', ')}`);
  return lines.join('\n') + '\n';
}
