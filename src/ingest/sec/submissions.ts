// A company's submissions file: the name, tickers, fiscal year end and address airace keeps
// about it. (The filing list is not needed: every fact in companyfacts names its own filing.)
import { z } from 'zod';
import { parseJsonBody, shapeError } from './json-body.js';

export interface SubmissionsInfo {
  cik: number;
  name: string;
  tickers: string[];
  /** Month (1-12) in which the fiscal year ends, or null when SEC has none on file. */
  fiscalYearEndMonth: number | null;
  /** ISO code for US filers (US), otherwise EDGAR's description of the business address country. */
  country: string;
}

const address = z
  .object({ stateOrCountry: z.string().nullish(), stateOrCountryDescription: z.string().nullish() })
  .nullish();

const schema = z.object({
  cik: z.union([z.string().regex(/^\d+$/).transform(Number), z.number().int()]),
  name: z.string().min(1),
  tickers: z.array(z.string()).nullish(),
  fiscalYearEnd: z.string().nullish(),
  addresses: z.object({ business: address, mailing: address }).partial().nullish(),
});

/**
 * "1231" → 12, "0630" → 6, "0331" → 3. A year ending in the first week of a month ("0102",
 * 52/53-week filers) belongs to the month before, as in the series engine's period matching.
 */
export function fiscalYearEndMonthOf(mmdd: string | null | undefined): number | null {
  if (!mmdd || !/^\d{4}$/.test(mmdd)) return null;
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2));
  if (month < 1 || month > 12) return null;
  return day <= 7 ? ((month + 10) % 12) + 1 : month;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(' '),
);

export function parseSubmissions(body: Buffer | string, source: string): SubmissionsInfo {
  const r = schema.safeParse(parseJsonBody(body, source));
  if (!r.success) throw shapeError(source, 'submissions file', r.error.issues);
  const d = r.data;
  const addr = d.addresses?.business ?? d.addresses?.mailing ?? null;
  const code = addr?.stateOrCountry?.toUpperCase() ?? '';
  const country = US_STATES.has(code) ? 'US' : (addr?.stateOrCountryDescription ?? code);
  return {
    cik: d.cik,
    name: d.name,
    tickers: (d.tickers ?? []).map((t) => t.toUpperCase()),
    fiscalYearEndMonth: fiscalYearEndMonthOf(d.fiscalYearEnd),
    country,
  };
}
