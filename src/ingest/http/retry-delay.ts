// How long to wait before retrying a request: the server's Retry-After when it sends one,
// otherwise exponential backoff with jitter (so parallel clients don't retry in lockstep).

/** Retry-After in ms: delta-seconds ("120") or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const at = Date.parse(s);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Backoff for retry number `attempt` (1-based): base·2^(attempt−1), capped, with "equal jitter". */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
