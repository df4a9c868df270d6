// Differences between SQLite and PostgreSQL, as named capabilities (Kysely's adapter habit),
// so that code above this file never asks "is this sqlite?".
import type { ColumnDataType, Dialect, Kysely, KyselyPlugin, Transaction } from 'kysely';

/** Anything queries run on: the store's Kysely instance or an open transaction. */
export type StoreExecutor = Kysely<any> | Transaction<any>;

/** What a caller waiting for a lock is told about the holder. */
export interface LockWaitInfo {
  name: string;
  /** Human-readable: "pid 4711 on host build-1 since 2025-06-01T10:00:00.000Z". */
  holder: string;
}

export interface LockOptions {
  /** Called once when the lock is busy, before waiting for it (so the CLI can say why it pauses). */
  onWait?: (info: LockWaitInfo) => void;
}

export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type and modifiers for an auto-incrementing integer primary key. */
  readonly autoIncrementType: ColumnDataType;
  /** Whether the primary key column must be declared with `autoincrement` (SQLite) rather than a serial type. */
  readonly needsAutoIncrementModifier: boolean;
  /**
   * Plugins the store's Kysely instance runs with. PostgreSQL's declares text columns COLLATE "C",
   * so text sorts by code point as on SQLite whatever locale the database was created with.
   */
  readonly kyselyPlugins: readonly KyselyPlugin[];
  /** Most parameters one statement may carry (SQLite's default limit is 32766; PostgreSQL's 65535). */
  readonly maxParameters: number;
  /** Whether `copyRows` streams rows with COPY ... FROM STDIN (much faster than multi-row INSERT). */
  readonly supportsCopy: boolean;
  createKyselyDialect(): Dialect;
  /** Human-readable location, for messages ("/home/me/.local/share/airace/airace.db"); never a password. */
  readonly location: string;
  /**
   * Why the store can only be read ("the file is not writable"), or null. A read-only store
   * opens for reading without writing anything; a command that must write is told why it cannot.
   */
  readonly readOnlyReason: string | null;
  /**
   * The schema Kysely's migration tables live in, or undefined for the engine's only one. PostgreSQL
   * answers current_schema(), so two airace stores in two schemas of one database stay apart.
   */
  migrationSchema(db: Kysely<any>): Promise<string | undefined>;
  /**
   * Runs `fn` (the migrator) so that pending migrations apply completely or not at all, and one
   * process at a time: two commands opening a new database at once must not both create tables.
   */
  withMigrationLock<T>(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<T>): Promise<T>;
  /**
   * Streams rows into a table in one COPY statement, on the connection of `db` (use it inside a
   * transaction so the rows commit with the rest). Only when `supportsCopy`; else it throws.
   */
  copyRows(db: StoreExecutor, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
  /**
   * Takes a lock named `name` until the transaction `trx` ends, waiting while another transaction
   * holds it. After it returns, the transaction's next statement sees what the previous holder committed.
   * Call it first in the transaction (SQLite: a transaction that has read cannot start writing
   * after another connection committed).
   */
  lockInTransaction(trx: Transaction<any>, name: string): Promise<void>;
  /**
   * The engine's own check of the stored pages and indexes (SQLite's `PRAGMA integrity_check`, or
   * `quick_check` when `quick`), as the problems it reports: none means the check passed. Absent
   * where the engine has no such check airace can run (PostgreSQL: data checksums and amcheck
   * are the server administrator's tools).
   */
  integrityProblems?(db: Kysely<any>, options: { quick: boolean; limit: number }): Promise<string[]>;
  /**
   * A token that changes whenever the store's contents may have changed, by this process or any
   * other (see store-generation.ts). Read it before the reads whose result it labels: a write that
   * commits in between then labels new data with the old token, never old data with the new one.
   */
  generation(db: Kysely<any>): Promise<string>;
  /** Runs `fn` holding a lock named `name` across transactions and connections (other processes too). */
  withLock<T>(db: Kysely<any>, name: string, fn: () => Promise<T>, options?: LockOptions): Promise<T>;
}
