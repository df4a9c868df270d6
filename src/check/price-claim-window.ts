// The window a share-price claim speaks of, from its words and the article's date: "this year"
// and "so far this year" are the year to the article date, "on the day" (or a named weekday,
// "today") one session, "over the past month" or "in the last five days" a number of calendar
// days, "in 2024" (a finished year) that calendar year, "this week" / "this month" since the
// last close before they began. A claim that states no window is read as the day's move, as
// market reports mean it ("shares fell 3% in Hong Kong"), and the report says so.
import type { PriceWindow } from '../model/price.js';
import type { Claim } from './claim.js';
import { daysBefore } from '../series/price-window.js';
import { cardinal } from './number-words.js';

export type ClaimWindow =
  | { window: PriceWindow; words: string | null; note: string | null }
  | { code: 'period-unresolved' | 'period-unstated'; reason: string };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT_DAYS: Record<string, number> = { day: 1, session: 1, week: 7, month: 30, year: 365 };

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The latest `weekday` on or before `iso`. */
function lastWeekday(iso: string, weekday: number): string {
  return daysBefore(iso, (dayOfWeek(iso) - weekday + 7) % 7);
}

/** The window words of one piece of text, or null when it names none. */
function windowIn(text: string, articleDate: string | null, claimYear: number | null): ClaimWindow | null {
  const needDate = (words: string): ClaimWindow => ({ code: 'period-unresolved', reason: `“${words}” needs the article's date (give --date)` });
  let m: RegExpExecArray | null;

  if ((m = /\b(so far this year|this year so far|year[- ]to[- ]date|YTD|this year|since the (?:start|beginning) of (?:the|this) year)\b/i.exec(text))) {
    return articleDate ? { window: { kind: 'ytd', asOf: articleDate }, words: m[0], note: null } : needDate(m[0]);
  }
  if ((m = /\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+([a-z0-9-]+)?\s*(day|session|week|month|year)s?\b/i.exec(text))) {
    const n = m[1] ? cardinal(m[1]) : 1;
    if (n === null) return null;
    if (!articleDate) return needDate(m[0]);
    const days = n * UNIT_DAYS[m[2]!.toLowerCase()]!;
    if (m[2]!.toLowerCase() === 'session' || (m[2]!.toLowerCase() === 'day' && n === 1)) return { window: { kind: 'day', asOf: articleDate }, words: m[0], note: null };
    return { window: { kind: 'days', days, asOf: articleDate }, words: m[0], note: `read as ${days} calendar days` };
  }
  if ((m = /\b(?:this|the past|the last) (week|month)\b/i.exec(text))) {
    if (!articleDate) return needDate(m[0]);
    const unit = m[1]!.toLowerCase();
    const start = unit === 'week' ? daysBefore(lastWeekday(articleDate, 1), 1) : daysBefore(`${articleDate.slice(0, 8)}01`, 1);
    return /past|last/i.test(m[0])
      ? { window: { kind: 'days', days: UNIT_DAYS[unit]!, asOf: articleDate }, words: m[0], note: `read as ${UNIT_DAYS[unit]} calendar days` }
      : { window: { kind: 'between', from: start, to: articleDate }, words: m[0], note: `from the last close before the ${unit} began` };
  }
  if ((m = /\b(on the day|in a (?:single )?day|in (?:a|one) (?:single )?(?:trading )?session|in (?:early|late|afternoon|morning)? ?trading|intraday|today)\b/i.exec(text))) {
    return articleDate ? { window: { kind: 'day', asOf: articleDate }, words: m[0], note: null } : needDate(m[0]);
  }
  if ((m = /\byesterday\b/i.exec(text))) {
    return articleDate ? { window: { kind: 'day', asOf: daysBefore(articleDate, 1) }, words: m[0], note: null } : needDate(m[0]);
  }
  if ((m = new RegExp(`\\bon (${WEEKDAYS.join('|')})\\b`, 'i').exec(text))) {
    if (!articleDate) return needDate(m[0]);
    return { window: { kind: 'day', asOf: lastWeekday(articleDate, WEEKDAYS.indexOf(m[1]!.toLowerCase())) }, words: m[0], note: `${m[1]} read as the latest one on or before the article date` };
  }
  if (claimYear !== null && (m = new RegExp(`\\b(?:in|during|for|over)\\s+(?:calendar\\s+)?${claimYear}\\b`, 'i').exec(text) ?? new RegExp(`\\b${claimYear}\\b`).exec(text))) {
    if (articleDate && claimYear >= Number(articleDate.slice(0, 4))) {
      return { window: { kind: 'ytd', asOf: articleDate }, words: m[0], note: `${claimYear} was not over at the article date: year to date` };
    }
    return { window: { kind: 'between', from: `${claimYear - 1}-12-31`, to: `${claimYear}-12-31` }, words: m[0], note: `calendar ${claimYear}: the last close of ${claimYear - 1} to the last of ${claimYear}` };
  }
  return null;
}

export function claimWindow(claim: Pick<Claim, 'text' | 'sentence' | 'period'>, articleDate: string | null): ClaimWindow {
  const year = claim.period?.year ?? null;
  const found = windowIn(claim.text, articleDate, year) ?? windowIn(claim.sentence.text, articleDate, year);
  if (found) return found;
  if (!articleDate) return { code: 'period-unstated', reason: 'the claim states no period and the article has no date (give --date): a price move needs a day or a window' };
  return { window: { kind: 'day', asOf: articleDate }, words: null, note: 'no period stated: read as the day’s move (the session on or before the article date)' };
}
