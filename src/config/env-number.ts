// The one way a number is read from an environment variable (HTTP limits, worker threads, time
// budgets, bulk ingest's threads): unset or empty gives the default; anything else must be a
// number in range, or it is an error naming the variable, never silently ignored.
import { InvalidOptionError } from '../model/errors.js';

export interface EnvNumberRange {
  /** Zero is refused (a thread count, a time budget). Default: zero is allowed. */
  positive?: boolean;
  /** Fractions are refused (a count). */
  integer?: boolean;
}

/** A number from an environment variable (non-negative, or as `range` says), the fallback when it is unset or empty. */
export function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, range: EnvNumberRange = {}): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  const ok = Number.isFinite(n) && (range.positive ? n > 0 : n >= 0) && (!range.integer || Number.isInteger(n));
  if (!ok) throw new InvalidOptionError(name, raw, [expected(range)]);
  return n;
}

function expected(range: EnvNumberRange): string {
  const sign = range.positive ? 'a positive' : 'a non-negative';
  return `${sign} ${range.integer ? 'whole number' : 'number'}`;
}
