// Loads the project's verified data files into the store. Idempotent: a file whose content
// hash is already recorded is skipped; a changed file replaces what it loaded before.
// Events load on their own hash, so editing the timeline does not renumber the facts.
//
// Which folder: the bundled data/, or the one `airace init --data-dir DIR` chose. That choice is
// remembered in the store (settings.data_dir), so a later plain command loads from the same
// folder instead of silently putting the bundled data back; `init --bundled` forgets it.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/database.js';
import { upsertCompany } from '../store/companies-repository.js';
import { deleteFacts } from '../store/facts-repository.js';
import { bulkInsertFacts } from '../store/bulk-insert-facts.js';
import { finishRun, startRun } from '../store/runs-repository.js';
import { DATA_DIR_SETTING, getSetting, setSetting } from '../store/settings-repository.js';
import { bundledDataDir } from '../config/paths.js';
import { readCompaniesCsv } from './companies-csv.js';
import { readFactsCsv } from './facts-csv.js';
import { readEventsCsv } from './events-csv.js';
import { applyCorrections } from './corrections-csv.js';
import { replaceEvents } from '../store/events-repository.js';
import { listLoadedDataFiles, recordLoadedDataFile } from '../store/data-files-repository.js';

export interface BundledLoadOptions {
  /** Load from this folder and remember the choice for later commands. */
  dataDir?: string;
  /** Forget a remembered data folder and load the bundled data/ again. */
  bundled?: boolean;
  /** Reload even if no file changed. */
  force?: boolean;
}

export interface BundledLoadResult {
  loaded: boolean;
  companies: number;
  facts: number;
  events: number;
  corrections: number;
  /** The folder loaded from; null for the bundled data/. */
  dataDir: string | null;
}

/** Where the data comes from for this load: an explicit choice, else the remembered one, else data/. */
async function chosenDataDir(store: Store, opts: BundledLoadOptions): Promise<{ dir: string | null; remembered: string | null }> {
  const remembered = await getSetting(store.db, DATA_DIR_SETTING);
  if (opts.bundled) return { dir: null, remembered };
  if (opts.dataDir) return { dir: resolve(opts.dataDir), remembered };
  if (remembered && !(existsSync(remembered) && statSync(remembered).isDirectory())) {
    throw new Error(
      `the data folder ${remembered} (chosen with airace init --data-dir) is missing: restore it, choose another with ` +
        '`airace init --data-dir DIR`, or go back to the bundled data with `airace init --bundled`',
    );
  }
  return { dir: remembered, remembered };
}

export async function ensureBundledData(store: Store, opts: BundledLoadOptions = {}): Promise<BundledLoadResult> {
  const { dir: chosen, remembered } = await chosenDataDir(store, opts);
  const dir = chosen ?? bundledDataDir();
  const show = (name: string) => (chosen ? join(dir, name) : `data/${name}`);
  // Validate everything before writing anything.
  const companies = readCompaniesCsv(join(dir, 'companies.csv'), show('companies.csv'));
  const tickers = new Set(companies.rows.map((r) => r.value.ticker));
  const statedFacts = readFactsCsv(join(dir, 'facts.csv'), show('facts.csv'), tickers);
  const correctionsPath = join(dir, 'corrections.csv');
  const corrections = existsSync(correctionsPath) ? readFactsCsv(correctionsPath, show('corrections.csv'), tickers, { allowNoRows: true }) : null;
  const facts = corrections ? applyCorrections(statedFacts, corrections) : statedFacts;
  const events = readEventsCsv(join(dir, 'events.csv'), show('events.csv'));

  const counts = { companies: companies.rows.length, facts: facts.rows.length, events: events.rows.length, corrections: corrections?.rows.length ?? 0, dataDir: chosen };
  const hashes = { 'companies.csv': companies.sha256, 'facts.csv': facts.sha256, 'corrections.csv': corrections?.sha256 ?? 'none', 'events.csv': events.sha256 };
  const folderChanged = chosen !== remembered;

  const { db } = store;
  /** Which parts differ from what the store recorded: facts (with companies and corrections) and events load separately. */
  const stale = (recorded: { name: string; sha256: string }[]) => {
    const differs = (name: keyof typeof hashes) => recorded.find((r) => r.name === name)?.sha256 !== hashes[name];
    return {
      facts: !!opts.force || differs('companies.csv') || differs('facts.csv') || differs('corrections.csv'),
      events: !!opts.force || differs('events.csv'),
    };
  };
  const before = stale(await listLoadedDataFiles(db));
  if (!before.facts && !before.events && !folderChanged) return { loaded: false, ...counts };

  const runId = await startRun(db, 'init', `data from ${dir}`);
  let loaded = false;
  try {
    await db.transaction().execute(async (trx) => {
      // Two processes opening a fresh store at once (the server and a CLI command) would both
      // load; the lock makes the second wait, and its second look finds the first one's load.
      await store.dialect.lockInTransaction(trx, 'bundled-data');
      const todo = stale(await listLoadedDataFiles(trx));
      const names: (keyof typeof hashes)[] = [];
      if (todo.facts) {
        for (const { value } of companies.rows) await upsertCompany(trx, value, 'bundled');
        await deleteFacts(trx, 'bundled');
        await bulkInsertFacts({ db: trx, dialect: store.dialect }, facts.rows.map((r) => r.value), runId);
        names.push('companies.csv', 'facts.csv', 'corrections.csv');
      }
      if (todo.events) {
        await replaceEvents(trx, events.rows.map((r) => r.value), 'bundled');
        names.push('events.csv');
      }
      if (folderChanged) await setSetting(trx, DATA_DIR_SETTING, chosen);
      const now = new Date().toISOString();
      for (const name of names) {
        const rows = name === 'companies.csv' ? counts.companies : name === 'events.csv' ? counts.events : name === 'corrections.csv' ? counts.corrections : statedFacts.rows.length;
        await recordLoadedDataFile(trx, { name, sha256: hashes[name], rows, loadedAt: now });
      }
      loaded = names.length > 0;
    });
    const detail = `${counts.companies} companies, ${counts.facts} facts (${counts.corrections} corrections), ${counts.events} events`;
    await finishRun(db, runId, 'ok', loaded ? detail : `already loaded by another process: ${detail}`);
  } catch (e) {
    await finishRun(db, runId, 'failed', (e as Error).message);
    throw e;
  }
  return { loaded, ...counts };
}
