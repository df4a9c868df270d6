import { UnknownChoiceError } from './errors.js';

/** Normalises a keyword option (lower-case) and rejects anything outside `allowed` (Plot's keyword()). */
export function keyword<T extends string>(input: string, name: string, allowed: readonly T[]): T {
  const v = String(input).trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new UnknownChoiceError(name, input, allowed);
  return v as T;
}
