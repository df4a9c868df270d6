// The one way airace talks to SEC: a declared User-Agent, gzip, the shared rate limit,
// conditional requests, and retries with backoff for the failures that pass (429, 5xx,
// timeouts, resets, truncated or undecodable bodies). Each attempt is one boundedGet
// (../http/bounded-get.ts): a deadline, a size limit as sent and inflated, redirects only within
// the configured hosts. Bodies come back as bytes, checked for content type; parsing them is
// the caller's business.
import type { SecConfig } from './sec-config.js';
import { SecError } from './sec-error.js';
import { RateLimiter, sharedRateLimiter } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';
import type { Validators } from '../../store/sync-state-repository.js';
import { boundedGet, type BoundedResponse } from '../http/bounded-get.js';
import { HttpFailure } from '../http/http-failure.js';

export type SecResponse =
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
}

export interface SecClientDeps {
  limiter?: RateLimiter;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

export class SecClient {
  private readonly limiter: RateLimiter;
  private readonly sleepFn: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    readonly config: SecConfig,
    deps: SecClientDeps = {},
  ) {
    this.limiter = deps.limiter ?? sharedRateLimiter(config.maxRequestsPerSecond);
    this.sleepFn = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** GET with retries. Throws SecError; its `attempts` says how many were made. */
  async get(url: string, opts: GetOptions = {}): Promise<SecResponse> {
    const maxAttempts = this.config.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      if (opts.signal?.aborted) throw interrupted(url);
      await this.limiter.acquire();
      try {
        return await this.once(url, opts);
      } catch (e) {
        const err = e instanceof SecError ? e : new SecError('network', `request to ${url} failed: ${(e as Error).message}`, url);
        err.attempts = attempt;
        if (!err.retryable || attempt >= maxAttempts) {
          if (attempt > 1) err.message += ` (gave up after ${attempt} attempts)`;
          throw err;
        }
        if (err.retryAfterMs !== null && err.retryAfterMs > this.config.maxRetryAfterMs) {
          const wait = new SecError('rate-limited', `${err.message}; Retry-After asks for ${Math.round(err.retryAfterMs / 1000)} s, more than airace waits (AIRACE_SEC_MAX_RETRY_AFTER_MS)`, url, err.status, err.retryAfterMs);
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

  /** One attempt: headers and body within `timeoutMs`, bounded in size, redirects only within SEC's configured hosts. */
  private async once(url: string, opts: GetOptions): Promise<SecResponse> {
    const headers: Record<string, string> = {
      'User-Agent': this.config.userAgent,
      'Accept-Encoding': 'gzip, deflate',
      Accept: 'application/json',
    };
    const v = opts.validators;
    if (v?.etag) headers['If-None-Match'] = v.etag;
    if (v?.lastModified) headers['If-Modified-Since'] = v.lastModified;

    let res: BoundedResponse;
    try {
      res = await boundedGet(url, {
        headers,
        timeoutMs: this.config.timeoutMs,
        maxBodyBytes: this.config.maxBodyBytes,
        maxWireBytes: this.config.maxDownloadBytes,
        allowedOrigins: this.allowedOrigins,
        signal: opts.signal,
      });
    } catch (e) {
      if (e instanceof HttpFailure) throw new SecError(e.kind, e.message, url);
      throw e;
    }
    if (res.status === 304 && v) return { kind: 'not-modified', url };
    if (res.status !== 200) throw statusError(url, res, this.now());
    const type = res.header('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      const head = res.body.toString('utf8', 0, Math.min(res.body.length, 200)).replace(/\s+/g, ' ').trim().slice(0, 60);
      throw new SecError('content-type', `expected JSON from ${url} but got ${type || 'no content type'}${head ? ` starting "${head}"` : ''}`, url, 200);
    }
    const etag = res.header('etag');
    const lastModified = res.header('last-modified');
    return { kind: 'ok', url, body: res.body, validators: etag || lastModified ? { etag, lastModified } : null };
  }

  /** The hosts airace was configured to read from: the only places a redirect may lead. */
  private get allowedOrigins(): string[] {
    return [...new Set([this.config.wwwUrl, this.config.dataUrl].map((u) => new URL(u).origin))];
  }
}

function interrupted(url: string): SecError {
  return new SecError('interrupted', `interrupted while fetching ${url}`, url);
}

function statusError(url: string, res: BoundedResponse, now: number): SecError {
  const s = res.status;
  const retryAfter = parseRetryAfter(res.header('retry-after'), now);
  if (s === 404) return new SecError('not-found', `not found (404): ${url}. Is the CIK right? SEC has no such company file.`, url, s);
  if (s === 403) {
    return new SecError('forbidden', `SEC refused the request (403): ${url}. SEC blocks requests without a descriptive User-Agent (check AIRACE_SEC_USER_AGENT) and clients over 10 requests/second.`, url, s);
  }
  if (s === 429) return new SecError('rate-limited', `rate limited (429 Too Many Requests): ${url}`, url, s, retryAfter);
  if (s >= 500) return new SecError('server', `server error (${s}${res.statusText ? ' ' + res.statusText : ''}): ${url}`, url, s, retryAfter);
  if (s === 408) return new SecError('timeout', `request timeout (408): ${url}`, url, s, retryAfter);
  return new SecError('http', `unexpected HTTP ${s}${res.statusText ? ' ' + res.statusText : ''} from ${url}`, url, s);
}
