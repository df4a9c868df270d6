// Where a company row came from (bundled data or SEC) and whether sync tracks it. Sync only
// rewrites name, fiscal year and currency of companies it created itself; bundled rows are verified.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface CompanySource {
  sourceKind: string;
  tracked: boolean;
}

export async function companySource(db: Executor, ticker: string): Promise<CompanySource | null> {
  const r = await db.selectFrom('companies').select(['source_kind', 'tracked']).where('ticker', '=', ticker).executeTakeFirst();
  return r ? { sourceKind: r.source_kind, tracked: Number(r.tracked) === 1 } : null;
}

export async function setTracked(db: Executor, ticker: string, tracked: boolean): Promise<void> {
  await db.updateTable('companies').set({ tracked: tracked ? 1 : 0 }).where('ticker', '=', ticker).execute();
}

/** How many facts one source holds for a company (sync re-downloads when its rows are gone). */
export async function countSourceFacts(db: Executor, ticker: string, sourceKind: string): Promise<number> {
  const r = await db
    .selectFrom('facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticker', '=', ticker)
    .where('source_kind', '=', sourceKind)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Source and tracking of every company, by ticker (bulk ingest looks companies up by the thousand). */
export async function listCompanySources(db: Executor): Promise<Map<string, CompanySource>> {
  const rows = await db.selectFrom('companies').select(['ticker', 'source_kind', 'tracked']).execute();
  return new Map(rows.map((r) => [r.ticker, { sourceKind: r.source_kind, tracked: Number(r.tracked) === 1 }]));
}

/**
 * Renames a company everywhere its ticker is stored (bulk ingest files unknown filers as
 * CIK<number>; `airace add` gives them their real ticker). Run it inside a transaction.
 */
export async function renameTicker(db: Executor, from: string, to: string): Promise<void> {
  await db.updateTable('companies').set({ ticker: to }).where('ticker', '=', from).execute();
  await db.updateTable('facts').set({ ticker: to }).where('ticker', '=', from).execute();
  await db.updateTable('sync_state').set({ ticker: to }).where('ticker', '=', from).execute();
  await db.updateTable('sync_run_items').set({ ticker: to }).where('ticker', '=', from).execute();
}
