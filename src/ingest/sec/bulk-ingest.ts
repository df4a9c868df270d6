// Ingests SEC's nightly companyfacts.zip (one CIK##########.json per filer) without holding
// the archive in memory: yauzl reads one entry at a time, each entry goes through the same
// parser and concept map as live sync, and finished companies are written in batches, each
// batch one transaction holding whole companies. Peak memory is roughly the largest entry
// (its bytes plus the parsed document) plus one batch of facts; see docs/sync.md.
//
// Only Kysely and the store's replaceCompanyFacts (bulkInsertFacts underneath: COPY on
// PostgreSQL, INSERTs sized to dialect.maxParameters on SQLite) touch the store, so the same
// code runs against both.
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import type { FactInput } from '../../model/fact.js';
import { listCompanies, upsertCompany } from '../../store/companies-repository.js';
import { replaceCompanyFacts } from '../../store/replace-company-facts.js';
import { inTransaction } from '../../store/in-transaction.js';
import { listCompanySources } from '../../store/company-source-repository.js';
import { forgetValidators } from '../../store/sync-state-repository.js';
import { finishRun, startRun } from '../../store/runs-repository.js';
import { latestRun, listItems, reopenRun, setItemStatus } from '../../store/sync-run-items-repository.js';
import { classifyEntry, decodeCompanyFactsEntry, entryNameOf } from './bulk-entry.js';
import { companyColour } from './company-colour.js';
import { SecError } from './sec-error.js';

export const BULK_RUN_KIND = 'bulk';
export const DEFAULT_BATCH_FACTS = 20_000;
export const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

export interface BulkOptions {
  /** Facts per transaction (default 20,000). Bounds the memory held between commits. */
  batchFacts?: number;
  /** Entries larger than this (uncompressed) fail instead of being read (default 1 GiB). */
  maxEntryBytes?: number;
  /** Continue the last unfinished ingest of the same file, skipping companies it stored. */
  resume?: boolean;
  signal?: AbortSignal;
  onEvent?: (e: BulkEvent) => void;
}

export type BulkEvent =
  | { type: 'start'; runId: number; entries: number; resumed: boolean }
  | { type: 'entry'; name: string; ticker: string | null; facts: number; failed: string | null; done: number; total: number };

export interface BulkSummary {
  runId: number;
  /** Entries in the archive, and how many were companyfacts documents. */
  entries: number;
  documents: number;
  /** Companies whose SEC facts were written, and how many of them were new to the store. */
  companies: number;
  created: number;
  facts: number;
  /** Documents with no mapped concept (funds, shells): nothing stored. */
  empty: number;
  /** Companies skipped because a resumed run had already stored them. */
  alreadyDone: number;
  failed: { entry: string; message: string }[];
  interrupted: boolean;
}

interface Pending {
  company: Company;
  upsert: boolean;
  facts: FactInput[];
}

export async function bulkIngest(store: Store, zipPath: string, opts: BulkOptions = {}): Promise<BulkSummary> {
  const { db } = store;
  const batchFacts = Math.max(1, opts.batchFacts ?? DEFAULT_BATCH_FACTS);
  const maxEntryBytes = opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const file = resolve(zipPath);
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new Error(`cannot read ${zipPath}: ${(e as Error).message}`);
  }
  let zip: ZipFile;
  try {
    // Names are decoded and judged per entry (bulk-entry.ts), so one unsafe name fails alone.
    zip = await yauzl.openPromise(file, { autoClose: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: false });
  } catch (e) {
    throw new Error(`${zipPath} is not a readable zip archive: ${(e as Error).message}`);
  }

  // The run remembers which file it read, so --resume never mixes two different archives.
  const identity = { file, size: stat.size, mtimeMs: Math.round(stat.mtimeMs) };
  const detail = (result?: string) => JSON.stringify({ ...identity, ...(result ? { result } : {}) });
  let runId: number;
  const done = new Set<string>();
  const last = opts.resume ? await latestRun(db, BULK_RUN_KIND) : null;
  const resumed = !!last && last.status !== 'ok' && sameArchive(last.detail, identity);
  if (resumed) {
    runId = last.id;
    for (const i of await listItems(db, runId)) if (i.status === 'updated') done.add(i.ticker);
    await reopenRun(db, runId);
  } else {
    runId = await startRun(db, BULK_RUN_KIND, detail());
  }

  const companies = await listCompanies(db);
  const byCik = new Map(companies.filter((c) => c.cik !== null).map((c) => [c.cik!, c]));
  const sources = await listCompanySources(db);
  const summary: BulkSummary = { runId, entries: zip.entryCount, documents: 0, companies: 0, created: 0, facts: 0, empty: 0, alreadyDone: 0, failed: [], interrupted: false };
  opts.onEvent?.({ type: 'start', runId, entries: zip.entryCount, resumed });

  let pending: Pending[] = [];
  let pendingFacts = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingFacts = 0;
    // One transaction per batch, whole companies only: COPY on PostgreSQL, multi-row INSERTs on SQLite.
    await inTransaction(store, async (trx) => {
      for (const p of batch) {
        const source = sources.get(p.company.ticker);
        await replaceCompanyFacts(trx, p.company.ticker, 'sec', p.facts, runId, async ({ db: t }) => {
          if (p.upsert) await upsertCompany(t, p.company, source?.sourceKind ?? 'sec', source?.tracked ?? false);
          // The live API's validators describe data this batch just replaced.
          await forgetValidators(t, p.company.ticker);
          await setItemStatus(t, runId, p.company.ticker, 'updated', p.facts.length);
        });
      }
    });
    for (const p of batch) {
      summary.companies++;
      summary.facts += p.facts.length;
      if (!sources.has(p.company.ticker)) {
        summary.created++;
        sources.set(p.company.ticker, { sourceKind: 'sec', tracked: false });
        byCik.set(p.company.cik!, p.company);
      }
    }
  };

  let seen = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (opts.signal?.aborted) break;
      seen++;
      const name = entryNameOf(entry);
      const source = `${zipPath}:${name}`;
      let kind;
      try {
        kind = classifyEntry(name, source);
      } catch (e) {
        const failed = (e as Error).message;
        summary.failed.push({ entry: name, message: failed });
        opts.onEvent?.({ type: 'entry', name, ticker: null, facts: 0, failed, done: seen, total: zip.entryCount });
        continue;
      }
      if (kind.kind === 'other') {
        opts.onEvent?.({ type: 'entry', name, ticker: null, facts: 0, failed: null, done: seen, total: zip.entryCount });
        continue;
      }
      summary.documents++;
      const cik = kind.cik;
      const known = byCik.get(cik);
      const ticker = known?.ticker ?? `CIK${cik}`;
      if (done.has(ticker)) {
        summary.alreadyDone++;
        opts.onEvent?.({ type: 'entry', name, ticker, facts: 0, failed: null, done: seen, total: zip.entryCount });
        continue;
      }
      let failed: string | null = null;
      let count = 0;
      try {
        const owned = !known || sources.get(ticker)?.sourceKind === 'sec';
        const { doc, mapped } = decodeCompanyFactsEntry(await readEntry(zip, entry, maxEntryBytes, source), { cik, ticker, currency: owned ? null : known.currency, source });
        count = mapped.facts.length;
        if (!known && !count) {
          summary.empty++;
        } else {
          const company: Company = known
            ? owned
              ? { ...known, currency: mapped.currency, ...(ticker === `CIK${cik}` && doc.entityName ? { name: doc.entityName } : {}) }
              : known
            : {
                ticker,
                name: doc.entityName || `CIK ${cik}`,
                kind: 'company',
                cik,
                country: '',
                fiscalYearEndMonth: mapped.fiscalYearEndMonth ?? 12,
                currency: mapped.currency,
                colour: companyColour(ticker),
                aliases: [],
                members: [],
              };
          pending.push({ company, upsert: owned, facts: mapped.facts });
          pendingFacts += count;
          if (pendingFacts >= batchFacts) await flush();
        }
      } catch (e) {
        failed = (e as Error).message;
        summary.failed.push({ entry: name, message: failed });
        await setItemStatus(db, runId, ticker, 'failed', null, failed);
      }
      opts.onEvent?.({ type: 'entry', name, ticker, facts: count, failed, done: seen, total: zip.entryCount });
    }
    await flush();
  } catch (e) {
    // A broken archive (bad central directory, corrupt entry) ends the run; finished batches stay.
    await flush().catch(() => undefined);
    await finishRun(db, runId, 'failed', detail((e as Error).message));
    throw new Error(`bulk ingest of ${zipPath} stopped: ${(e as Error).message}`);
  }
  summary.interrupted = !!opts.signal?.aborted && seen < zip.entryCount;
  const counts = `${summary.companies} companies (${summary.created} new), ${summary.facts} facts, ${summary.failed.length} failed`;
  await finishRun(db, runId, summary.failed.length || summary.interrupted ? 'partial' : 'ok', detail(summary.interrupted ? `interrupted: ${counts}` : counts));
  return summary;
}

function sameArchive(detail: string | null, identity: { file: string; size: number; mtimeMs: number }): boolean {
  try {
    const d = JSON.parse(detail ?? '') as typeof identity;
    return d.file === identity.file && d.size === identity.size && d.mtimeMs === identity.mtimeMs;
  } catch {
    return false;
  }
}

/** One entry's bytes: the only place a whole document is in memory. */
async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number, source: string): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw new SecError('malformed', `${source} is ${entry.uncompressedSize} bytes uncompressed, over the ${maxBytes}-byte limit`, source);
  }
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      n += chunk.length;
    }
  } catch (e) {
    throw new SecError('truncated', `${source} is damaged in the archive after ${n} bytes: ${(e as Error).message}`, source);
  }
  return Buffer.concat(chunks, n);
}
