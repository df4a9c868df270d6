import { InvalidOptionError } from '../model/errors.js';

/** A non-negative number from an environment variable, the fallback when it is unset or empty. */
export function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new InvalidOptionError(name, raw, ['a non-negative number']);
  return n;
}
