// Plain functions over the facts table, db first (Kysely example-app style).
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Database, FactRow, NewFactRow } from './schema.js';
import type { FactInput, StoredFact, Basis, Confidence, SourceKind, VerificationLevel, FactFigure, FactProvenance } from '../model/fact.js';
import type { StoreScope } from './database.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every column an insert sets (all but the generated id), in COPY's column order. */
const FACT_COLUMNS = [
  'ticker', 'metric', 'concept', 'value', 'unit', 'period_start', 'period_end', 'basis', 'confidence', 'preferred',
  'source_kind', 'source_url', 'form', 'accession', 'filed', 'fy', 'fp', 'frame', 'note', 'run_id',
  'read_at_url', 'verified', 'superseded_by',
] as const satisfies readonly (keyof NewFactRow)[];

const COLUMNS_PER_ROW = FACT_COLUMNS.length;

export function toRow(f: FactInput, runId: number | null): NewFactRow {
  return {
    ticker: f.ticker,
    metric: f.metric,
    concept: f.concept,
    value: f.value,
    unit: f.unit,
    period_start: f.periodStart,
    period_end: f.periodEnd,
    basis: f.basis,
    confidence: f.confidence,
    preferred: f.preferred ? 1 : 0,
    source_kind: f.sourceKind,
    source_url: f.sourceUrl,
    form: f.form,
    accession: f.accession,
    filed: f.filed,
    fy: f.fy,
    fp: f.fp,
    frame: f.frame,
    note: f.note,
    run_id: runId,
    read_at_url: f.readAt,
    verified: f.verified,
    superseded_by: f.supersededBy,
  };
}

/**
 * toRow's values in its key order (null for an undefined one), written into `out` from `at`: the
 * multi-row INSERT's parameters without a row object per fact. Returns the next index.
 */
export function putRowValues(f: FactInput, runId: number | null, out: unknown[], at: number): number {
  out[at++] = f.ticker ?? null;
  out[at++] = f.metric ?? null;
  out[at++] = f.concept ?? null;
  out[at++] = f.value ?? null;
  out[at++] = f.unit ?? null;
  out[at++] = f.periodStart ?? null;
  out[at++] = f.periodEnd ?? null;
  out[at++] = f.basis ?? null;
  out[at++] = f.confidence ?? null;
  out[at++] = f.preferred ? 1 : 0;
  out[at++] = f.sourceKind ?? null;
  out[at++] = f.sourceUrl ?? null;
  out[at++] = f.form ?? null;
  out[at++] = f.accession ?? null;
  out[at++] = f.filed ?? null;
  out[at++] = f.fy ?? null;
  out[at++] = f.fp ?? null;
  out[at++] = f.frame ?? null;
  out[at++] = f.note ?? null;
  out[at++] = runId ?? null;
  out[at++] = f.readAt ?? null;
  out[at++] = f.verified ?? null;
  out[at++] = f.supersededBy ?? null;
  return at;
}

export function fromRow(r: FactRow): StoredFact {
  return {
    id: Number(r.id),
    ticker: r.ticker,
    metric: r.metric,
    concept: r.concept,
    value: Number(r.value),
    unit: r.unit,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    basis: r.basis as Basis,
    confidence: r.confidence as Confidence,
    preferred: Number(r.preferred) === 1,
    sourceKind: r.source_kind as SourceKind,
    sourceUrl: r.source_url,
    form: r.form,
    accession: r.accession,
    filed: r.filed,
    fy: r.fy === null ? null : Number(r.fy),
    fp: r.fp,
    frame: r.frame,
    note: r.note,
    readAt: r.read_at_url,
    verified: r.verified as VerificationLevel,
    supersededBy: r.superseded_by,
  };
}

/** Inserts in multi-row batches sized to the dialect's parameter limit. */
export async function insertFacts(db: Executor, facts: FactInput[], runId: number | null, maxParameters = 32766): Promise<number> {
  const batch = Math.max(1, Math.floor(maxParameters / COLUMNS_PER_ROW));
  for (let i = 0; i < facts.length; i += batch) {
    const rows = facts.slice(i, i + batch).map((f) => toRow(f, runId));
    await db.insertInto('facts').values(rows).execute();
  }
  return facts.length;
}

/**
 * Streams facts into the table with one COPY (dialects with `supportsCopy`). Ids are assigned in
 * the order given, as a multi-row INSERT would. Call bulkInsertFacts unless you need COPY itself.
 */
export async function copyFacts(store: StoreScope, facts: Iterable<FactInput>, runId: number | null): Promise<number> {
  function* rows() {
    for (const f of facts) {
      const row = toRow(f, runId);
      yield FACT_COLUMNS.map((c) => row[c]);
    }
  }
  return store.dialect.copyRows(store.db, 'facts', FACT_COLUMNS, rows());
}

/** Deletes the facts one source holds for one company (or for all, when ticker is omitted). */
export async function deleteFacts(db: Executor, sourceKind: SourceKind, ticker?: string): Promise<void> {
  let q = db.deleteFrom('facts').where('source_kind', '=', sourceKind);
  if (ticker) q = q.where('ticker', '=', ticker);
  await q.execute();
}

export interface FactQuery {
  tickers?: string[];
  metrics?: string[];
  basis?: Basis[];
  sourceKind?: SourceKind;
}

export async function listFacts(db: Executor, query: FactQuery = {}): Promise<StoredFact[]> {
  const rows = await filtered(db.selectFrom('facts').selectAll(), query).execute();
  return rows.map(fromRow);
}

/** The query's where clauses and the listing order (every listing of facts uses the same). */
function filtered<O>(q: SelectQueryBuilder<Database, 'facts', O>, query: FactQuery): SelectQueryBuilder<Database, 'facts', O> {
  if (query.tickers?.length) q = q.where('ticker', 'in', query.tickers);
  if (query.metrics?.length) q = q.where('metric', 'in', query.metrics);
  if (query.basis?.length) q = q.where('basis', 'in', query.basis);
  if (query.sourceKind) q = q.where('source_kind', '=', query.sourceKind);
  return q.orderBy('ticker').orderBy('metric').orderBy('period_end').orderBy('id');
}

/** The columns of a FactFigure: reading the ten provenance and bookkeeping columns too more than doubles the cost of a read. */
const FIGURE_COLUMNS = ['id', 'ticker', 'metric', 'value', 'unit', 'period_start', 'period_end', 'basis', 'confidence', 'preferred', 'source_kind', 'accession', 'filed'] as const;

/** The same facts as listFacts, in the same order, without their provenance (the series engine's read). */
export async function listFactFigures(db: Executor, query: FactQuery = {}): Promise<FactFigure[]> {
  const rows = await filtered(db.selectFrom('facts').select(FIGURE_COLUMNS), query).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    ticker: r.ticker,
    metric: r.metric,
    value: Number(r.value),
    unit: r.unit,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    basis: r.basis as Basis,
    confidence: r.confidence as Confidence,
    preferred: Number(r.preferred) === 1,
    sourceKind: r.source_kind as SourceKind,
    accession: r.accession,
    filed: r.filed,
  }));
}

/** Ids per provenance query: far below either dialect's parameter limit. */
const PROVENANCE_BATCH = 500;

/** The provenance of these facts, by id (ids not stored are absent). */
export async function listFactProvenance(db: Executor, ids: Iterable<number>): Promise<Map<number, FactProvenance>> {
  const all = [...new Set(ids)];
  const out = new Map<number, FactProvenance>();
  for (let i = 0; i < all.length; i += PROVENANCE_BATCH) {
    const rows = await db
      .selectFrom('facts')
      .select(['id', 'source_url', 'form', 'read_at_url', 'verified', 'note'])
      .where('id', 'in', all.slice(i, i + PROVENANCE_BATCH))
      .execute();
    for (const r of rows) out.set(Number(r.id), { sourceUrl: r.source_url, form: r.form, readAt: r.read_at_url, verified: r.verified as VerificationLevel, note: r.note });
  }
  return out;
}

/** The newest end of an actual period and the newest filing date among all stored facts. */
export async function factDates(db: Executor): Promise<{ newestActualEnd: string | null; newestFiled: string | null }> {
  const [actual, filed] = await Promise.all([
    db.selectFrom('facts').select((eb) => eb.fn.max('period_end').as('d')).where('basis', '=', 'actual').executeTakeFirst(),
    db.selectFrom('facts').select((eb) => eb.fn.max('filed').as('d')).executeTakeFirst(),
  ]);
  return { newestActualEnd: (actual?.d as string | null) ?? null, newestFiled: (filed?.d as string | null) ?? null };
}

export async function countFacts(db: Executor): Promise<number> {
  const r = await db.selectFrom('facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
