// better-sqlite3 compiles SQL on every prepare(), and Kysely's SQLite driver calls prepare() for
// every query it runs. For a write run many times with the same text (the bulk insert's batches,
// a sync's per-company delete and upsert) compiling costs about as much as running: a 100-row
// INSERT of 20 columns is 2,000 placeholders to parse each time. This wrapper hands Kysely a
// cached statement for writes. Reads are never cached: Kysely streams a select with iterate(),
// and a statement that is iterating cannot run a second time until it finishes.
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct write statements kept (least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 64;

export function withStatementCache(db: Database, max = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const writes = new Map<string, Statement>();
  return {
    close: () => {
      writes.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = writes.get(sql);
      if (hit) {
        writes.delete(sql);
        writes.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      if (!stmt.reader) {
        writes.set(sql, stmt);
        if (writes.size > max) writes.delete(writes.keys().next().value!);
      }
      return stmt;
    },
  };
}
