// The window a share-price claim speaks of, from its words and the article's date: "this year"
// and "so far this year" are the year to the article date, "on the day" (or a named weekday,
// "today") one session, "over the past month" or "in the last five days" a number of calendar
// days, "in 2024" (a finished year) that calendar year, "this week" / "this month" since the
// last close before they began; a calendar quarter the period reader found in the clause ("in the
// fourth quarter") from the last close before it to its last. The claim's clause is read first
// (the window is `stated`, or `article-date` when its words need the date), then the words
// before it in its sentence (`carried`): a later clause's window belongs to that clause's figure.
// A claim that states no window is read as the day's move, as market reports mean it ("shares
// fell 3% in Hong Kong"), `inferred`: a guess, which never contradicts.
import type { PriceWindow } from '../model/price.js';
import type { Claim, How } from './claim.js';
import { daysBefore } from '../series/price-window.js';
import { cardinal } from './number-words.js';

export type ClaimWindow =
  | { window: PriceWindow; words: string | null; note: string | null; how: How; fromSentence: number | null }
  | { code: 'period-unresolved' | 'period-unstated'; reason: string };

type Found = { window: PriceWindow; words: string; note: string | null; dated: boolean } | { code: 'period-unresolved'; reason: string };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT_DAYS: Record<string, number> = { day: 1, session: 1, week: 7, month: 30, year: 365 };

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The latest `weekday` on or before `iso`. */
function lastWeekday(iso: string, weekday: number): string {
  return daysBefore(iso, (dayOfWeek(iso) - weekday + 7) % 7);
}

/** The window words of one piece of text, or null when it names none; `dated` when they needed the article's date. */
function windowIn(text: string, articleDate: string | null): Found | null {
  const needDate = (words: string): Found => ({ code: 'period-unresolved', reason: `“${words}” needs the article's date (give --date)` });
  const dated = (window: PriceWindow, words: string, note: string | null = null): Found => ({ window, words, note, dated: true });
  let m: RegExpExecArray | null;

  if ((m = /\b(so far this year|this year so far|year[- ]to[- ]date|YTD|this year|since the (?:start|beginning) of (?:the|this) year)\b/i.exec(text))) {
    return articleDate ? dated({ kind: 'ytd', asOf: articleDate }, m[0]) : needDate(m[0]);
  }
  if ((m = /\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+([a-z0-9-]+)?\s*(day|session|week|month|year)s?\b/i.exec(text))) {
    const n = m[1] ? cardinal(m[1]) : 1;
    if (n === null) return null;
    if (!articleDate) return needDate(m[0]);
    const unit = m[2]!.toLowerCase();
    const days = n * UNIT_DAYS[unit]!;
    if (unit === 'session' || (unit === 'day' && n === 1)) return dated({ kind: 'day', asOf: articleDate }, m[0]);
    return dated({ kind: 'days', days, asOf: articleDate }, m[0], `read as ${days} calendar days`);
  }
  if ((m = /\b(?:this|the past|the last) (week|month)\b/i.exec(text))) {
    if (!articleDate) return needDate(m[0]);
    const unit = m[1]!.toLowerCase();
    const start = unit === 'week' ? daysBefore(lastWeekday(articleDate, 1), 1) : daysBefore(`${articleDate.slice(0, 8)}01`, 1);
    return /past|last/i.test(m[0])
      ? dated({ kind: 'days', days: UNIT_DAYS[unit]!, asOf: articleDate }, m[0], `read as ${UNIT_DAYS[unit]} calendar days`)
      : dated({ kind: 'between', from: start, to: articleDate }, m[0], `from the last close before the ${unit} began`);
  }
  if ((m = /\b(on the day|in a (?:single )?day|in (?:a|one) (?:single )?(?:trading )?session|in (?:early|late|afternoon|morning)? ?trading|intraday|today)\b/i.exec(text))) {
    return articleDate ? dated({ kind: 'day', asOf: articleDate }, m[0]) : needDate(m[0]);
  }
  if ((m = /\byesterday\b/i.exec(text))) {
    return articleDate ? dated({ kind: 'day', asOf: daysBefore(articleDate, 1) }, m[0]) : needDate(m[0]);
  }
  if ((m = new RegExp(`\\bon (${WEEKDAYS.join('|')})\\b`, 'i').exec(text))) {
    if (!articleDate) return needDate(m[0]);
    return dated({ kind: 'day', asOf: lastWeekday(articleDate, WEEKDAYS.indexOf(m[1]!.toLowerCase())) }, m[0], `${m[1]} read as the latest one on or before the article date`);
  }
  return null;
}

/** The claim's year written in `text` ("in 2024", "2024"), as a calendar year. */
function yearIn(text: string, claimYear: number | null, articleDate: string | null): Found | null {
  if (claimYear === null) return null;
  const m = new RegExp(`\\b(?:in|during|for|over)\\s+(?:calendar\\s+)?${claimYear}\\b`, 'i').exec(text) ?? new RegExp(`\\b${claimYear}\\b`).exec(text);
  return m ? yearWindow(claimYear, m[0], articleDate) : null;
}

/** A calendar year: the last close of the year before to the year's last, or the year to date when it was not over. */
function yearWindow(year: number, words: string, articleDate: string | null): Found {
  if (articleDate && year >= Number(articleDate.slice(0, 4))) {
    return { window: { kind: 'ytd', asOf: articleDate }, words, note: `${year} was not over at the article date: year to date`, dated: true };
  }
  return { window: { kind: 'between', from: `${year - 1}-12-31`, to: `${year}-12-31` }, words, note: `calendar ${year}: the last close of ${year - 1} to the last of ${year}`, dated: false };
}

/** A calendar quarter the period reader found: the last close before it began to its last (to the article date when it was not over). */
function quarterWindow(year: number, quarter: number, words: string, articleDate: string | null): Found {
  const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  const from = daysBefore(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, 1);
  if (articleDate && end > articleDate) return { window: { kind: 'between', from, to: articleDate }, words, note: `${year}-Q${quarter} was not over at the article date: the quarter to date`, dated: true };
  return { window: { kind: 'between', from, to: end }, words, note: `${year}-Q${quarter}: the last close before it began to its last`, dated: false };
}

/**
 * The period the claim reader found in the clause itself, as a price window: years and calendar
 * quarters. Any other period it found there (a fiscal year, a half, trailing months) is not read
 * as a price window rather than read as something else.
 */
function periodWindow(claim: Pick<Claim, 'period'>, articleDate: string | null): Found | null {
  const p = claim.period;
  // A period carried from another sentence is about that sentence's figures, not a price move.
  if (!p || (p.how !== 'stated' && p.how !== 'article-date') || p.ref.year === null) return null;
  const words = p.ref.text.trim();
  if (p.ref.kind === 'ytd') return articleDate ? { window: { kind: 'ytd', asOf: articleDate }, words, note: null, dated: true } : { code: 'period-unresolved', reason: `“${words}” needs the article's date (give --date)` };
  if (p.ref.kind === 'year' || p.ref.kind === 'cy') return yearWindow(p.ref.year, words, articleDate);
  if (p.ref.kind === 'quarter' && p.ref.quarter !== null) return quarterWindow(p.ref.year, p.ref.quarter, words, articleDate);
  return { code: 'period-unresolved', reason: `“${words}” is not a window a share-price change is read over (a day, days, weeks, months, the year to date, a calendar year or quarter)` };
}

export function claimWindow(claim: Pick<Claim, 'text' | 'start' | 'sentence' | 'period'>, articleDate: string | null): ClaimWindow {
  const year = claim.period?.ref.year ?? null;
  const resolved = (f: Found, how: (dated: boolean) => How): ClaimWindow => ('code' in f ? f : { window: f.window, words: f.words, note: f.note, how: how(f.dated), fromSentence: null });
  const inClause = windowIn(claim.text, articleDate) ?? periodWindow(claim, articleDate) ?? yearIn(claim.text, year, articleDate);
  if (inClause) return resolved(inClause, (dated) => (dated ? 'article-date' : 'stated'));
  const before = claim.sentence.text.slice(0, Math.max(0, claim.start - claim.sentence.start));
  const earlier = windowIn(before, articleDate) ?? yearIn(before, year, articleDate);
  if (earlier) return resolved(earlier, () => 'carried');
  if (!articleDate) return { code: 'period-unstated', reason: 'the claim states no period and the article has no date (give --date): a price move needs a day or a window' };
  return { window: { kind: 'day', asOf: articleDate }, words: null, note: 'no period stated: read as the day’s move (the session on or before the article date)', how: 'inferred', fromSentence: null };
}
