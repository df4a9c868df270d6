// `airace models import FILE`: a downloaded Epoch table (or the transcribed selection) from disk.
// The retrieval date is the one given, else the newest snapshot the rows state, else a date in
// the file's name (notable_ai_models_2025-04-10.csv), else the day the file was last written
// (a download's date); the result says which it used.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../../store/database.js';
import { finishRun, startRun } from '../../store/runs-repository.js';
import type { ModelDataset } from '../../model/ai-model.js';
import { parseModelsCsv } from './epoch-models-csv.js';
import { storeModelsFile, type StoredModelsFile } from './store-models-file.js';

export const MODELS_IMPORT_RUN_KIND = 'models-import';

export interface ImportModelsOptions {
  /** YYYY-MM-DD or YYYY-MM. */
  retrieved?: string;
  dataset?: ModelDataset;
  /** How the file is named in messages (default: the path as given). */
  displayName?: string;
}

export interface ImportModelsResult extends StoredModelsFile {
  /** Where the retrieval date came from. */
  retrievedFrom: 'option' | 'snapshot column' | 'file name' | 'file date';
}

export async function importModelsFile(store: Store, path: string, o: ImportModelsOptions = {}): Promise<ImportModelsResult> {
  const displayName = o.displayName ?? path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${displayName}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  // Validate the whole file before opening a transaction: a bad row loads nothing.
  const file = parseModelsCsv(text, displayName, { dataset: o.dataset });
  const snapshots = file.rows.map((r) => r.snapshot).filter((s): s is string => s !== null).sort();
  const named = /(?:^|[^\d])(\d{4}-\d{2}(?:-\d{2})?)(?!\d)/.exec(basename(path))?.[1];
  const retrievedFrom: ImportModelsResult['retrievedFrom'] = o.retrieved ? 'option' : snapshots.length ? 'snapshot column' : named ? 'file name' : 'file date';
  const retrieved = o.retrieved ?? snapshots.at(-1) ?? named ?? statSync(path).mtime.toISOString().slice(0, 10);
  const runId = await startRun(store.db, MODELS_IMPORT_RUN_KIND, `${basename(path)} (retrieved ${retrieved})`);
  try {
    const stored = await storeModelsFile(store, file, { retrieved, source: basename(path), sourceKind: 'import', runId });
    await finishRun(store.db, runId, 'ok', `${stored.status}: ${stored.rows} models`);
    return { ...stored, retrievedFrom };
  } catch (e) {
    await finishRun(store.db, runId, 'failed', (e as Error).message);
    throw e;
  }
}
