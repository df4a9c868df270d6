// The one way to store many facts at once (bundled load, SEC sync, bulk import): COPY where the
// dialect has it (PostgreSQL), else multi-row INSERTs (SQLite), in one transaction either way,
// so a failure stores none of them.
//
// SQLite: the INSERTs come in a few fixed shapes (ROWS_PER_INSERT rows, then 64, 32, … 1 for the
// rest), written once as SQL text and run with CompiledQuery.raw, so that the store's statement
// cache (sqlite-statement-cache.ts) compiles each shape once per connection. One INSERT per
// company-sized batch, each a different length, made SQLite compile every statement afresh and
// Kysely build and compile a query tree per batch: ingest spent more time there than inserting.
// The rows and their order (hence the ids) are the same as insertFacts would give.
import { CompiledQuery } from 'kysely';
import type { StoreScope } from './database.js';
import type { NewFactRow } from './schema.js';
import type { FactInput } from '../model/fact.js';
import { copyFacts, putRowValues, toRow } from './facts-repository.js';
import { inTransaction } from './in-transaction.js';

/** Rows per full INSERT: 2,000 parameters, well under SQLite's limit; larger gains nothing measurable. */
export const ROWS_PER_INSERT = 100;

/** Inserts `facts` tagged with `runId`; joins the caller's transaction if `store.db` is one. Returns the count. */
export async function bulkInsertFacts(store: StoreScope, facts: readonly FactInput[], runId: number | null): Promise<number> {
  if (facts.length === 0) return 0;
  return inTransaction(store, (trx) => (trx.dialect.supportsCopy ? copyFacts(trx, facts, runId) : insertInFixedShapes(trx, facts, runId)));
}

async function insertInFixedShapes(store: StoreScope, facts: readonly FactInput[], runId: number | null): Promise<number> {
  const columns = factColumns(facts[0]!);
  const perRow = columns.length;
  checkRowValues(columns, facts[0]!, runId);
  let i = 0;
  for (const rows of shapes(facts.length)) {
    const sql = insertSql(columns, rows);
    const parameters: unknown[] = new Array(rows * perRow);
    let k = 0;
    for (let end = i + rows; i < end; i++) k = putRowValues(facts[i]!, runId, parameters, k);
    await store.db.executeQuery(CompiledQuery.raw(sql, parameters));
  }
  return facts.length;
}

/** putRowValues must give toRow's values in toRow's column order; a column added to one and not the other fails here, not in the data. */
function checkRowValues(columns: readonly (keyof NewFactRow)[], sample: FactInput, runId: number | null): void {
  const row = toRow(sample, runId);
  const put: unknown[] = [];
  const n = putRowValues(sample, runId, put, 0);
  if (n !== columns.length || columns.some((c, i) => !Object.is(put[i], row[c] ?? null))) {
    throw new Error(`putRowValues (facts-repository.ts) does not match toRow's columns (${columns.join(', ')})`);
  }
}

/** Row counts of the INSERTs for `n` facts: full ones, then the rest by its binary digits (64, 32, … 1). */
function* shapes(n: number): Generator<number> {
  for (; n >= ROWS_PER_INSERT; n -= ROWS_PER_INSERT) yield ROWS_PER_INSERT;
  // Every bit, not just those below 100: the rest stays whole whatever ROWS_PER_INSERT is set to.
  for (let p = 1 << 30; p >= 1; p >>= 1) if (n & p) yield p;
}

let columnsCache: (keyof NewFactRow)[] | null = null;

/** The columns toRow sets, in its order (every column but the generated id). */
function factColumns(sample: FactInput): (keyof NewFactRow)[] {
  return (columnsCache ??= Object.keys(toRow(sample, null)) as (keyof NewFactRow)[]);
}

const sqlCache = new Map<number, string>();

function insertSql(columns: readonly string[], rows: number): string {
  let sql = sqlCache.get(rows);
  if (!sql) {
    const one = `(${columns.map(() => '?').join(', ')})`;
    sql = `insert into "facts" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => one).join(', ')}`;
    sqlCache.set(rows, sql);
  }
  return sql;
}
