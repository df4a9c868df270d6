// The one way airace talks to SEC: a declared User-Agent, gzip, the shared rate limit,
// conditional requests, timeouts, and retries with backoff for the failures that pass
// (429, 5xx, timeouts, resets, truncated bodies). Bodies come back as bytes, checked for
// content type and length; parsing them is the caller's business.
import type { SecConfig } from './sec-config.js';
import { SecError } from './sec-error.js';
import { RateLimiter, sharedRateLimiter } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';
import type { Validators } from '../../store/sync-state-repository.js';

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
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

export class SecClient {
  private readonly limiter: RateLimiter;
  private readonly fetchFn: typeof fetch;
  private readonly sleepFn: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    readonly config: SecConfig,
    deps: SecClientDeps = {},
  ) {
    this.limiter = deps.limiter ?? sharedRateLimiter(config.maxRequestsPerSecond);
    this.fetchFn = deps.fetch ?? fetch;
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

  /** One attempt: headers and body within `timeoutMs`. */
  private async once(url: string, opts: GetOptions): Promise<SecResponse> {
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, this.config.timeoutMs);
    const forward = () => ac.abort();
    opts.signal?.addEventListener('abort', forward, { once: true });
    // An abort is ours (timeout) or the user's (Ctrl-C); anything else is the network's doing.
    const why = (during: string): SecError | null => {
      if (timedOut) return new SecError('timeout', `no complete response from ${url} within ${this.config.timeoutMs / 1000} s (${during})`, url);
      if (opts.signal?.aborted) return interrupted(url);
      return null;
    };
    try {
      const headers: Record<string, string> = {
        'User-Agent': this.config.userAgent,
        'Accept-Encoding': 'gzip, deflate',
        Accept: 'application/json',
      };
      const v = opts.validators;
      if (v?.etag) headers['If-None-Match'] = v.etag;
      if (v?.lastModified) headers['If-Modified-Since'] = v.lastModified;

      let res: Response;
      try {
        res = await this.fetchFn(url, { headers, signal: ac.signal, redirect: 'follow' });
      } catch (e) {
        throw why('waiting for headers') ?? new SecError('network', `cannot reach ${url}: ${networkReason(e)}`, url);
      }

      if (res.status === 304 && v) {
        await discard(res);
        return { kind: 'not-modified', url };
      }
      if (res.status !== 200) {
        await discard(res);
        throw statusError(url, res, this.now());
      }
      const type = res.headers.get('content-type') ?? '';
      if (!JSON_TYPE.test(type)) {
        const head = await peek(res);
        throw new SecError('content-type', `expected JSON from ${url} but got ${type || 'no content type'}${head ? ` starting "${head}"` : ''}`, url, 200);
      }

      const chunks: Buffer[] = [];
      let received = 0;
      const declared = res.headers.get('content-length');
      const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
      try {
        if (res.body) {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            received += chunk.byteLength;
          }
        }
      } catch (e) {
        throw (
          why(`after ${received} bytes of the body`) ??
          new SecError('truncated', `truncated response from ${url}: the connection closed after ${received} bytes${declared && !encoded ? ` of ${declared}` : ''} (${networkReason(e)})`, url, 200)
        );
      }
      // Content-Length counts the bytes on the wire; after decompression only a clean stream end is checkable.
      if (declared !== null && !encoded && Number(declared) !== received) {
        throw new SecError('truncated', `truncated response from ${url}: got ${received} bytes, Content-Length says ${declared}`, url, 200);
      }
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      return { kind: 'ok', url, body: Buffer.concat(chunks, received), validators: etag || lastModified ? { etag, lastModified } : null };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', forward);
    }
  }
}

function interrupted(url: string): SecError {
  return new SecError('interrupted', `interrupted while fetching ${url}`, url);
}

function statusError(url: string, res: Response, now: number): SecError {
  const s = res.status;
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now);
  if (s === 404) return new SecError('not-found', `not found (404): ${url}. Is the CIK right? SEC has no such company file.`, url, s);
  if (s === 403) {
    return new SecError('forbidden', `SEC refused the request (403): ${url}. SEC blocks requests without a descriptive User-Agent (check AIRACE_SEC_USER_AGENT) and clients over 10 requests/second.`, url, s);
  }
  if (s === 429) return new SecError('rate-limited', `rate limited (429 Too Many Requests): ${url}`, url, s, retryAfter);
  if (s >= 500) return new SecError('server', `server error (${s}${res.statusText ? ' ' + res.statusText : ''}): ${url}`, url, s, retryAfter);
  if (s === 408) return new SecError('timeout', `request timeout (408): ${url}`, url, s, retryAfter);
  return new SecError('http', `unexpected HTTP ${s}${res.statusText ? ' ' + res.statusText : ''} from ${url}`, url, s);
}

function networkReason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause;
  return cause?.code ? `${cause.code}${cause.message ? ': ' + cause.message : ''}` : (cause?.message ?? err.message);
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    /* the connection is going away anyway */
  }
}

/** The first few characters of a non-JSON body, for the error message (an HTML error page says a lot). */
async function peek(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  try {
    const { value } = await reader.read();
    return value ? Buffer.from(value).toString('utf8', 0, Math.min(value.byteLength, 200)).replace(/\s+/g, ' ').trim().slice(0, 60) : '';
  } catch {
    return '';
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
