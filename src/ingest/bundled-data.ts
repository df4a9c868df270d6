// Loads the project's verified data files into the store. Idempotent: a file whose content
// hash is already recorded is skipped; a changed file replaces what it loaded before.
import { join } from 'node:path';
import type { Store } from '../store/database.js';
import { upsertCompany } from '../store/companies-repository.js';
import { deleteFacts, insertFacts } from '../store/facts-repository.js';
import { finishRun, startRun } from '../store/runs-repository.js';
import { bundledDataDir } from '../config/paths.js';
import { readCompaniesCsv } from './companies-csv.js';
import { readFactsCsv } from './facts-csv.js';

export interface BundledLoadResult {
  loaded: boolean;
  companies: number;
  facts: number;
}

export async function ensureBundledData(store: Store, opts: { dataDir?: string; force?: boolean } = {}): Promise<BundledLoadResult> {
  const dir = opts.dataDir ?? bundledDataDir();
  const show = (name: string) => (opts.dataDir ? join(dir, name) : `data/${name}`);
  // Validate everything before writing anything.
  const companies = readCompaniesCsv(join(dir, 'companies.csv'), show('companies.csv'));
  const facts = readFactsCsv(join(dir, 'facts.csv'), show('facts.csv'), new Set(companies.rows.map((r) => r.value.ticker)));

  const { db } = store;
  const recorded = await db.selectFrom('data_files').selectAll().execute();
  const hashOf = (name: string) => recorded.find((r) => r.name === name)?.sha256;
  if (!opts.force && hashOf('companies.csv') === companies.sha256 && hashOf('facts.csv') === facts.sha256) {
    return { loaded: false, companies: companies.rows.length, facts: facts.rows.length };
  }

  const runId = await startRun(db, 'init', `bundled data from ${dir}`);
  try {
    await db.transaction().execute(async (trx) => {
      for (const { value } of companies.rows) await upsertCompany(trx, value, 'bundled');
      await deleteFacts(trx, 'bundled');
      await insertFacts(trx, facts.rows.map((r) => r.value), runId, store.dialect.maxParameters);
      const now = new Date().toISOString();
      for (const f of [{ name: 'companies.csv', file: companies }, { name: 'facts.csv', file: facts }]) {
        const row = { name: f.name, sha256: f.file.sha256, rows: f.file.rows.length, loaded_at: now };
        await trx
          .insertInto('data_files')
          .values(row)
          .onConflict((oc) => oc.column('name').doUpdateSet({ sha256: row.sha256, rows: row.rows, loaded_at: now }))
          .execute();
      }
    });
    await finishRun(db, runId, 'ok', `${companies.rows.length} companies, ${facts.rows.length} facts`);
  } catch (e) {
    await finishRun(db, runId, 'failed', (e as Error).message);
    throw e;
  }
  return { loaded: true, companies: companies.rows.length, facts: facts.rows.length };
}
