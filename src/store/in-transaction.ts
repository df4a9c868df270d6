// Runs work in the caller's transaction when there is one, else in a new one, so store
// functions compose: replaceCompanyFacts calls bulkInsertFacts, and a sync can call either
// inside its own transaction with the rest of a company's writes.
import type { StoreScope, TransactionScope } from './database.js';

export async function inTransaction<T>(scope: StoreScope, fn: (trx: TransactionScope) => Promise<T>): Promise<T> {
  if (scope.db.isTransaction) return fn(scope as TransactionScope);
  return scope.db.transaction().execute((trx) => fn({ db: trx, dialect: scope.dialect }));
}
