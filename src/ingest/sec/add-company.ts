// `airace add TICKER`: ticker → CIK from SEC's list, name and fiscal year from submissions,
// a palette colour, and a tracked company row (source 'sec'). Facts come with the next sync.
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import { listCompanies, upsertCompany } from '../../store/companies-repository.js';
import { companySource, listCompanySources, renameTicker, setTracked } from '../../store/company-source-repository.js';
import type { SecClient } from './sec-client.js';
import { fetchCompanyTickers, findTicker, siblingTickers, type TickerEntry } from './company-tickers.js';
import { parseSubmissions } from './submissions.js';
import { submissionsUrl, companyTickersUrl } from './sec-urls.js';
import { distinctColour } from './company-colour.js';
import { SecError } from './sec-error.js';
import { InvalidOptionError, NotFoundError } from '../../model/errors.js';

export interface AddResult {
  company: Company;
  /** false when the company was already in the store (it is then only marked as tracked). */
  created: boolean;
  /** The bulk-ingest ticker (CIK<number>) the company had before it got its real one. */
  renamedFrom?: string;
}

/** The ticker is not in SEC's list (a NotFoundError: the CLI exits with 2). */
export class UnknownTickerError extends NotFoundError {
  constructor(ticker: string, url: string) {
    super('ticker', ticker, [], `not in SEC's list of tickers at ${url}; SEC lists companies that file with it; check the spelling`);
    this.name = 'UnknownTickerError';
  }
}

export interface AddOptions {
  signal?: AbortSignal;
  /** SEC's ticker list; pass one tickerList() to several calls so `add A B C` downloads it once. */
  tickers?: () => Promise<TickerEntry[]>;
}

/** company_tickers.json, fetched on first use and kept for the calls that share it. */
export function tickerList(client: SecClient, opts: { signal?: AbortSignal } = {}): () => Promise<TickerEntry[]> {
  let list: Promise<TickerEntry[]> | null = null;
  return () => {
    list ??= fetchCompanyTickers(client, opts).catch((e: unknown) => {
      list = null;
      throw e;
    });
    return list;
  };
}

/** Colours of the companies a chart can show together: bundled and tracked ones (bulk-created filers are neither). */
async function coloursInUse(store: Store, except: string[]): Promise<string[]> {
  const sources = await listCompanySources(store.db);
  return (await listCompanies(store.db))
    .filter((c) => !except.includes(c.ticker) && (sources.get(c.ticker)?.sourceKind !== 'sec' || sources.get(c.ticker)?.tracked))
    .map((c) => c.colour);
}

export async function addCompany(store: Store, client: SecClient, ticker: string, opts: AddOptions = {}): Promise<AddResult> {
  const wanted = ticker.trim().toUpperCase();
  const existing = (await listCompanies(store.db)).find((c) => c.ticker === wanted);
  if (existing && existing.kind === 'group') throw new InvalidOptionError('ticker', wanted, ['a filer’s ticker'], 'a group of companies, not a filer');
  if (existing?.cik) {
    await setTracked(store.db, existing.ticker, true);
    return { company: existing, created: false };
  }

  const entries = await (opts.tickers ?? tickerList(client, opts))();
  const entry = findTicker(entries, wanted);
  if (!entry) throw new UnknownTickerError(wanted, companyTickersUrl(client.config));
  // One company per CIK: GOOG finds the bundled GOOGL; a filer a bulk ingest stored as
  // CIK<number> gets its real ticker (and keeps its facts).
  const sameCik = (await listCompanies(store.db)).find((c) => c.cik === entry.cik && c.ticker !== wanted);
  const bulkTicker = `CIK${entry.cik}`;
  if (sameCik && sameCik.ticker !== bulkTicker) {
    await setTracked(store.db, sameCik.ticker, true);
    return { company: sameCik, created: false };
  }

  const url = submissionsUrl(client.config, entry.cik);
  const res = await client.get(url, { signal: opts.signal });
  if (res.kind !== 'ok') throw new SecError('http', `unexpected 304 from ${url}`, url, 304);
  const info = parseSubmissions(res.body, url);
  if (info.cik !== entry.cik) throw new SecError('malformed', `${url} describes CIK ${info.cik}, not ${entry.cik}`, url);

  const aliases = [...new Set([entry.title, ...siblingTickers(entries, entry.cik, entry.ticker), ...info.tickers.filter((t) => t !== entry.ticker)])].filter((a) => a && a !== info.name);
  // A company already in the store (without a CIK) keeps what it has; SEC fills the gaps.
  const company: Company = existing
    ? { ...existing, cik: entry.cik, aliases: [...new Set([...existing.aliases, ...aliases])] }
    : {
        ticker: entry.ticker,
        name: info.name,
        kind: 'company',
        cik: entry.cik,
        country: info.country,
        fiscalYearEndMonth: info.fiscalYearEndMonth ?? 12,
        // Corrected from the companyfacts unit keys at the first sync.
        currency: 'USD',
        colour: distinctColour(entry.ticker, await coloursInUse(store, sameCik ? [sameCik.ticker] : [])),
        aliases,
        members: [],
      };
  const source = existing ? await companySource(store.db, existing.ticker) : null;
  await store.db.transaction().execute(async (trx) => {
    if (sameCik) await renameTicker(trx, sameCik.ticker, company.ticker);
    await upsertCompany(trx, company, source?.sourceKind ?? 'sec', true);
  });
  return { company, created: !existing && !sameCik, ...(sameCik ? { renamedFrom: sameCik.ticker } : {}) };
}
