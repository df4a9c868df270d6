// The date an article states for itself, so "this year", "the fourth quarter" and "the guidance at
// the time" can be resolved: a labelled line ("Published: 24 February 2025", "Updated 14 Aug 2025"),
// a byline with a date ("By the markets desk · February 2, 2026"), a wire dateline ("SEATTLE,
// Feb. 6, 2026 (Newswire) —", "BEIJING, Aug. 29, 2025 /PRNewswire/ --"), or front matter
// (`date: 2025-02-24`). The date words are parsed by chrono-node; finding where they stand is ours,
// because a dateline is about the article, never a period of its first claim: the span is returned
// so extraction leaves it out.
import * as chrono from 'chrono-node';
import type { ArticleDate } from './claim.js';
import { maskMarkup } from './mask-markup.js';
import { InvalidOptionError } from '../model/errors.js';

/** Lines at the top that may carry the date (front matter, headline, byline, dateline). */
const HEAD_LINES = 12;
const HEAD_CHARS = 3000;

const LABELLED = /^[\s>*_#-]*(?:published|updated|posted|date|dated|last updated|first published)\b[*_]*\s*(?:on\s*)?[:\-–—]?\s*/i;
const BYLINE = /^[\s>*_#-]*by\s+\S/i;
/** "SEATTLE, " or "MOUNTAIN VIEW, Calif., " or "Hangzhou, China, ": a place (upper or title case), then an optional region; the date and a dash must follow. */
const DATELINE_PLACE = /^[\s>*_]*[A-Z][A-Za-z .'-]{1,40},\s*(?:[A-Z][A-Za-z.' ]{1,24},\s*)?/;
/** "SAN FRANCISCO (September 10, 2026) —": the place, then the date in brackets (some outlets' house style). */
const DATELINE_PAREN_PLACE = /^[\s>*_]*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,24})?\s*\(\s*/;
/** What ends a dateline after its date: an agency in brackets, a wire tag, or a dash. */
const DATELINE_END = /^\s*(?:\([^)\n]{1,40}\)\s*)?(?:\/[^/\n]{1,40}\/\s*)?(?:—|–|--|-|:)/;

/**
 * Places whose writers put the day first ("London · 05/08/2026" is 5 August): an all-numeric date in an
 * article that names one is read day-first; elsewhere month-first, chrono's (US) reading.
 */
const DAY_FIRST_PLACE = /\b(?:London|UK|U\.K\.|United\s+Kingdom|Britain|England|Scotland|Edinburgh|Manchester|Dublin|Ireland|Paris|Berlin|Frankfurt|Munich|Amsterdam|Brussels|Madrid|Milan|Rome|Zurich|Geneva|Stockholm|Oslo|Copenhagen|Helsinki|Vienna|Hong\s+Kong|Singapore|Sydney|Melbourne|Auckland|Wellington|Mumbai|Bengaluru|Bangalore|New\s+Delhi|Delhi|Dubai|Johannesburg|Cape\s+Town|Kuala\s+Lumpur|Jakarta|Bangkok|Manila)\b/;
/** A date written in digits only, day and month in an order the digits do not tell: 05/08/2026. */
const ALL_NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})$/;

/** chrono reads 05/08/2026 month-first; where the article is day-first, the day and month swap. */
function inOrder(text: string, date: string, dayFirst: boolean): string {
  const m = ALL_NUMERIC.exec(text.trim());
  if (!dayFirst || !m) return date;
  const swapped = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return validIso(swapped) ? swapped : date;
}

/** YYYY-MM-DD from a year, month and day. */
function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A date written the Chinese and Japanese way, 2026年9月2日, which chrono's English parser does not read. */
const CJK_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The first date chrono reads in `text`, with its offsets in `text`; null if none. */
function dateIn(text: string, dayFirst = false): { date: string; index: number; length: number; yearCertain: boolean } | null {
  const [r] = chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  const cjk = CJK_DATE.exec(text);
  if (cjk && (!r || cjk.index < r.index)) return { date: isoOf(Number(cjk[1]), Number(cjk[2]), Number(cjk[3])), index: cjk.index, length: cjk[0].length, yearCertain: true };
  if (!r || !r.start.isCertain('day') || !r.start.isCertain('month')) return null;
  const y = r.start.get('year');
  const m = r.start.get('month');
  const d = r.start.get('day');
  if (y === null || m === null || d === null) return null;
  return { date: inOrder(r.text, isoOf(y, m, d), dayFirst), index: r.index, length: r.text.length, yearCertain: r.start.isCertain('year') };
}

/** The year an undated dateline ("July 31 (Reuters)") most likely means: the year the text names most. */
function likelyYear(text: string, fallback: string | undefined): number | null {
  if (fallback) return Number(fallback.slice(0, 4));
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

/**
 * The article's own date, or null when it states none.
 * @param fallbackDate the caller's date (YYYY-MM-DD), used for the year of a dateline that gives none
 */
export function findArticleDate(text: string, fallbackDate?: string): ArticleDate | null {
  // Emphasis and links are masked (same offsets), so "_February 2, 2026_" reads as a date.
  const raw = text.slice(0, HEAD_CHARS);
  const head = maskMarkup(raw);
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw);
  if (front) {
    const m = /^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(front[1]!);
    if (m && validIso(m[1]!)) {
      const start = front[0].indexOf(m[1]!);
      return { date: m[1]!, from: 'article', words: m[0].trim(), start, end: start + m[1]!.length };
    }
  }
  let offset = 0;
  const lines = head.split('\n').slice(0, HEAD_LINES);
  const dayFirst = DAY_FIRST_PLACE.test(lines.join('\n'));
  for (const line of lines) {
    const found = lineDate(line, dayFirst);
    if (found) {
      let date = found.date;
      let words = line.slice(found.wordsStart, found.end).trim();
      if (!found.yearCertain) {
        const year = likelyYear(text, fallbackDate);
        if (year === null) {
          offset += line.length + 1;
          continue;
        }
        date = `${year}${date.slice(4)}`;
        words = `${words} (year ${fallbackDate ? 'from the date given' : 'inferred from the years the article names'})`;
      }
      if (validIso(date)) return { date, from: 'article', words, start: offset + found.start, end: offset + found.end };
    }
    offset += line.length + 1;
  }
  return metadataLineDate(lines, dayFirst);
}

/** Longer than this, a line is the article's body, and the head (where its own date stands) has ended. */
const BODY_LINE = 240;
const METADATA_LINE = 160;
/** A figure the line states (money, a percentage): a line with one is a headline or prose, not metadata. */
const FIGURE = /[$¥€£]\s?\d|\d\s?(?:%|percent\b|per\s+cent\b|bn\b|billion\b|million\b|trillion\b)|\bRMB\s?\d|\bUS\$/i;
/** Numeric dates chrono leaves alone: 2026.09.02, 2026/09/02. */
const NUMERIC_DATE = /(?<![\d.])(20\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d.])/;
/** Words that make the date after them the text's own (German "erschienen am", "Stand:" included, for translations). */
const DATE_LABEL = /\b(?:published|posted|updated|dated|held|recorded|captured|archived|retrieved|accessed|broadcast|aired|filed|as\s+(?:of|at)|erschienen|veröffentlicht|stand)\s*(?:on\s*|am\s*)?:?\s*$/i;
/** "Posted 2 days ago", "posted 3 weeks ago": counted back from the date the page was captured. */
const POSTED_AGO = /\b(?:posted|published)\s+(\d{1,2})\s+(days?|weeks?)\s+ago\b/i;
/** chrono's parsers for the languages translated articles keep their dates in ("12. Oktober 2026"). */
const OTHER_LOCALES = [chrono.de, chrono.fr, chrono.es, chrono.it, chrono.nl];

/**
 * The date of a masthead, byline or note line above the body that no labelled, byline or dateline
 * form matched: "Northgate Securities | 24 August 2026", "@handle · Jul 31, 2026", "Recorded May 5,
 * 2026.", "Originally published January 29, 2026. Updated February 10, 2026." (the latest date on
 * the line: what the text was last stated as of), "2026.09.02 | Posted by …". Only short lines that
 * state no figure, before the first body-length line, and only complete dates (day, month, year).
 */
function metadataLineDate(lines: string[], dayFirst: boolean): ArticleDate | null {
  let offset = 0;
  for (const line of lines) {
    if (line.length > BODY_LINE) return null;
    // ("Original published 2026年9月2日. Units: 億 = 100 million." states a figure, but its date is labelled where it stands.)
    // ("*Call held October 28, 2026. Voltaris is …*", "As of September 30, 2026": a date its words label may stand on a longer note.)
    const labelled = (d: { index: number }) => DATE_LABEL.test(line.slice(0, d.index));
    const all = completeDates(line, dayFirst);
    const plain = line.length <= METADATA_LINE && !FIGURE.test(line);
    if (plain || all.some(labelled)) {
      const dates = plain ? all : all.filter(labelled);
      if (dates.length) {
        const latest = dates.reduce((a, b) => (b.date > a.date ? b : a));
        // "captured 14 November 2026. Header on the thread: "Posted 2 days ago"": the post is that many days before.
        const ago = POSTED_AGO.exec(line.slice(latest.index + latest.length));
        if (ago) {
          const back = new Date(`${latest.date}T00:00:00Z`);
          back.setUTCDate(back.getUTCDate() - Number(ago[1]) * (/^w/i.test(ago[2]!) ? 7 : 1));
          return { date: iso(back), from: 'article', words: `${ago[0].trim()} (from ${line.slice(latest.index, latest.index + latest.length).trim()})`, start: offset + latest.index, end: offset + latest.index + latest.length + ago.index + ago[0].length };
        }
        const first = Math.min(...dates.map((d) => d.index));
        const last = Math.max(...dates.map((d) => d.index + d.length));
        return { date: latest.date, from: 'article', words: line.slice(latest.index, latest.index + latest.length).trim(), start: offset + first, end: offset + last };
      }
    }
    offset += line.length + 1;
  }
  return null;
}

/** Every complete date on a line (day, month and year stated), in the line's offsets. */
function completeDates(line: string, dayFirst: boolean): { date: string; index: number; length: number }[] {
  const found: { date: string; index: number; length: number }[] = [];
  for (const r of chrono.strict.parse(line, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
    if (!r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) continue;
    const date = inOrder(r.text, isoOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!), dayFirst);
    if (validIso(date)) found.push({ date, index: r.index, length: r.text.length });
  }
  if (found.length === 0) {
    for (const locale of OTHER_LOCALES) {
      for (const r of locale.strict.parse(line, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
        if (!r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) continue;
        const date = isoOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
        // (A leading preposition is part of chrono's match: "am 12. Oktober 2026".)
        const lead = /^(?:am|le|el|il|op|den)\s+/i.exec(r.text)?.[0].length ?? 0;
        if (validIso(date)) found.push({ date, index: r.index + lead, length: r.text.length - lead });
      }
      if (found.length) break;
    }
  }
  const cjk = CJK_DATE.exec(line);
  if (cjk) {
    const date = isoOf(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
    if (validIso(date)) found.push({ date, index: cjk.index, length: cjk[0].length });
  }
  const numeric = NUMERIC_DATE.exec(line);
  if (numeric && !found.some((f) => f.index <= numeric.index && numeric.index < f.index + f.length)) {
    const date = isoOf(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
    if (validIso(date)) found.push({ date, index: numeric.index, length: numeric[0].length });
  }
  return found;
}

/** A date on one line of the article's head: labelled, in a byline, or in a dateline. */
function lineDate(line: string, dayFirst: boolean): { date: string; start: number; end: number; wordsStart: number; yearCertain: boolean } | null {
  const labelled = LABELLED.exec(line);
  if (labelled) {
    const rest = line.slice(labelled[0].length);
    const d = dateIn(rest, dayFirst);
    if (d && d.index <= 3) return { date: d.date, start: labelled[0].length + d.index, end: labelled[0].length + d.index + d.length, wordsStart: 0, yearCertain: d.yearCertain };
  }
  if (BYLINE.test(line) && line.length < 200) {
    const d = dateIn(line, dayFirst);
    if (d) return { date: d.date, start: d.index, end: d.index + d.length, wordsStart: 0, yearCertain: d.yearCertain };
  }
  const place = DATELINE_PLACE.exec(line);
  if (place) {
    const rest = line.slice(place[0].length);
    const d = dateIn(rest.slice(0, 40), dayFirst);
    if (d && d.index === 0 && DATELINE_END.test(rest.slice(d.length))) {
      const tail = DATELINE_END.exec(rest.slice(d.length))!;
      return { date: d.date, start: place[0].length, end: place[0].length + d.length + tail[0].length, wordsStart: 0, yearCertain: d.yearCertain };
    }
  }
  const paren = DATELINE_PAREN_PLACE.exec(line);
  if (paren) {
    const rest = line.slice(paren[0].length);
    const d = dateIn(rest.slice(0, 40), dayFirst);
    const tail = d && d.index === 0 ? /^\s*\)\s*(?:—|–|--|-|:)/.exec(rest.slice(d.length)) : null;
    if (d && tail) return { date: d.date, start: paren[0].length, end: paren[0].length + d.length + tail[0].length, wordsStart: 0, yearCertain: d.yearCertain };
  }
  return null;
}

function validIso(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates a --date option (YYYY-MM-DD). */
export function parseDateOption(value: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !validIso(v)) throw new InvalidOptionError('date', value, ['a date such as 2025-02-25'], 'expected YYYY-MM-DD');
  return v;
}

/** `date` moved by `days` (ISO). */
export function plusDays(date: string, days: number): string {
  return iso(new Date(Date.parse(date + 'T00:00:00Z') + days * 86400000));
}
