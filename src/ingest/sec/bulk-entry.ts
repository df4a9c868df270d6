// One entry of SEC's companyfacts.zip, from its name and bytes to mapped facts, with nothing
// shared or stored: pure functions, so they run wherever the entries are decoded (on the main
// thread in serial mode, on bulk ingest's worker threads otherwise: bulk-decode-worker.ts). A
// malformed entry (an unsafe name, damaged deflate data, JSON that does not parse, a fact with an
// impossible date or a form that is not a form) fails alone with a message naming the entry.
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry } from 'yauzl';
import { packFacts, type PackedFacts } from './packed-facts.js';
import { parseCompanyFacts, type CompanyFactsDoc } from './companyfacts-parse.js';
import { mapCompanyFacts, type MappedFacts } from './map-company-facts.js';
import { SecError } from './sec-error.js';

const ENTRY_NAME = /(?:^|\/)CIK(\d{10})\.json$/;

/** The entry's name as the archive spells it (UTF-8 or CP437 by its flag), decoded without judging it. */
export function entryNameOf(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

export type EntryKind = { kind: 'other' } | { kind: 'companyfacts'; cik: number };

/** What an entry name says: a companyfacts document (and whose), or something else to skip. Unsafe names throw. */
export function classifyEntry(name: string, source: string): EntryKind {
  const unsafe = yauzl.validateFileName(name);
  if (unsafe) throw new SecError('malformed', `${source}: unsafe entry name (${unsafe})`, source);
  const m = ENTRY_NAME.exec(name);
  return m ? { kind: 'companyfacts', cik: Number(m[1]) } : { kind: 'other' };
}

export interface DecodedEntry {
  doc: Pick<CompanyFactsDoc, 'cik' | 'entityName'>;
  mapped: MappedFacts;
}

/** Parses and maps one companyfacts entry for the company `ticker` (its currency when the store decides it). */
export function decodeCompanyFactsEntry(bytes: Buffer, ctx: EntryContext): DecodedEntry {
  const doc = parseCompanyFacts(bytes, ctx.source);
  return { doc: { cik: doc.cik, entityName: doc.entityName }, mapped: mapEntry(doc, ctx) };
}

type EntryContext = { cik: number; ticker: string; currency: string | null; source: string };

/** Maps a parsed entry, which must be the document of the CIK its name says. */
function mapEntry(doc: CompanyFactsDoc, ctx: EntryContext): MappedFacts {
  if (doc.cik !== ctx.cik) throw new SecError('malformed', `${ctx.source} describes CIK ${doc.cik}, not ${ctx.cik}`, ctx.source);
  return mapCompanyFacts(doc, { ticker: ctx.ticker, cik: ctx.cik, currency: ctx.currency, source: ctx.source });
}

/** What a decoder needs for one entry: its bytes as the archive stores them, and whose it is. */
export interface StoredEntryTask {
  /** The entry's bytes as stored in the zip (deflated, or as is): inflating is part of decoding. */
  stored: Uint8Array;
  /** 0 (stored) or 8 (deflate), checked before the task is made. */
  compressionMethod: number;
  uncompressedSize: number;
  cik: number;
  ticker: string;
  /** The company's currency when the store decides it, else null (the filing's own). */
  currency: string | null;
  source: string;
}

/** Milliseconds one decode spent in each step, on whichever thread ran it (for the benchmark's explanation). */
export interface DecodeSteps {
  inflateMs: number;
  /** Bytes → text → JSON.parse, and the envelope check (companyfacts-parse.ts). */
  parseMs: number;
  /** The concept map and its validation (map-company-facts.ts). */
  mapMs: number;
  /** Packing the facts to cross threads (packed-facts.ts). */
  packMs: number;
}

/** A decoded entry as plain data (it crosses from a worker thread), or why it failed. */
export type DecodeOutcome =
  | { ok: true; entityName: string; facts: PackedFacts; currency: string; fiscalYearEndMonth: number | null; steps: DecodeSteps }
  | { ok: false; message: string };

/** Inflates, parses and maps one stored entry. Never throws: a bad entry comes back as its message. */
export function decodeStoredEntry(task: StoredEntryTask): DecodeOutcome {
  try {
    const t0 = performance.now();
    const bytes = inflateStored(task);
    const t1 = performance.now();
    const doc = parseCompanyFacts(bytes, task.source);
    const t2 = performance.now();
    const mapped = mapEntry(doc, task);
    const t3 = performance.now();
    const facts = packFacts(mapped.facts);
    const steps = { inflateMs: t1 - t0, parseMs: t2 - t1, mapMs: t3 - t2, packMs: performance.now() - t3 };
    return { ok: true, entityName: doc.entityName, facts, currency: mapped.currency, fiscalYearEndMonth: mapped.fiscalYearEndMonth, steps };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function inflateStored(task: StoredEntryTask): Buffer {
  const stored = Buffer.from(task.stored.buffer, task.stored.byteOffset, task.stored.byteLength);
  let bytes: Buffer;
  if (task.compressionMethod === 0) bytes = stored;
  else {
    try {
      // One byte over the declared size is enough to know the entry lies about it.
      bytes = inflateRawSync(stored, { maxOutputLength: task.uncompressedSize + 1 });
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `it inflates to more than the ${task.uncompressedSize} bytes the archive says` : (e as Error).message;
      throw new SecError('truncated', `${task.source} is damaged in the archive: ${why}`, task.source);
    }
  }
  if (bytes.length !== task.uncompressedSize) {
    const why = bytes.length > task.uncompressedSize ? `it inflates to more than the ${task.uncompressedSize} bytes the archive says` : `it inflates to ${bytes.length} bytes, the archive says ${task.uncompressedSize}`;
    throw new SecError('truncated', `${task.source} is damaged in the archive: ${why}`, task.source);
  }
  return bytes;
}
