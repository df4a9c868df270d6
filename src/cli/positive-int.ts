import { InvalidOptionError } from '../model/errors.js';

/** A count option (--concurrency, --top): a whole number of at least one. */
export function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidOptionError(name, v, ['a positive whole number']);
  return n;
}
