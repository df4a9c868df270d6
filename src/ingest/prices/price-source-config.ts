// How airace talks to the daily-price source, read once from the environment. The default is
// Stooq's keyless daily CSV download (https://stooq.com/q/d/l/?s=baba.us&i=d); AIRACE_PRICES_URL
// points elsewhere (a mirror, a test server, or the same URL with extra parameters such as a key,
// which are kept).
import type { HttpClientConfig } from '../http/http-client.js';
import { httpLimitsFromEnv } from '../http/http-limits-from-env.js';
import { InvalidOptionError } from '../../model/errors.js';

export const DEFAULT_PRICES_URL = 'https://stooq.com/q/d/l/';

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
    // No published limit; a daily quota exists, so stay gentle (2/s). A listing's whole daily
    // history is well under a megabyte; anything near the size bounds is not prices.
    ...httpLimitsFromEnv(env, 'AIRACE_PRICES', {
      maxRequestsPerSecond: 2,
      timeoutMs: 30_000,
      retries: 4,
      backoffMs: 1_000,
      backoffMaxMs: 30_000,
      maxRetryAfterMs: 5 * 60_000,
      maxDownloadMb: 16,
      maxBodyMb: 32,
    }),
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
