// Child: one end-to-end bulk ingest of an archive into a fresh store, timed inside the process
// (openStore and migrations excluded), with the process's peak RSS. Args: zip target.
import { openStore } from '../../src/store/database.js';
import { bulkIngest } from '../../src/ingest/sec/bulk-ingest.js';
import { childMain, peakRssMb, reportResult } from '../child-process.js';
import { msSince } from '../stats.js';

export interface IngestRun {
  ms: number;
  facts: number;
  companies: number;
  documents: number;
  failed: number;
  peakRssMb: number;
}

childMain(async () => {
  const [zip, target] = process.argv.slice(2);
  const store = await openStore(target!);
  let run: IngestRun;
  try {
    const t0 = process.hrtime.bigint();
    const s = await bulkIngest(store, zip!);
    const ms = msSince(t0);
    run = { ms, facts: s.facts, companies: s.companies, documents: s.documents, failed: s.failed.length, peakRssMb: peakRssMb() };
  } finally {
    await store.close();
  }
  reportResult(run);
});
