// The article and its date from a check request, however it was sent: JSON `{text, date?}`,
// a plain-text body (date in the query string), or the /check page's form. Articles are
// untrusted input: they are only read, never stored, and every page escapes them.
import { parseDateOption } from '../check/article-date.js';
import { ApiError } from './api-error.js';
import { allowedFor } from './query-parameters.js';
import type { RawQuery } from './series-query.js';

export interface CheckInput {
  text: string;
  /** YYYY-MM-DD, for articles that state no date. */
  date?: string;
}

function field(source: unknown, name: string): unknown {
  return typeof source === 'object' && source !== null && !Array.isArray(source) ? (source as Record<string, unknown>)[name] : undefined;
}

export function checkInput(body: unknown, query: RawQuery = {}): CheckInput {
  const text = typeof body === 'string' ? body : field(body, 'text');
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ApiError(400, 'invalid text: paste the article to check (plain text or markdown)', 'text', allowedFor('text'));
  }
  const rawDate = field(body, 'date') ?? query.date;
  const given = typeof rawDate === 'string' ? rawDate.trim() : rawDate === undefined || rawDate === null ? '' : String(rawDate);
  if (given === '') return { text };
  try {
    return { text, date: parseDateOption(given) };
  } catch (e) {
    throw new ApiError(400, (e as Error).message, 'date', allowedFor('date'));
  }
}
