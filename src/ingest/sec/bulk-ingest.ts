// Ingests SEC's nightly companyfacts.zip (one CIK##########.json per filer) without holding
// the archive in memory, as a pipeline: the main thread reads each entry's stored (deflated)
// bytes from the zip and hands them to a pool of worker threads that inflate, parse and map them
// (bulk-decoder.ts, the same parser and concept map as live sync), and, in archive order, writes
// the decoded companies to the store in batches, each batch one transaction holding whole
// companies. With 0 threads (serial mode) the main thread decodes each entry itself, in turn.
//
// Back-pressure: at most `queueDepth` entries are between the zip and the store at once (read,
// being decoded, or decoded and waiting for their turn to be written); reading stops until the
// oldest is written. Memory is therefore bounded by the largest entry × (queue depth, plus about
// ten per decoding thread for its text and parsed document), plus one batch of facts; not by the
// size of the archive. See docs/sync.md.
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
import { classifyEntry, entryNameOf, type DecodeOutcome, type StoredEntryTask } from './bulk-entry.js';
import { unpackFacts } from './packed-facts.js';
import { createEntryDecoder, ingestThreadsFromEnv, type EntryDecoder } from './bulk-decoder.js';
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
  /** Worker threads decoding entries; 0 decodes on this thread, serially. Default: AIRACE_INGEST_THREADS, else cores − 1 (1 to 4). */
  threads?: number;
  /** Entries between the zip and the store at once (default: 2 per thread, at least 2; 1 in serial mode). Bounds memory. */
  queueDepth?: number;
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
  /** Decoder threads used (0: serial). */
  threads: number;
  /** Where the main thread's time went, for the benchmark's explanation. */
  stages: BulkStages;
}

export interface BulkStages {
  /** Reading entries' stored bytes out of the zip. */
  readMs: number;
  /** Waiting for the oldest entry to be decoded (in serial mode: decoding it), including decodeHereMs. */
  decodeWaitMs: number;
  /** Of decodeWaitMs, decoding entries no worker had started, on this thread (pipelined mode). */
  decodeHereMs: number;
  /** Unpacking decoded facts into objects (packed-facts.ts). */
  receiveMs: number;
  /** Writing batches to the store (transactions, inserts, run bookkeeping). */
  storeMs: number;
}

/** One entry on its way from the zip to the store, in archive order. */
type InFlight =
  | { name: string; kind: 'other' }
  | { name: string; kind: 'unsafe'; message: string }
  | { name: string; kind: 'unreadable'; message: string; ticker: string }
  | { name: string; kind: 'done'; ticker: string }
  | { name: string; kind: 'document'; ticker: string; cik: number; known: Company | undefined; owned: boolean; decoded: Promise<DecodeOutcome> };

interface Pending {
  company: Company;
  upsert: boolean;
  facts: FactInput[];
}

export async function bulkIngest(store: Store, zipPath: string, opts: BulkOptions = {}): Promise<BulkSummary> {
  // First, so that a bad AIRACE_INGEST_THREADS or an unbuilt worker fails before a run is started.
  const decoder = createEntryDecoder(opts.threads ?? ingestThreadsFromEnv());
  try {
    return await ingestWith(decoder, store, zipPath, opts);
  } finally {
    await decoder.close();
  }
}

async function ingestWith(decoder: EntryDecoder, store: Store, zipPath: string, opts: BulkOptions): Promise<BulkSummary> {
  const { db } = store;
  const batchFacts = Math.max(1, opts.batchFacts ?? DEFAULT_BATCH_FACTS);
  const maxEntryBytes = opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const threads = decoder.threads;
  const queueDepth = threads === 0 ? 1 : Math.max(1, opts.queueDepth ?? Math.max(2, 2 * threads));
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
  const stages: BulkStages = { readMs: 0, decodeWaitMs: 0, decodeHereMs: 0, receiveMs: 0, storeMs: 0 };
  const summary: BulkSummary = { runId, entries: zip.entryCount, documents: 0, companies: 0, created: 0, facts: 0, empty: 0, alreadyDone: 0, failed: [], interrupted: false, threads, stages };
  opts.onEvent?.({ type: 'start', runId, entries: zip.entryCount, resumed });

  let pending: Pending[] = [];
  let pendingFacts = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingFacts = 0;
    const t0 = performance.now();
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
    stages.storeMs += performance.now() - t0;
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

  /** Reads one entry and, when it is a document to store, starts decoding it. */
  const admit = async (entry: Entry): Promise<InFlight> => {
    const name = entryNameOf(entry);
    const source = `${zipPath}:${name}`;
    let kind;
    try {
      kind = classifyEntry(name, source);
    } catch (e) {
      return { name, kind: 'unsafe', message: (e as Error).message };
    }
    if (kind.kind === 'other') return { name, kind: 'other' };
    const cik = kind.cik;
    const known = byCik.get(cik);
    const ticker = known?.ticker ?? `CIK${cik}`;
    if (done.has(ticker)) return { name, kind: 'done', ticker };
    const owned = !known || sources.get(ticker)?.sourceKind === 'sec';
    let stored: Uint8Array;
    const t0 = performance.now();
    try {
      stored = await readStoredEntry(zip, entry, maxEntryBytes, source);
    } catch (e) {
      return { name, kind: 'unreadable', message: (e as Error).message, ticker };
    } finally {
      stages.readMs += performance.now() - t0;
    }
    const task: StoredEntryTask = { stored, compressionMethod: entry.compressionMethod, uncompressedSize: entry.uncompressedSize, cik, ticker, currency: owned ? null : known.currency, source };
    // In serial mode decode() does the work before it returns; with workers it only posts the task.
    const t1 = performance.now();
    const decoded = decoder.decode(task);
    stages.decodeWaitMs += performance.now() - t1;
    return { name, kind: 'document', ticker, cik, known, owned, decoded };
  };

  /** Stores (or records the failure of) the oldest entry in flight. */
  const settle = async (f: InFlight, seen: number) => {
    const event = (ticker: string | null, facts: number, failed: string | null) =>
      opts.onEvent?.({ type: 'entry', name: f.name, ticker, facts, failed, done: seen, total: zip.entryCount });
    if (f.kind === 'other') return event(null, 0, null);
    if (f.kind === 'unsafe') {
      summary.failed.push({ entry: f.name, message: f.message });
      return event(null, 0, f.message);
    }
    summary.documents++;
    if (f.kind === 'done') {
      summary.alreadyDone++;
      return event(f.ticker, 0, null);
    }
    let outcome: DecodeOutcome;
    if (f.kind === 'unreadable') outcome = { ok: false, message: f.message };
    else {
      const t0 = performance.now();
      outcome = await decoder.wait(f.decoded);
      stages.decodeWaitMs += performance.now() - t0;
    }
    if (!outcome.ok) {
      summary.failed.push({ entry: f.name, message: outcome.message });
      await setItemStatus(db, runId, f.ticker, 'failed', null, outcome.message);
      return event(f.ticker, 0, outcome.message);
    }
    const { known, owned, cik, ticker } = f as Extract<InFlight, { kind: 'document' }>;
    const t1 = performance.now();
    const facts = unpackFacts(outcome.facts);
    stages.receiveMs += performance.now() - t1;
    const count = facts.length;
    if (!known && !count) {
      summary.empty++;
      return event(ticker, 0, null);
    }
    const company: Company = known
      ? owned
        ? { ...known, currency: outcome.currency, ...(ticker === `CIK${cik}` && outcome.entityName ? { name: outcome.entityName } : {}) }
        : known
      : {
          ticker,
          name: outcome.entityName || `CIK ${cik}`,
          kind: 'company',
          cik,
          country: '',
          fiscalYearEndMonth: outcome.fiscalYearEndMonth ?? 12,
          currency: outcome.currency,
          colour: companyColour(ticker),
          aliases: [],
          members: [],
        };
    pending.push({ company, upsert: owned, facts });
    pendingFacts += count;
    if (pendingFacts >= batchFacts) await flush();
    return event(ticker, count, null);
  };

  // Entries read but not yet stored, oldest first; an interrupted run drops them (--resume redoes them).
  const inFlight: InFlight[] = [];
  let seen = 0;
  const settleOldest = async () => {
    const f = inFlight.shift()!;
    await settle(f, ++seen);
  };
  try {
    try {
      for await (const entry of zip.eachEntry()) {
        if (opts.signal?.aborted) break;
        inFlight.push(await admit(entry));
        while (inFlight.length >= queueDepth && !opts.signal?.aborted) await settleOldest();
      }
      while (inFlight.length && !opts.signal?.aborted) await settleOldest();
      await flush();
    } catch (e) {
      // A broken archive (bad central directory, corrupt entry) ends the run; finished batches stay.
      await flush().catch(() => undefined);
      await finishRun(db, runId, 'failed', detail((e as Error).message));
      throw new Error(`bulk ingest of ${zipPath} stopped: ${(e as Error).message}`);
    }
  } finally {
    // Decodes still running for entries an interrupted run dropped: their results are not wanted.
    for (const f of inFlight) if (f.kind === 'document') f.decoded.catch(() => undefined);
    zip.close(); // idempotent; an interrupted run leaves the zip open otherwise
  }
  summary.interrupted = !!opts.signal?.aborted && seen < zip.entryCount;
  stages.decodeHereMs = decoder.decodedHereMs;
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

/**
 * One entry's bytes as the archive stores them, in a buffer of their own (it moves to a worker
 * thread whole, so it must not share memory with Node's buffer pool). Inflating is the decoder's.
 */
async function readStoredEntry(zip: ZipFile, entry: Entry, maxBytes: number, source: string): Promise<Uint8Array> {
  if (entry.uncompressedSize > maxBytes) {
    throw new SecError('malformed', `${source} is ${entry.uncompressedSize} bytes uncompressed, over the ${maxBytes}-byte limit`, source);
  }
  if (entry.isEncrypted()) throw new SecError('malformed', `${source} is encrypted`, source);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new SecError('malformed', `${source} uses compression method ${entry.compressionMethod} (airace reads stored and deflated entries)`, source);
  }
  const stream = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  const out = new Uint8Array(entry.compressedSize);
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (n + chunk.length > out.length) throw new Error(`more than the ${out.length} bytes the archive says`);
      out.set(chunk, n);
      n += chunk.length;
    }
  } catch (e) {
    throw new SecError('truncated', `${source} is damaged in the archive after ${n} bytes: ${(e as Error).message}`, source);
  }
  if (n !== out.length) throw new SecError('truncated', `${source} is damaged in the archive: ${n} of its ${out.length} stored bytes`, source);
  return out;
}
