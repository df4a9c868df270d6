// SEC's ticker → CIK map (company_tickers.json): {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}
import { z } from 'zod';
import type { SecClient, GetOptions } from './sec-client.js';
import { companyTickersUrl } from './sec-urls.js';
import { parseJsonBody, shapeError } from './json-body.js';
import { SecError } from './sec-error.js';

export interface TickerEntry {
  cik: number;
  ticker: string;
  title: string;
}

const entrySchema = z.object({
  cik_str: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  ticker: z.string().min(1),
  title: z.string(),
});
const fileSchema = z.record(z.string(), entrySchema);

export function parseCompanyTickers(body: Buffer | string, source: string): TickerEntry[] {
  const r = fileSchema.safeParse(parseJsonBody(body, source));
  if (!r.success) throw shapeError(source, 'company_tickers.json', r.error.issues);
  return Object.values(r.data).map((e) => ({ cik: e.cik_str, ticker: e.ticker.toUpperCase(), title: e.title }));
}

/** SEC spells share classes with a dash (BRK-B); people often type a dot (BRK.B). */
const normTicker = (t: string) => t.trim().toUpperCase().replace(/\./g, '-');

export function findTicker(entries: TickerEntry[], ticker: string): TickerEntry | undefined {
  const t = normTicker(ticker);
  return entries.find((e) => normTicker(e.ticker) === t);
}

/** Other tickers SEC lists for the same CIK (GOOG beside GOOGL). */
export function siblingTickers(entries: TickerEntry[], cik: number, except: string): string[] {
  return entries.filter((e) => e.cik === cik && e.ticker !== except).map((e) => e.ticker);
}

export async function fetchCompanyTickers(client: SecClient, opts: GetOptions = {}): Promise<TickerEntry[]> {
  const url = companyTickersUrl(client.config);
  const res = await client.get(url, { ...opts, validators: null });
  if (res.kind !== 'ok') throw new SecError('http', `unexpected 304 from ${url}`, url, 304);
  return parseCompanyTickers(res.body, url);
}
