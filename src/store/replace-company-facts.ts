// Replaces what one source holds for one company, atomically: readers (another connection, the
// dashboard) see the complete old set until the commit and the complete new set after it, never
// a mix. A per-company transaction lock makes two replaces of the same company (two syncs at once)
// run one after the other; without it PostgreSQL's second DELETE would not see the first's new
// rows and both sets would survive.
import type { StoreScope, TransactionScope } from './database.js';
import type { FactInput, SourceKind } from '../model/fact.js';
import { deleteFacts } from './facts-repository.js';
import { bulkInsertFacts } from './bulk-insert-facts.js';
import { inTransaction } from './in-transaction.js';

/**
 * Deletes `ticker`'s facts from `sourceKind` and inserts `facts` in one transaction (the caller's,
 * if `store.db` is one). `alongside` runs in the same transaction after the insert, for writes that
 * must commit with the facts (company metadata, HTTP validators, run status). Returns the count.
 */
export async function replaceCompanyFacts(
  store: StoreScope,
  ticker: string,
  sourceKind: SourceKind,
  facts: readonly FactInput[],
  runId: number | null,
  alongside?: (trx: TransactionScope) => Promise<void>,
): Promise<number> {
  // A stray row would survive this company's next replace and be counted twice.
  const stray = facts.find((f) => f.ticker !== ticker || f.sourceKind !== sourceKind);
  if (stray) throw new Error(`replaceCompanyFacts(${ticker}, ${sourceKind}) was given a fact for ${stray.ticker} from ${stray.sourceKind}`);
  return inTransaction(store, async (trx) => {
    // First statement of the transaction: on SQLite it takes the write lock before anything is read.
    await trx.dialect.lockInTransaction(trx.db, `facts:${sourceKind}:${ticker}`);
    await deleteFacts(trx.db, sourceKind, ticker);
    const n = await bulkInsertFacts(trx, facts, runId);
    if (alongside) await alongside(trx);
    return n;
  });
}
