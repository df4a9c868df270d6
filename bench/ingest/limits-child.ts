// Child: the ingest benchmark's limits, on the same archive and the same facts.
//  - JSON.parse: every entry's bytes (already inflated, in memory) → string → JSON.parse, nothing else.
//  - prepared insert: the facts the ingest stores (mapped once, here, by the ingest's own mapper),
//    inserted row by row with one better-sqlite3 prepared statement, one transaction per batch of
//    DEFAULT_BATCH_FACTS, into a fresh file with the store's schema, indexes and pragmas.
// Also timed once, to explain the end-to-end figure: inflating the entries, and parse + map.
// Args: zip runs.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import Sqlite from 'better-sqlite3';
import type { FactInput } from '../../src/model/fact.js';
import { openStore } from '../../src/store/database.js';
import { parseCompanyFacts } from '../../src/ingest/sec/companyfacts-parse.js';
import { mapCompanyFacts } from '../../src/ingest/sec/map-company-facts.js';
import { DEFAULT_BATCH_FACTS } from '../../src/ingest/sec/bulk-ingest.js';
import { childMain, reportResult } from '../child-process.js';
import { msSince } from '../stats.js';
import { FACT_COLUMNS } from '../fact-columns.js';

export interface IngestLimits {
  bytes: number;
  documents: number;
  /** Facts the mapper produced: the ones the ingest stores. */
  facts: number;
  inflateMs: number;
  parseMs: number[];
  parseAndMapMs: number;
  insertMs: number[];
}

const ENTRY_NAME = /(?:^|\/)CIK(\d{10})\.json$/;

async function readEntries(zipPath: string): Promise<Buffer[]> {
  const zip = await yauzl.openPromise(zipPath, { autoClose: true, validateEntrySizes: true, strictFileNames: false });
  const out: Buffer[] = [];
  for await (const entry of zip.eachEntry()) {
    if (!ENTRY_NAME.test(entry.fileName)) continue;
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.push(Buffer.concat(chunks));
  }
  return out;
}

function freshDbPath(i: number): string {
  const path = join(tmpdir(), `airace-bench-insert-limit-${process.pid}-${i}.db`);
  removeDb(path);
  return path;
}

function removeDb(path: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
}

/** The bare loop: one prepared single-row INSERT, one transaction per batch. */
function insertLoop(path: string, facts: FactInput[]): number {
  const db = new Sqlite(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  try {
    const insert = db.prepare(`insert into facts (${FACT_COLUMNS.join(', ')}) values (${FACT_COLUMNS.map(() => '?').join(', ')})`);
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const f = facts[i]!;
        insert.run(
          f.ticker, f.metric, f.concept, f.value, f.unit, f.periodStart, f.periodEnd, f.basis, f.confidence, f.preferred ? 1 : 0,
          f.sourceKind, f.sourceUrl, f.form, f.accession, f.filed, f.fy, f.fp, f.frame, f.note, 1, f.readAt, f.verified, f.supersededBy,
        );
      }
    });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < facts.length; i += DEFAULT_BATCH_FACTS) batch(i, Math.min(facts.length, i + DEFAULT_BATCH_FACTS));
    return msSince(t0);
  } finally {
    db.close();
  }
}

childMain(async () => {
  const [zipPath, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  let t0 = process.hrtime.bigint();
  const entries = await readEntries(zipPath!);
  const inflateMs = msSince(t0);
  const bytes = entries.reduce((n, b) => n + b.length, 0);

  const parseMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    t0 = process.hrtime.bigint();
    for (const b of entries) JSON.parse(b.toString('utf8'));
    parseMs.push(msSince(t0));
  }

  t0 = process.hrtime.bigint();
  const facts: FactInput[] = [];
  for (const b of entries) {
    const doc = parseCompanyFacts(b, 'bench');
    for (const f of mapCompanyFacts(doc, { ticker: `CIK${doc.cik}`, cik: doc.cik, source: 'bench' }).facts) facts.push(f);
  }
  const parseAndMapMs = msSince(t0);
  const documents = entries.length;
  entries.length = 0;

  const insertMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const path = freshDbPath(r);
    const store = await openStore(path);
    await store.close();
    try {
      insertMs.push(insertLoop(path, facts));
    } finally {
      removeDb(path);
    }
  }
  const result: IngestLimits = { bytes, documents, facts: facts.length, inflateMs, parseMs, parseAndMapMs, insertMs };
  reportResult(result);
});
