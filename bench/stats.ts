// Small numeric helpers shared by the benchmark sections.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The run whose `key` is the median (odd counts) or the lower middle one, so its other fields stay consistent. */
export function medianRun<T>(runs: readonly T[], key: (r: T) => number): T {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const s = [...runs].sort((a, b) => key(a) - key(b));
  return s[Math.floor((s.length - 1) / 2)]!;
}

export function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Times `fn` once, in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: msSince(t0), value };
}

export const MB = 1024 * 1024;

/** 12345.6 → "12,346"; small numbers keep `digits` decimals. */
export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 0) : abs >= 10 ? Math.min(digits, 1) : digits;
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** 0.364 → "36%"; under 1% keeps one significant digit (0.0004 → "0.04%") so that it does not read as zero. */
export function pct(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const p = ratio * 100;
  return p > 0 && p < 1 ? `${p.toPrecision(1)}%` : `${Math.round(p)}%`;
}

export function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Medians of several timed functions, sampled in turn (a, b, c, a, b, c, …) after `warmup`
 * rounds, so that a busy moment on a shared machine falls on all of them alike.
 */
export async function interleavedMedians<const F extends readonly (() => Promise<unknown>)[]>(
  n: number,
  warmup: number,
  fns: F,
): Promise<{ -readonly [K in keyof F]: number }> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = process.hrtime.bigint();
      await fn();
      times[k]!.push(msSince(t0));
    }
  }
  // One median per function, in order: the mapped tuple type says so to the caller.
  return times.map(median) as { -readonly [K in keyof F]: number };
}
