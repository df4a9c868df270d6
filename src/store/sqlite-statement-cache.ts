// better-sqlite3 compiles SQL on every prepare(), and Kysely's SQLite driver calls prepare() for
// every query it runs. For a write run many times with the same text (the bulk insert's batches,
// a sync's per-company delete and upsert) compiling costs about as much as running: a 100-row
// INSERT of 20 columns is 2,000 placeholders to parse each time; for the series engine's reads it
// is a tenth of an uncached request. This wrapper hands Kysely a cached statement. Kysely streams
// some selects with iterate(), and a statement that is iterating cannot run again until it
// finishes: a cached read that is busy is not handed out, a fresh one is prepared instead.
// It also sees every statement this connection runs, so it tells the store generation
// (store-generation.ts) about this process's own writes, which PRAGMA data_version does not count.
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept (least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 256;

const DDL = /^\s*(create|drop|alter)\b/i;

/**
 * `stmt`, calling `onWrite` after each run that changed something: rows (a DML statement's
 * `changes`; a write with RETURNING is run as a reader) or the schema.
 */
function noticingWrites(stmt: Statement, sql: string, onWrite: () => void): SqliteStatement {
  const ddl = DDL.test(sql);
  return {
    reader: stmt.reader,
    all(parameters) {
      const rows = stmt.all(parameters);
      onWrite();
      return rows;
    },
    *iterate(parameters) {
      try {
        yield* stmt.iterate(parameters);
      } finally {
        onWrite();
      }
    },
    run(parameters) {
      const r = stmt.run(parameters);
      if (r.changes > 0 || ddl) onWrite();
      return r;
    },
  };
}

export function withStatementCache(db: Database, max = STATEMENT_CACHE_SIZE, onWrite: () => void = () => {}): SqliteDatabase {
  const kept = new Map<string, { stmt: SqliteStatement; prepared: Statement }>();
  return {
    close: () => {
      kept.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = kept.get(sql);
      if (hit && !hit.prepared.busy) {
        kept.delete(sql);
        kept.set(sql, hit);
        return hit.stmt;
      }
      const prepared = db.prepare(sql);
      // BEGIN, COMMIT and selects are readonly; anything else may write.
      const stmt = prepared.readonly ? prepared : noticingWrites(prepared, sql, onWrite);
      if (!hit) {
        kept.set(sql, { stmt, prepared });
        if (kept.size > max) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
  };
}
