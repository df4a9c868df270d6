// The date an article states for itself ("Published: 24 February 2025", a dateline, front
// matter), so "this year" and "the guidance at the time" can be resolved.
import type { ArticleDate } from './claim.js';
import { InvalidOptionError } from '../model/errors.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

const DATE_FORMS = [
  String.raw`(?<iso>\d{4}-\d{2}-\d{2})`,
  String.raw`(?<mdy>${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`,
  String.raw`(?<dmy>\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+\d{4})`,
].join('|');

/** Labelled dates: "Published: ...", "Updated 2025-02-24", front-matter "date: ...". */
const LABELLED = new RegExp(String.raw`^[\s>*_#-]*(?:published|updated|posted|date|dated|dateline)\b[*_]*\s*(?:on\s*)?[:\-–—]?\s*[*_]*\s*(?:${DATE_FORMS})`, 'im');
/** A dateline at the start of a paragraph: "BEIJING, February 24, 2025 —". */
const DATELINE = new RegExp(String.raw`^[\s>*_]*[A-Z][A-Za-z .'-]{1,40},\s*(?:${DATE_FORMS})\s*(?:\(|—|–|--|-|:)`, 'm');

export function parseDateWords(words: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(words.trim());
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const clean = words.replace(/(\d)(?:st|nd|rd|th)/g, '$1').replace(/[.,]/g, ' ').trim().split(/\s+/);
  const monthIdx = clean.findIndex((w) => /^[A-Za-z]/.test(w));
  if (monthIdx < 0) return null;
  const month = MONTHS.indexOf(clean[monthIdx]!.slice(0, 3).toLowerCase()) + 1;
  const nums = clean.filter((w) => /^\d+$/.test(w)).map(Number);
  const year = nums.find((n) => n > 31);
  const day = nums.find((n) => n <= 31);
  if (!month || year === undefined || day === undefined) return null;
  return valid(year, month, day);
}

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The article's own date, or null when it states none. Only the opening of the text is read for datelines. */
export function findArticleDate(text: string): ArticleDate | null {
  const head = text.slice(0, 3000);
  for (const re of [LABELLED, DATELINE]) {
    const m = re.exec(head);
    if (!m) continue;
    const words = m.groups!.iso ?? m.groups!.mdy ?? m.groups!.dmy!;
    const date = parseDateWords(words);
    if (date) return { date, from: 'article', words: m[0].trim() };
  }
  return null;
}

/** Validates a --date option (YYYY-MM-DD). */
export function parseDateOption(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseDateWords(value) : null;
  if (!date) throw new InvalidOptionError('date', value, ['a date such as 2025-02-25'], 'expected YYYY-MM-DD');
  return date;
}
