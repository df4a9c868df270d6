// Loads the project's verified data files into the store. Idempotent: a file whose content
// hash is already recorded is skipped; a changed file replaces what it loaded before.
// Events load on their own hash, so editing the timeline does not renumber the facts.
import { join } from 'node:path';
import type { Store } from '../store/database.js';
import { upsertCompany } from '../store/companies-repository.js';
import { deleteFacts } from '../store/facts-repository.js';
import { bulkInsertFacts } from '../store/bulk-insert-facts.js';
import { finishRun, startRun } from '../store/runs-repository.js';
import { bundledDataDir } from '../config/paths.js';
import { readCompaniesCsv } from './companies-csv.js';
import { readFactsCsv } from './facts-csv.js';
import { readEventsCsv } from './events-csv.js';
import { replaceEvents } from '../store/events-repository.js';

export interface BundledLoadResult {
  loaded: boolean;
  companies: number;
  facts: number;
  events: number;
}

export async function ensureBundledData(store: Store, opts: { dataDir?: string; force?: boolean } = {}): Promise<BundledLoadResult> {
  const dir = opts.dataDir ?? bundledDataDir();
  const show = (name: string) => (opts.dataDir ? join(dir, name) : `data/${name}`);
  // Validate everything before writing anything.
  const companies = readCompaniesCsv(join(dir, 'companies.csv'), show('companies.csv'));
  const facts = readFactsCsv(join(dir, 'facts.csv'), show('facts.csv'), new Set(companies.rows.map((r) => r.value.ticker)));
  const events = readEventsCsv(join(dir, 'events.csv'), show('events.csv'));

  const counts = { companies: companies.rows.length, facts: facts.rows.length, events: events.rows.length };

  const { db } = store;
  /** Which parts differ from what the store recorded: facts (with companies) and events load separately. */
  const stale = (recorded: { name: string; sha256: string }[]) => {
    const hashOf = (name: string) => recorded.find((r) => r.name === name)?.sha256;
    return {
      facts: !!opts.force || hashOf('companies.csv') !== companies.sha256 || hashOf('facts.csv') !== facts.sha256,
      events: !!opts.force || hashOf('events.csv') !== events.sha256,
    };
  };
  const before = stale(await db.selectFrom('data_files').selectAll().execute());
  if (!before.facts && !before.events) return { loaded: false, ...counts };

  const runId = await startRun(db, 'init', `bundled data from ${dir}`);
  let loaded = false;
  try {
    await db.transaction().execute(async (trx) => {
      // Two processes opening a fresh store at once (the server and a CLI command) would both
      // load; the lock makes the second wait, and its second look finds the first one's load.
      await store.dialect.lockInTransaction(trx, 'bundled-data');
      const todo = stale(await trx.selectFrom('data_files').selectAll().execute());
      const files: { name: string; file: { sha256: string; rows: unknown[] } }[] = [];
      if (todo.facts) {
        for (const { value } of companies.rows) await upsertCompany(trx, value, 'bundled');
        await deleteFacts(trx, 'bundled');
        await bulkInsertFacts({ db: trx, dialect: store.dialect }, facts.rows.map((r) => r.value), runId);
        files.push({ name: 'companies.csv', file: companies }, { name: 'facts.csv', file: facts });
      }
      if (todo.events) {
        await replaceEvents(trx, events.rows.map((r) => r.value), 'bundled');
        files.push({ name: 'events.csv', file: events });
      }
      const now = new Date().toISOString();
      for (const f of files) {
        const row = { name: f.name, sha256: f.file.sha256, rows: f.file.rows.length, loaded_at: now };
        await trx
          .insertInto('data_files')
          .values(row)
          .onConflict((oc) => oc.column('name').doUpdateSet({ sha256: row.sha256, rows: row.rows, loaded_at: now }))
          .execute();
      }
      loaded = files.length > 0;
    });
    const detail = `${counts.companies} companies, ${counts.facts} facts, ${counts.events} events`;
    await finishRun(db, runId, 'ok', loaded ? detail : `already loaded by another process: ${detail}`);
  } catch (e) {
    await finishRun(db, runId, 'failed', (e as Error).message);
    throw e;
  }
  return { loaded, ...counts };
}
