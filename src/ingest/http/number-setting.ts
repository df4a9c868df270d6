/** A non-negative number from an environment variable (AIRACE_SEC_TIMEOUT_MS, AIRACE_EPOCH_RETRIES…); `fallback` when unset. */
export function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`invalid ${name}: ${raw} (expected a non-negative number)`);
  return n;
}
