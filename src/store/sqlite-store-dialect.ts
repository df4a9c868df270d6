import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteDialect, sql } from 'kysely';
import type { StoreDialect } from './store-dialect.js';
import { SQLITE_LOCK_TABLE_DDL, withSqliteLockRow } from './sqlite-lock-row.js';
import { withStatementCache } from './sqlite-statement-cache.js';

// A read-only folder's database opens through a `file:…?immutable=1` URI (see openReadOnly).
// better-sqlite3 reads this once, when it first opens a database, which happens after this line.
process.env.SQLITE_USE_URI ??= '1';

/** The error code that refuses writing to `path`, or null when it may be written. */
function writeDenied(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** Why an existing database file cannot be written, or null when it can (or does not exist yet). */
export function sqliteReadOnlyReason(path: string): string | null {
  if (path === ':memory:' || !existsSync(path)) return null;
  const file = writeDenied(path);
  if (file) return file === 'EROFS' ? 'it is on a read-only file system' : 'the file is not writable';
  const folder = writeDenied(dirname(path));
  if (folder) return folder === 'EROFS' ? 'it is on a read-only file system' : 'its folder is not writable, and SQLite keeps its write-ahead log there';
  return null;
}

/** A SQLite URI names the file with %-escapes, so `?` or `#` in a path stay part of it. */
const fileUri = (path: string) => `file:${path.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Opens a database that cannot be written, for reading only. A WAL database is read through its
 * -shm index, which SQLite cannot create in a read-only folder; when no -wal file exists there
 * the main file is the whole database and nothing else can change it, so it opens immutable.
 */
function openReadOnly(path: string): Sqlite.Database {
  if (writeDenied(dirname(path)) === null || existsSync(`${path}-wal`)) return new Sqlite(path, { readonly: true, fileMustExist: true });
  return new Sqlite(`${fileUri(path)}?immutable=1`, { readonly: true, fileMustExist: true });
}

export function sqliteStoreDialect(path: string): StoreDialect {
  const readOnlyReason = sqliteReadOnlyReason(path);
  // The store generation: PRAGMA data_version changes when another connection (another process)
  // commits, and this connection counts its own writes. Both restart at the same values when a
  // connection opens, so a random prefix tells one connection's tokens from another's.
  let connection: { id: string; dataVersion: () => unknown } | null = null;
  let ownWrites = 0;
  const noteWrite = () => {
    ownWrites++;
  };
  const opened = (db: Sqlite.Database) => {
    const dataVersion = db.prepare('pragma data_version').pluck();
    connection = { id: randomUUID().slice(0, 8), dataVersion: () => dataVersion.get() };
    return db;
  };
  return {
    name: 'sqlite',
    autoIncrementType: 'integer',
    needsAutoIncrementModifier: true,
    // SQLite compares text by code point (BINARY) already.
    kyselyPlugins: [],
    maxParameters: 32766,
    // No COPY: bulk loads use multi-row INSERTs in one transaction, which is SQLite's fast path.
    supportsCopy: false,
    location: path,
    readOnlyReason,
    createKyselyDialect() {
      if (readOnlyReason) {
        // No journal-mode switch, no lock table: reading must not write anything.
        const ro = openReadOnly(path);
        ro.pragma('busy_timeout = 5000');
        return new SqliteDialect({ database: withStatementCache(opened(ro)) });
      }
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      const db = new Sqlite(path);
      // Wait for another process's write lock rather than fail; first, since even switching to
      // WAL needs a lock when two processes open a new file at once.
      db.pragma('busy_timeout = 5000');
      // WAL lets the dashboard read while a sync writes; readers see the last committed company.
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.exec(SQLITE_LOCK_TABLE_DDL);
      return new SqliteDialect({ database: withStatementCache(opened(db), undefined, noteWrite) });
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
    async integrityProblems(db, { quick, limit }) {
      const pragma = quick ? 'quick_check' : 'integrity_check';
      const rows = await sql<Record<string, string>>`${sql.raw(`pragma ${pragma}(${Math.max(1, Math.floor(limit))})`)}`.execute(db);
      const problems = rows.rows.map((r) => String(Object.values(r)[0]));
      return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
    },
    async generation() {
      // Read on the connection directly, not through Kysely's queue: it takes microseconds, and
      // a query queued behind a transaction would wait for it (the token may run ahead of the data, never behind).
      if (!connection) throw new Error('the SQLite store is not open');
      return `${connection.id}.${String(connection.dataVersion())}.${ownWrites}`;
    },
    withLock(db, name, fn, options) {
      return withSqliteLockRow(db, name, fn, options);
    },
  };
}
