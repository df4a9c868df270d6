// Child: one end-to-end bulk ingest of an archive into a fresh store, timed inside the process
// (openStore and migrations excluded), with the process's peak RSS (worker threads included) and
// where the main thread's time went. Args: zip target [threads] (default: bulkIngest's own;
// 0 is serial).
import { openStore } from '../../src/store/database.js';
import { bulkIngest, type BulkStages } from '../../src/ingest/sec/bulk-ingest.js';
import { childMain, peakRssMb, reportResult } from '../child-process.js';
import { msSince } from '../stats.js';

export interface IngestRun {
  ms: number;
  facts: number;
  companies: number;
  documents: number;
  failed: number;
  peakRssMb: number;
  /** Decoder threads (0: serial). */
  threads: number;
  stages: BulkStages;
}

childMain(async () => {
  const [zip, target, threadsArg] = process.argv.slice(2);
  const store = await openStore(target!);
  let run: IngestRun;
  try {
    const t0 = process.hrtime.bigint();
    const s = await bulkIngest(store, zip!, threadsArg === undefined ? {} : { threads: Number(threadsArg) });
    const ms = msSince(t0);
    run = { ms, facts: s.facts, companies: s.companies, documents: s.documents, failed: s.failed.length, peakRssMb: peakRssMb(), threads: s.threads, stages: s.stages };
  } finally {
    await store.close();
  }
  reportResult(run);
});
