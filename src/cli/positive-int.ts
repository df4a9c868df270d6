import { InvalidOptionError } from '../model/errors.js';

/** A count option (--concurrency, --top): a whole number of at least one. */
export function positiveInt(name: string, v: string): number {
  return wholeNumberAtLeast(name, v, 1);
}

/** A count option where 0 means "none" (--threads 0: no worker threads). */
export function nonNegativeInt(name: string, v: string): number {
  return wholeNumberAtLeast(name, v, 0);
}

function wholeNumberAtLeast(name: string, v: string, min: 0 | 1): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min) throw new InvalidOptionError(name, v, [min ? 'a positive whole number' : 'a whole number (0 or more)']);
  return n;
}
