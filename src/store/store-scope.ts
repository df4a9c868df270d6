import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * Where queries go and what the engine can do: a Store, or `{ db: trx, dialect }` inside a
 * transaction. Functions that need a capability (COPY, locks) take this rather than a bare db.
 */
export interface StoreScope {
  db: Kysely<Database> | Transaction<Database>;
  dialect: StoreDialect;
}

/** A StoreScope whose queries run in one open transaction. */
export interface TransactionScope extends StoreScope {
  db: Transaction<Database>;
}
