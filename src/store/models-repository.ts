// Plain functions over the models tables, db first. A load is written with all its rows in
// the caller's transaction (a sync or an import commits the whole table or nothing).
import type { Kysely, Transaction } from 'kysely';
import type { Database, ModelLoadRow, ModelRow } from './schema.js';
import type { AiModelInput, ModelDataset, ModelFileFormat, ModelLoad, ModelLoadInput } from '../model/ai-model.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Rows per insert: 21 columns, well under every dialect's parameter limit. */
const BATCH = 200;

export async function insertModelLoad(db: Executor, load: ModelLoadInput, models: readonly AiModelInput[], runId: number | null): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('model_loads')
    .values({
      retrieved: load.retrieved,
      confirmed: load.retrieved,
      source: load.source,
      source_kind: load.sourceKind,
      sha256: load.sha256,
      format: load.format,
      datasets: JSON.stringify(load.datasets),
      rows: models.length,
      columns: JSON.stringify(load.columns),
      loaded_at: now,
      run_id: runId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const loadId = Number(id);
  for (let i = 0; i < models.length; i += BATCH) {
    await db
      .insertInto('models')
      .values(models.slice(i, i + BATCH).map((m, k) => toRow(loadId, i + k, m)))
      .execute();
  }
  return loadId;
}

function toRow(loadId: number, position: number, m: AiModelInput): ModelRow {
  return {
    load_id: loadId,
    position,
    line: m.line,
    name: m.name,
    organization: m.organization,
    country: m.country,
    publication_date: m.publicationDate,
    domain: m.domain,
    parameters: m.parameters,
    training_compute_flop: m.trainingComputeFlop,
    training_cost_usd: m.trainingCostUsd,
    cost_basis: m.costBasis,
    hardware: m.hardware,
    hardware_quantity: m.hardwareQuantity,
    confidence: m.confidence,
    accessibility: m.accessibility,
    open_weights: m.openWeights === null ? null : m.openWeights ? 1 : 0,
    link: m.link,
    dataset: m.dataset,
    snapshot: m.snapshot,
  };
}

export interface StoredModel extends AiModelInput {
  loadId: number;
  position: number;
}

function fromRow(r: ModelRow): StoredModel {
  return {
    loadId: r.load_id,
    position: r.position,
    line: r.line,
    name: r.name,
    organization: r.organization,
    country: r.country,
    publicationDate: r.publication_date,
    domain: r.domain,
    parameters: num(r.parameters),
    trainingComputeFlop: num(r.training_compute_flop),
    trainingCostUsd: num(r.training_cost_usd),
    costBasis: r.cost_basis,
    hardware: r.hardware,
    hardwareQuantity: num(r.hardware_quantity),
    confidence: r.confidence,
    accessibility: r.accessibility,
    openWeights: r.open_weights === null ? null : Number(r.open_weights) === 1,
    link: r.link,
    dataset: r.dataset as ModelDataset | null,
    snapshot: r.snapshot,
  };
}

/** PostgreSQL's driver may hand back numeric text; the store's numbers are always numbers. */
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function loadOf(r: ModelLoadRow): ModelLoad {
  return {
    id: Number(r.id),
    retrieved: r.retrieved,
    confirmed: r.confirmed,
    source: r.source,
    sourceKind: r.source_kind as ModelLoad['sourceKind'],
    sha256: r.sha256,
    format: r.format as ModelFileFormat,
    datasets: JSON.parse(r.datasets) as ModelDataset[],
    rows: Number(r.rows),
    columns: JSON.parse(r.columns) as string[],
    loadedAt: r.loaded_at,
  };
}

/** Every load, newest retrieval first. */
export async function listModelLoads(db: Executor): Promise<ModelLoad[]> {
  const rows = await db.selectFrom('model_loads').selectAll().orderBy('retrieved', 'desc').orderBy('id', 'desc').execute();
  return rows.map(loadOf);
}

/** The newest retrieval, or the newest on or before `asOf` (a date or a month). */
export async function currentModelLoad(db: Executor, asOf?: string): Promise<ModelLoad | null> {
  let q = db.selectFrom('model_loads').selectAll();
  // Retrieval dates are ISO text: a month (2026-04) sorts before every day of it.
  if (asOf) q = q.where('retrieved', '<=', asOf.length === 7 ? `${asOf}-31` : asOf);
  const r = await q.orderBy('retrieved', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? loadOf(r) : null;
}

/** A load with the same content and retrieval date, if one is stored. */
export async function findModelLoad(db: Executor, sha256: string, retrieved: string): Promise<ModelLoad | null> {
  const r = await db.selectFrom('model_loads').selectAll().where('sha256', '=', sha256).where('retrieved', '=', retrieved).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? loadOf(r) : null;
}

/** The newest load from `source`, to confirm unchanged content (a 304) against. */
export async function latestLoadFrom(db: Executor, source: string): Promise<ModelLoad | null> {
  const r = await db.selectFrom('model_loads').selectAll().where('source', '=', source).orderBy('retrieved', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? loadOf(r) : null;
}

/** Moves a load's "confirmed current" day forward (never back). */
export async function confirmModelLoad(db: Executor, loadId: number, day: string): Promise<void> {
  await db.updateTable('model_loads').set({ confirmed: day }).where('id', '=', loadId).where('confirmed', '<', day).execute();
}

export async function selectModels(db: Executor, loadId: number): Promise<StoredModel[]> {
  const rows = await db.selectFrom('models').selectAll().where('load_id', '=', loadId).orderBy('position').execute();
  return rows.map(fromRow);
}

/** Every stored version of the models with these exact names, oldest retrieval first. */
export async function selectModelVersions(db: Executor, names: readonly string[]): Promise<(StoredModel & { retrieved: string })[]> {
  if (!names.length) return [];
  const rows = await db
    .selectFrom('models')
    .innerJoin('model_loads', 'model_loads.id', 'models.load_id')
    .selectAll('models')
    .select('model_loads.retrieved')
    .where('models.name', 'in', names)
    .orderBy('model_loads.retrieved')
    .orderBy('models.load_id')
    .orderBy('models.position')
    .execute();
  return rows.map((r) => ({ ...fromRow(r), retrieved: r.retrieved }));
}
