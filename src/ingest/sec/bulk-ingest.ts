// Ingests SEC's nightly companyfacts.zip (one CIK##########.json per filer) without holding
// the archive in memory, as a pipeline: the main thread reads each entry's stored (deflated)
// bytes from the zip and hands them to a pool of worker threads that inflate, parse and map them
// (bulk-decoder.ts, the same parser and concept map as live sync), and, in archive order, writes
// the decoded companies to the store in batches, each batch one transaction holding whole
// companies. With 0 threads (serial mode) the main thread decodes each entry itself, in turn.
//
// Back-pressure: at most `queueDepth` entries, and entries of at most `queueBytes` uncompressed
// bytes together (always at least one), are between the zip and the store at once (read, being
// decoded, or decoded and waiting for their turn to be written); reading stops until the oldest
// is written. Memory is therefore bounded by queueBytes plus the largest entry × (about ten per
// decoding thread for its text and parsed document), plus one batch of facts; not by the size of
// the archive. The queue is deep (a batch's worth of entries) so that the decoder threads have
// entries to work on while the main thread writes a batch, and the write yields to the event
// loop between companies so that finished decodes are collected and the next ones posted.
// See docs/sync.md.
//
// Only Kysely and the store's replaceCompanyFacts (bulkInsertFacts underneath: COPY on
// PostgreSQL, INSERTs sized to dialect.maxParameters on SQLite) touch the store, so the same
// code runs against both.
import { resolve } from 'node:path';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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
import { classifyEntry, entryNameOf, type DecodeOutcome, type DecodeSteps, type StoredEntryTask } from './bulk-entry.js';
import { unpackFacts } from './packed-facts.js';
import { createEntryDecoder, ingestThreadsFromEnv, type EntryDecoder } from './bulk-decoder.js';
import { companyColour } from './company-colour.js';
import { SecError } from './sec-error.js';

export const BULK_RUN_KIND = 'bulk';
export const DEFAULT_BATCH_FACTS = 20_000;
export const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
/** Entries in flight by default with decoder threads: more than a default batch holds (20,000 facts are ~75 entries of the benchmark's synthetic archive). */
export const DEFAULT_QUEUE_DEPTH = 256;
/** Uncompressed bytes of the entries in flight, by default (the stored bytes and decoded facts they become are smaller). */
export const DEFAULT_QUEUE_BYTES = 128 * 1024 * 1024;

export interface BulkOptions {
  /** Facts per transaction (default 20,000). Bounds the memory held between commits. */
  batchFacts?: number;
  /** Entries larger than this (uncompressed) fail instead of being read (default 1 GiB). */
  maxEntryBytes?: number;
  /** Continue the last unfinished ingest of the same file, skipping companies it stored. */
  resume?: boolean;
  /** Worker threads decoding entries; 0 decodes on this thread, serially. Default: AIRACE_INGEST_THREADS, else cores − 1 (1 to 4). */
  threads?: number;
  /** Entries between the zip and the store at once (default DEFAULT_QUEUE_DEPTH; 1 in serial mode). Bounds memory. */
  queueDepth?: number;
  /** Uncompressed bytes of the entries between the zip and the store at once (default 128 MiB); one entry is always let through. Bounds memory. */
  queueBytes?: number;
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
  /** Writing batches to the store (transactions, inserts, run bookkeeping), without handoffMs. */
  storeMs: number;
  /** Of a batch's write, the pauses between companies that collect decoded entries and hand out the next (bulk-decoder.ts). */
  handoffMs: number;
  /** The decoding itself, step by step, summed over every entry decoded, on whichever thread (bulk-entry.ts). */
  decode: DecodeSteps;
}

/** One entry on its way from the zip to the store, in archive order. */
type InFlight = { bytes?: number } & (
  | { name: string; kind: 'other' }
  | { name: string; kind: 'unsafe'; message: string }
  | { name: string; kind: 'unreadable'; message: string; ticker: string }
  | { name: string; kind: 'done'; ticker: string }
  | { name: string; kind: 'document'; ticker: string; cik: number; known: Company | undefined; owned: boolean; decoded: Promise<DecodeOutcome> }
);

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
  const queueDepth = threads === 0 ? 1 : Math.max(1, opts.queueDepth ?? DEFAULT_QUEUE_DEPTH);
  const queueBytes = Math.max(0, opts.queueBytes ?? DEFAULT_QUEUE_BYTES);
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
  const stages: BulkStages = { readMs: 0, decodeWaitMs: 0, decodeHereMs: 0, receiveMs: 0, storeMs: 0, handoffMs: 0, decode: { inflateMs: 0, parseMs: 0, mapMs: 0, packMs: 0 } };
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
    let handoff = 0;
    // One transaction per batch, whole companies only: COPY on PostgreSQL, multi-row INSERTs on SQLite.
    await inTransaction(store, async (trx) => {
      for (const [i, p] of batch.entries()) {
        // Let decoder threads' finished entries land and the next ones be posted to them (bulk-decoder.ts).
        if (i > 0 && threads > 0) {
          const h0 = performance.now();
          await new Promise((r) => setImmediate(r));
          handoff += performance.now() - h0;
        }
        const source = sources.get(p.company.ticker);
        await replaceCompanyFacts(trx, p.company.ticker, 'sec', p.facts, runId, async ({ db: t }) => {
          if (p.upsert) await upsertCompany(t, p.company, source?.sourceKind ?? 'sec', source?.tracked ?? false);
          // The live API's validators describe data this batch just replaced.
          await forgetValidators(t, p.company.ticker);
          await setItemStatus(t, runId, p.company.ticker, 'updated', p.facts.length);
        });
      }
    });
    stages.storeMs += performance.now() - t0 - handoff;
    stages.handoffMs += handoff;
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
      stored = readStoredEntry(fd, stat.size, entry, maxEntryBytes, source);
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
    return { name, kind: 'document', ticker, cik, known, owned, decoded, bytes: entry.uncompressedSize };
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
    for (const k of Object.keys(stages.decode) as (keyof DecodeSteps)[]) stages.decode[k] += outcome.steps[k];
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
  let inFlightBytes = 0;
  let seen = 0;
  const settleOldest = async () => {
    const f = inFlight.shift()!;
    inFlightBytes -= f.bytes ?? 0;
    await settle(f, ++seen);
  };
  const full = () => inFlight.length >= queueDepth || (inFlight.length > 0 && inFlightBytes >= queueBytes);
  // The entries' data is read through a descriptor of our own (yauzl's closes when its last entry is listed).
  const fd = openSync(file, 'r');
  try {
    try {
      for await (const entry of zip.eachEntry()) {
        if (opts.signal?.aborted) break;
        const f = await admit(entry);
        inFlight.push(f);
        inFlightBytes += f.bytes ?? 0;
        while (full() && !opts.signal?.aborted) await settleOldest();
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
    closeSync(fd);
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
 * Two positioned reads: the local header (for where the data starts, as yauzl's
 * readLocalFileHeader finds it), then the data straight into the buffer. yauzl's read stream
 * delivered it in 64 KiB chunks, each an asynchronous read, a Buffer and a copy.
 */
function readStoredEntry(fd: number, fileSize: number, entry: Entry, maxBytes: number, source: string): Uint8Array {
  if (entry.uncompressedSize > maxBytes) {
    throw new SecError('malformed', `${source} is ${entry.uncompressedSize} bytes uncompressed, over the ${maxBytes}-byte limit`, source);
  }
  if (entry.isEncrypted()) throw new SecError('malformed', `${source} is encrypted`, source);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new SecError('malformed', `${source} uses compression method ${entry.compressionMethod} (airace reads stored and deflated entries)`, source);
  }
  const damaged = (why: string) => new SecError('truncated', `${source} is damaged in the archive: ${why}`, source);
  const header = Buffer.alloc(LOCAL_HEADER_BYTES);
  if (readFully(fd, header, entry.relativeOffsetOfLocalHeader) !== header.length) throw damaged('its local header is cut short');
  const signature = header.readUInt32LE(0);
  if (signature !== LOCAL_HEADER_SIGNATURE) throw damaged(`invalid local file header signature: 0x${signature.toString(16)}`);
  const start = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw damaged(`file data overflows file bounds: ${start} + ${entry.compressedSize} > ${fileSize}`);
  const out = new Uint8Array(entry.compressedSize);
  let n: number;
  try {
    n = readFully(fd, out, start);
  } catch (e) {
    throw new SecError('truncated', `${source} is damaged in the archive: ${(e as Error).message}`, source);
  }
  if (n !== out.length) throw damaged(`${n} of its ${out.length} stored bytes`);
  return out;
}

/** ZIP's local file header: its signature and fixed part (name and extra field follow). */
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;

/** Reads `into` whole from `position`, or up to the end of the file; returns the bytes read. */
function readFully(fd: number, into: Uint8Array, position: number): number {
  let n = 0;
  while (n < into.length) {
    const got = readSync(fd, into, n, into.length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}
