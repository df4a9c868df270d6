// better-sqlite3 compiles SQL on every prepare(), and Kysely's SQLite driver calls prepare() for
// every query it runs. For a write run many times with the same text (the bulk insert's batches,
// a sync's per-company delete and upsert) compiling costs about as much as running: a 100-row
// INSERT of 20 columns is 2,000 placeholders to parse each time; for the series engine's reads it
// is a tenth of an uncached request. This wrapper hands Kysely a cached statement. Kysely streams
// some selects with iterate(), and a statement that is iterating cannot run again until it
// finishes: a cached read that is busy is not handed out, a fresh one is prepared instead.
// It also sees every statement this connection runs, so it tells the store generation
// (store-generation.ts) about this process's own writes, which PRAGMA data_version does not count.
// And it builds each row of a read itself: better-sqlite3 makes a row object by setting its
// properties one by one, which costs about as much again as reading the row (163 facts: 0.8 ms
// as objects, 0.3 ms as arrays turned into objects by a function compiled for the statement's
// columns, every object of one shape).
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept (least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 256;

const DDL = /^\s*(create|drop|alter)\b/i;

/**
 * A reader handing out the rows better-sqlite3 would (an object per row, columns in order, a
 * repeated name keeping its first place and its last value, as a literal with that key twice does).
 */
function withRowObjects(stmt: Statement): SqliteStatement {
  const names = stmt.columns().map((c) => c.name);
  // Keys are JSON string literals of the column names; nothing else is spliced into the source.
  const rowOf = new Function('r', `return {${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')}};`) as (r: unknown[]) => unknown;
  stmt.raw(true);
  return {
    reader: true,
    all: (parameters) => (stmt.all(parameters) as unknown[][]).map(rowOf),
    *iterate(parameters) {
      for (const r of stmt.iterate(parameters) as IterableIterator<unknown[]>) yield rowOf(r);
    },
    run: (parameters) => stmt.run(parameters),
  };
}

/**
 * `stmt`, calling `onWrite` after each run that changed something: rows (a DML statement's
 * `changes`; a write with RETURNING is run as a reader) or the schema.
 */
function noticingWrites(stmt: SqliteStatement, sql: string, onWrite: () => void): SqliteStatement {
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
      const rows = prepared.reader ? withRowObjects(prepared) : prepared;
      // BEGIN, COMMIT and selects are readonly; anything else may write.
      const stmt = prepared.readonly ? rows : noticingWrites(rows, sql, onWrite);
      if (!hit) {
        kept.set(sql, { stmt, prepared });
        if (kept.size > max) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
  };
}
