// How airace talks to the daily-price source, read once from the environment. The default is
// Stooq's keyless daily CSV download (https://stooq.com/q/d/l/?s=baba.us&i=d); AIRACE_PRICES_URL
// points elsewhere (a mirror, a test server, or the same URL with extra parameters such as a key,
// which are kept).
import type { HttpClientConfig } from '../http/http-client.js';
import { numberFromEnv } from '../../config/env-number.js';
import { InvalidOptionError } from '../../model/errors.js';

export const DEFAULT_PRICES_URL = 'https://stooq.com/q/d/l/';

const MB = 1024 * 1024;

export interface PriceSourceConfig extends HttpClientConfig {
  /** The download endpoint; `s` (symbol), `i=d` (daily) and `d1` (first date) are added to its query. */
  baseUrl: string;
}

export function priceSourceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PriceSourceConfig {
  const baseUrl = env.AIRACE_PRICES_URL?.trim() || DEFAULT_PRICES_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new InvalidOptionError('AIRACE_PRICES_URL', baseUrl, [`an http(s) URL such as ${DEFAULT_PRICES_URL}`]);
  return {
    baseUrl,
    userAgent: env.AIRACE_PRICES_USER_AGENT?.trim() || 'airace (daily price sync)',
    // No published limit; a daily quota exists, so stay gentle.
    maxRequestsPerSecond: numberFromEnv(env, 'AIRACE_PRICES_MAX_RPS', 2) || 2,
    timeoutMs: numberFromEnv(env, 'AIRACE_PRICES_TIMEOUT_MS', 30_000),
    maxRetries: numberFromEnv(env, 'AIRACE_PRICES_RETRIES', 4),
    backoffBaseMs: numberFromEnv(env, 'AIRACE_PRICES_BACKOFF_MS', 1_000),
    backoffMaxMs: numberFromEnv(env, 'AIRACE_PRICES_BACKOFF_MAX_MS', 30_000),
    maxRetryAfterMs: numberFromEnv(env, 'AIRACE_PRICES_MAX_RETRY_AFTER_MS', 5 * 60_000),
    // A listing's whole daily history is well under a megabyte; anything near these is not prices.
    maxDownloadBytes: numberFromEnv(env, 'AIRACE_PRICES_MAX_DOWNLOAD_MB', 16) * MB,
    maxBodyBytes: numberFromEnv(env, 'AIRACE_PRICES_MAX_BODY_MB', 32) * MB,
    redirectOrigins: [new URL(baseUrl).origin],
  };
}

/** The daily-price URL of a symbol: base?s=baba.us&i=d[&d1=YYYYMMDD]. */
export function priceUrl(config: Pick<PriceSourceConfig, 'baseUrl'>, symbol: string, from?: string): string {
  const u = new URL(config.baseUrl);
  u.searchParams.set('s', symbol);
  u.searchParams.set('i', 'd');
  if (from) u.searchParams.set('d1', from.replace(/-/g, ''));
  return u.toString();
}
