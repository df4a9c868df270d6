// --from/--to for dated things (events): a year or a day. A year bound covers the whole year,
// so `--from 2025 --to 2025` is 2025-01-01..2025-12-31.
import { isRealDate } from './real-date.js';
import { InvalidOptionError } from '../model/errors.js';

export function parseDateBound(option: 'from' | 'to', input: string): string {
  const s = String(input).trim();
  if (/^\d{4}$/.test(s)) return option === 'from' ? `${s}-01-01` : `${s}-12-31`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s)) return s;
  throw new InvalidOptionError(option, input, ['a year such as 2025', 'a date such as 2025-02-24']);
}

/** `--as-of`/`as-of` for a retrieval of a third-party table: a day, or a month (a snapshot's). */
export function parseRetrievalDate(option: string, input: string): string {
  const s = String(input).trim();
  if ((/^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s)) || /^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return s;
  throw new InvalidOptionError(option, input, ['a day such as 2026-04-24', 'a month such as 2026-04']);
}
