// Stores one parsed models table as a new load, in one transaction with whatever the caller
// records beside it (a sync's HTTP validators), unless the same content with the same retrieval
// date is already stored: then it only confirms that load. Re-importing a file is a no-op.
import type { Store, TransactionScope } from '../../store/database.js';
import { confirmModelLoad, findModelLoad, insertModelLoad } from '../../store/models-repository.js';
import { MODEL_DATASETS, type ModelDataset, type ModelLoadInput } from '../../model/ai-model.js';
import type { ModelsFile } from './epoch-models-csv.js';

export interface StoredModelsFile {
  status: 'loaded' | 'unchanged';
  loadId: number;
  retrieved: string;
  rows: number;
  format: ModelsFile['format'];
  datasets: ModelDataset[];
  columns: string[];
  ignoredColumns: number;
  /** Rows with a training-compute estimate, and with none (unknown, never zero). */
  withCompute: number;
  withoutCompute: number;
  /** Rows without a publication date (kept, but left out of time series). */
  withoutDate: number;
}

export interface StoreModelsOptions {
  retrieved: string;
  source: string;
  sourceKind: ModelLoadInput['sourceKind'];
  runId: number | null;
  /** Also written in the same transaction (validators, run status). */
  alongside?: (trx: TransactionScope) => Promise<void>;
}

export async function storeModelsFile(store: Store, file: ModelsFile, o: StoreModelsOptions): Promise<StoredModelsFile> {
  const datasets = MODEL_DATASETS.filter((d) => file.rows.some((r) => r.dataset === d));
  const load: ModelLoadInput = { retrieved: o.retrieved, source: o.source, sourceKind: o.sourceKind, sha256: file.sha256, format: file.format, datasets, rows: file.rows.length, columns: file.columns };
  const today = new Date().toISOString().slice(0, 10);
  const result = await store.db.transaction().execute(async (db) => {
    // Two imports of one file at once must not store it twice.
    await store.dialect.lockInTransaction(db, 'models-load');
    const trx: TransactionScope = { db, dialect: store.dialect };
    const existing = await findModelLoad(db, file.sha256, o.retrieved);
    let loadId: number;
    let status: StoredModelsFile['status'];
    if (existing) {
      await confirmModelLoad(db, existing.id, o.sourceKind === 'sync' ? today : o.retrieved);
      loadId = existing.id;
      status = 'unchanged';
    } else {
      loadId = await insertModelLoad(db, load, file.rows, o.runId);
      status = 'loaded';
    }
    await o.alongside?.(trx);
    return { loadId, status };
  });
  const withCompute = file.rows.filter((r) => r.trainingComputeFlop !== null).length;
  return {
    ...result,
    retrieved: o.retrieved,
    rows: file.rows.length,
    format: file.format,
    datasets,
    columns: file.columns,
    ignoredColumns: file.ignoredColumns,
    withCompute,
    withoutCompute: file.rows.length - withCompute,
    withoutDate: file.rows.filter((r) => r.publicationDate === null).length,
  };
}
