// The one way airace talks to a data source over HTTP (SEC EDGAR, Epoch AI, the price source): a declared
// User-Agent, gzip, a shared per-source rate limit, conditional requests, and retries with
// backoff for the failures that pass (429, 5xx, timeouts, resets, truncated or undecodable
// bodies). Each attempt is one boundedGet (bounded-get.ts): a deadline, a maximum size as sent
// and inflated, enforced while streaming, and redirects only within the configured hosts.
// Bodies come back as bytes, checked for content type; parsing them is the caller's business.
// What differs between sources (the content type promised, what a 403 or 404 means there) is
// the source's HttpProfile.
import { HttpError } from './http-error.js';
import { RateLimiter, sharedRateLimiter } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';
import { boundedGet, type BoundedResponse } from './bounded-get.js';
import type { Validators } from '../../store/sync-state-repository.js';

export type HttpResponse =
  | { kind: 'ok'; url: string; body: Buffer; validators: Validators | null }
  | { kind: 'not-modified'; url: string };

export interface RetryInfo {
  url: string;
  /** The attempt that just failed (1-based) and how many airace will make at most. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  reason: string;
}

export interface GetOptions {
  /** Validators from the last fetch: sends If-None-Match / If-Modified-Since; a 304 comes back as not-modified. */
  validators?: Validators | null;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  /** Bytes received so far in this attempt, and the declared total when the server sent one (for a progress bar). */
  onProgress?: (received: number, total: number | null) => void;
}

export interface HttpClientDeps {
  limiter?: RateLimiter;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** How airace talks to any source: who it says it is, how fast, how long it waits, how often it retries. */
export interface HttpClientConfig {
  userAgent: string;
  maxRequestsPerSecond: number;
  /** Per attempt, headers and body together. */
  timeoutMs: number;
  /** Retries after the first attempt (429, 5xx, timeouts, resets, truncated bodies). */
  maxRetries: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Longest Retry-After airace waits; a longer one fails the item instead of hanging the run. */
  maxRetryAfterMs: number;
  /** Largest response accepted as downloaded (compressed), and after decompression. */
  maxDownloadBytes: number;
  maxBodyBytes: number;
  /** Origins a redirect may lead to (the source's configured hosts); by default only the requested URL's own. */
  redirectOrigins?: readonly string[];
}

/** What is particular to one source. */
export interface HttpProfile {
  /** Names the shared rate limiter: every client of a source shares one budget. */
  source: string;
  accept: string;
  /** The content type bodies must have, named for the error; null lets the caller's parser judge the body. */
  contentType: { pattern: RegExp; name: string } | null;
  /** The setting that raises maxRetryAfterMs, named when a Retry-After is too long. */
  maxRetryAfterSetting: string;
  /** A clearer message for a status that means something particular at this source (SEC's 403). */
  statusMessage?: (status: number, url: string) => string | null;
}

export class HttpClient {
  private readonly limiter: RateLimiter;
  private readonly sleepFn: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    readonly config: HttpClientConfig,
    private readonly profile: HttpProfile,
    deps: HttpClientDeps = {},
  ) {
    this.limiter = deps.limiter ?? sharedRateLimiter(profile.source, config.maxRequestsPerSecond);
    this.sleepFn = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** GET with retries. Throws HttpError; its `attempts` says how many were made. */
  async get(url: string, opts: GetOptions = {}): Promise<HttpResponse> {
    const maxAttempts = this.config.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      if (opts.signal?.aborted) throw interrupted(url);
      await this.limiter.acquire();
      try {
        return await this.once(url, opts);
      } catch (e) {
        const err = e instanceof HttpError ? e : new HttpError('network', `request to ${url} failed: ${(e as Error).message}`, url);
        err.attempts = attempt;
        if (!err.retryable || attempt >= maxAttempts) {
          if (attempt > 1) err.message += ` (gave up after ${attempt} attempts)`;
          throw err;
        }
        if (err.retryAfterMs !== null && err.retryAfterMs > this.config.maxRetryAfterMs) {
          const wait = new HttpError('rate-limited', `${err.message}; Retry-After asks for ${Math.round(err.retryAfterMs / 1000)} s, more than airace waits (${this.profile.maxRetryAfterSetting})`, url, err.status, err.retryAfterMs);
          wait.attempts = attempt;
          throw wait;
        }
        const delayMs = err.retryAfterMs ?? backoffDelay(attempt, this.config.backoffBaseMs, this.config.backoffMaxMs, this.random);
        opts.onRetry?.({ url, attempt, maxAttempts, delayMs, reason: err.message });
        await this.pause(delayMs, url, opts.signal);
      }
    }
  }

  private async pause(ms: number, url: string, signal?: AbortSignal): Promise<void> {
    if (!signal) return this.sleepFn(ms);
    if (signal.aborted) throw interrupted(url);
    let onAbort!: () => void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(interrupted(url));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleepFn(ms), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** One attempt through boundedGet: a deadline, size limits as sent and inflated, redirects only to the allowed origins. */
  private async once(url: string, opts: GetOptions): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      'User-Agent': this.config.userAgent,
      'Accept-Encoding': 'gzip, deflate',
      Accept: this.profile.accept,
    };
    const v = opts.validators;
    if (v?.etag) headers['If-None-Match'] = v.etag;
    if (v?.lastModified) headers['If-Modified-Since'] = v.lastModified;

    const res = await boundedGet(url, {
      headers,
      timeoutMs: this.config.timeoutMs,
      maxBodyBytes: this.config.maxBodyBytes,
      maxWireBytes: this.config.maxDownloadBytes,
      // The User-Agent carries a contact email: it goes only where the user pointed airace.
      allowedOrigins: this.config.redirectOrigins ?? [new URL(url).origin],
      signal: opts.signal,
      onProgress: opts.onProgress,
    });
    if (res.status === 304 && v) return { kind: 'not-modified', url };
    if (res.status !== 200) throw statusError(url, res, this.now(), this.profile);
    const type = res.header('content-type') ?? '';
    const expected = this.profile.contentType;
    if (expected && !expected.pattern.test(type)) {
      const head = res.body.toString('utf8', 0, Math.min(res.body.length, 200)).replace(/\s+/g, ' ').trim().slice(0, 60);
      throw new HttpError('content-type', `expected ${expected.name} from ${url} but got ${type || 'no content type'}${head ? ` starting "${head}"` : ''}`, url, 200);
    }
    const etag = res.header('etag');
    const lastModified = res.header('last-modified');
    return { kind: 'ok', url, body: res.body, validators: etag || lastModified ? { etag, lastModified } : null };
  }
}

function interrupted(url: string): HttpError {
  return new HttpError('interrupted', `interrupted while fetching ${url}`, url);
}

function statusError(url: string, res: BoundedResponse, now: number, profile: HttpProfile): HttpError {
  const s = res.status;
  const retryAfter = parseRetryAfter(res.header('retry-after'), now);
  const particular = profile.statusMessage?.(s, url) ?? null;
  if (s === 404) return new HttpError('not-found', particular ?? `not found (404): ${url}`, url, s);
  if (s === 403) return new HttpError('forbidden', particular ?? `the server refused the request (403): ${url}`, url, s);
  if (s === 429) return new HttpError('rate-limited', `rate limited (429 Too Many Requests): ${url}`, url, s, retryAfter);
  if (s >= 500) return new HttpError('server', `server error (${s}${res.statusText ? ' ' + res.statusText : ''}): ${url}`, url, s, retryAfter);
  if (s === 408) return new HttpError('timeout', `request timeout (408): ${url}`, url, s, retryAfter);
  return new HttpError('http', `unexpected HTTP ${s}${res.statusText ? ' ' + res.statusText : ''} from ${url}`, url, s);
}
