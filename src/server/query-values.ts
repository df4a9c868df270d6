// Reading values out of a parsed query string, where a parameter may come once, repeated, or as
// a comma-separated list.
import type { RawQuery } from './series-query.js';
import { parseFlag, parseList } from '../model/list-input.js';

/** Every value of a parameter, given as a comma-separated list or repeated. */
export function listParam(q: RawQuery, name: string): string[] {
  // The one list reader (commas only: a listing id never holds a space).
  return parseList(q[name], { spaces: false });
}

/** The last value of a parameter, trimmed; undefined when absent or empty. */
export function lastParam(q: RawQuery, name: string): string | undefined {
  const v = q[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return s === undefined || s === null || String(s).trim() === '' ? undefined : String(s).trim();
}

/** A flag: present and not false/0/off. */
export function flagParam(q: RawQuery, name: string): boolean {
  // The one flag reader; an unreadable value is not a flag set.
  try {
    return parseFlag(name, q[name]) ?? false;
  } catch {
    return false;
  }
}
