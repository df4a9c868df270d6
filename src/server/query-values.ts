// Reading values out of a parsed query string, where a parameter may come once, repeated, or as
// a comma-separated list.
import type { RawQuery } from './series-query.js';

/** Every value of a parameter, given as a comma-separated list or repeated. */
export function listParam(q: RawQuery, name: string): string[] {
  const v = q[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(/,/)).map((x) => x.trim()).filter(Boolean);
}

/** The last value of a parameter, trimmed; undefined when absent or empty. */
export function lastParam(q: RawQuery, name: string): string | undefined {
  const v = q[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return s === undefined || s === null || String(s).trim() === '' ? undefined : String(s).trim();
}

/** A flag: present and not false/0/off. */
export function flagParam(q: RawQuery, name: string): boolean {
  const v = q[name];
  if (v === undefined) return false;
  return !['false', '0', 'off'].includes((lastParam(q, name) ?? 'true').toLowerCase());
}
