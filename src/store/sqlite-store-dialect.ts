import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteDialect, sql } from 'kysely';
import type { StoreDialect } from './store-dialect.js';
import { SQLITE_LOCK_TABLE_DDL, withSqliteLockRow } from './sqlite-lock-row.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export function sqliteStoreDialect(path: string): StoreDialect {
  return {
    name: 'sqlite',
    autoIncrementType: 'integer',
    needsAutoIncrementModifier: true,
    // SQLite compares text by code point (BINARY) already.
    textType: 'text',
    kyselyPlugins: [],
    maxParameters: 32766,
    // No COPY: bulk loads use multi-row INSERTs in one transaction, which is SQLite's fast path.
    supportsCopy: false,
    location: path,
    createKyselyDialect() {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      const db = new Sqlite(path);
      // Wait for another process's write lock rather than fail; first, since even switching to
      // WAL needs a lock when two processes open a new file at once.
      db.pragma('busy_timeout = 5000');
      // WAL lets the dashboard read while a sync writes; readers see the last committed company.
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.exec(SQLITE_LOCK_TABLE_DDL);
      return new SqliteDialect({ database: withStatementCache(db) });
    },
    // One database per file: Kysely's migration tables need no schema.
    async migrationSchema() {
      return undefined;
    },
    withMigrationLock(db, fn) {
      // Kysely runs SQLite migrations without a transaction or lock (it assumes one connection).
      // BEGIN IMMEDIATE on one reserved connection gives both: another process waits (busy_timeout)
      // and then finds the tables made, and a crash mid-migration leaves the file as it was.
      return db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          await sql`rollback`.execute(conn);
          throw e;
        }
      });
    },
    async copyRows() {
      throw new Error('SQLite has no COPY; check supportsCopy and insert in batches');
    },
    async lockInTransaction(trx) {
      // SQLite locks the whole database for writing, so the name is not needed. Transactions
      // start deferred; a write that changes nothing takes the write lock now (BEGIN IMMEDIATE's
      // effect), so the transaction's reads come after any other writer's commit, and a second
      // process waits here (busy_timeout) rather than failing later on a stale snapshot.
      await sql`delete from store_locks where 0`.execute(trx);
    },
    withLock(db, name, fn, options) {
      return withSqliteLockRow(db, name, fn, options);
    },
  };
}
