import type { Kysely, Transaction } from 'kysely';
import type { Database, CompanyRow } from './schema.js';
import type { Company } from '../model/company.js';

type Executor = Kysely<Database> | Transaction<Database>;

function fromRow(r: CompanyRow): Company {
  return {
    ticker: r.ticker,
    name: r.name,
    kind: r.kind === 'group' ? 'group' : 'company',
    cik: r.cik === null ? null : Number(r.cik),
    country: r.country,
    fiscalYearEndMonth: Number(r.fiscal_year_end_month),
    currency: r.currency,
    colour: r.colour,
    aliases: JSON.parse(r.aliases),
    members: JSON.parse(r.members),
  };
}

export async function upsertCompany(db: Executor, c: Company, sourceKind: string, tracked = true): Promise<void> {
  const row = {
    ticker: c.ticker,
    name: c.name,
    kind: c.kind,
    cik: c.cik,
    country: c.country,
    fiscal_year_end_month: c.fiscalYearEndMonth,
    currency: c.currency,
    colour: c.colour,
    aliases: JSON.stringify(c.aliases),
    members: JSON.stringify(c.members),
    source_kind: sourceKind,
    tracked: tracked ? 1 : 0,
  };
  const { ticker, ...rest } = row;
  await db.insertInto('companies').values(row).onConflict((oc) => oc.column('ticker').doUpdateSet(rest)).execute();
}

export async function listCompanies(db: Executor): Promise<Company[]> {
  const rows = await db.selectFrom('companies').selectAll().orderBy('kind', 'desc').orderBy('ticker').execute();
  return rows.map(fromRow);
}

/** Companies with these exact tickers (a cheap lookup that avoids reading every company). */
export async function companiesByTicker(db: Executor, tickers: string[]): Promise<Company[]> {
  if (!tickers.length) return [];
  const rows = await db.selectFrom('companies').selectAll().where('ticker', 'in', tickers).execute();
  return rows.map(fromRow);
}

/**
 * One page of companies (groups left out): the curated ones first ('bundled' sorts before
 * 'sec'), then by ticker. An index range scan: the cost does not grow with the store.
 */
export async function companiesPage(db: Executor, { offset, limit }: { offset: number; limit: number }): Promise<Company[]> {
  const rows = await db.selectFrom('companies').selectAll().where('kind', '=', 'company').orderBy('source_kind').orderBy('ticker').limit(limit).offset(offset).execute();
  return rows.map(fromRow);
}

/** How many companies (not groups) the store holds. */
export async function countCompanies(db: Executor): Promise<number> {
  const r = await db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'company').executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listTrackedTickers(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('companies').select('ticker').where('tracked', '=', 1).where('kind', '=', 'company').orderBy('ticker').execute();
  return rows.map((r) => r.ticker);
}
