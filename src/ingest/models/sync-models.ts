// `airace models sync`: downloads Epoch's table (conditionally: an unchanged file costs one 304),
// parses all of it, then stores it as a new load together with the HTTP validators and the run's
// status in ONE transaction. A failure anywhere leaves the store as it was.
import type { Store } from '../../store/database.js';
import { finishRun, startRun } from '../../store/runs-repository.js';
import { confirmModelLoad, latestLoadFrom } from '../../store/models-repository.js';
import { getValidators, recordFetch } from '../../store/sync-state-repository.js';
import { DataFileError } from '../data-file-error.js';
import type { RetryInfo } from '../http/http-client.js';
import type { ModelDataset } from '../../model/ai-model.js';
import type { EpochClient } from './epoch-client.js';
import { HttpError } from '../http/http-error.js';
import { parseModelsCsv } from './epoch-models-csv.js';
import { storeModelsFile, type StoredModelsFile } from './store-models-file.js';

export const MODELS_SYNC_RUN_KIND = 'models-sync';

export interface SyncModelsOptions {
  /** Download even when the stored validators say nothing changed. */
  force?: boolean;
  dataset?: ModelDataset;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  onProgress?: (received: number, total: number | null) => void;
  /** The retrieval day (default: today, UTC). */
  today?: string;
}

export type SyncModelsResult =
  | ({ status: 'loaded' | 'unchanged'; url: string; notModified: false } & StoredModelsFile)
  | { status: 'unchanged'; url: string; notModified: true; loadId: number; retrieved: string; rows: number };

export async function syncModels(store: Store, client: EpochClient, o: SyncModelsOptions = {}): Promise<SyncModelsResult> {
  const { db } = store;
  const url = client.config.url;
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const runId = await startRun(db, MODELS_SYNC_RUN_KIND, url);
  try {
    // Ask "changed since?" only when the store still holds what the validators describe.
    const previous = await latestLoadFrom(db, url);
    const validators = !o.force && previous ? await getValidators(db, url) : null;
    const res = await client.get(url, { validators, signal: o.signal, onRetry: o.onRetry, onProgress: o.onProgress });
    if (res.kind === 'not-modified') {
      await db.transaction().execute(async (trx) => {
        await recordFetch(trx, url, null, null, false);
        await confirmModelLoad(trx, previous!.id, today);
      });
      await finishRun(db, runId, 'ok', `not modified since ${previous!.retrieved}`);
      return { status: 'unchanged', url, notModified: true, loadId: previous!.id, retrieved: previous!.retrieved, rows: previous!.rows };
    }
    let file;
    try {
      file = parseModelsCsv(decodeUtf8(res.body, url), url, { dataset: o.dataset });
    } catch (e) {
      if (e instanceof DataFileError) throw new HttpError('malformed', `Epoch AI's table is not in a format airace reads: ${e.message}`, url, 200);
      throw e;
    }
    if (o.signal?.aborted) throw new HttpError('interrupted', `interrupted before saving ${url}`, url);
    // The same bytes as last time are a confirmation, not a new version.
    const same = previous && previous.sha256 === file.sha256;
    const stored = await storeModelsFile(store, file, {
      retrieved: same ? previous.retrieved : today,
      source: url,
      sourceKind: 'sync',
      runId,
      alongside: async ({ db: trx }) => {
        await recordFetch(trx, url, null, res.validators, true);
      },
    });
    await finishRun(db, runId, 'ok', `${stored.status}: ${stored.rows} models, retrieved ${stored.retrieved}`);
    return { ...stored, url, notModified: false };
  } catch (e) {
    await finishRun(db, runId, 'failed', (e as Error).message);
    throw e;
  }
}

/** Strict UTF-8: a body that is not text (a zip, a truncated multi-byte character) is named, not silently mangled. */
function decodeUtf8(body: Buffer, url: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError('malformed', `${url} is not UTF-8 text (${body.length} bytes); expected Epoch AI's CSV table`, url, 200);
  }
}
