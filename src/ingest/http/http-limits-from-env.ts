// The HTTP limits every source reads from its environment variables (SEC EDGAR, the price source,
// Epoch AI), one home for the names: <PREFIX>_TIMEOUT_MS, _RETRIES, _BACKOFF_MS, _BACKOFF_MAX_MS,
// _MAX_RETRY_AFTER_MS, _MAX_DOWNLOAD_MB, _MAX_BODY_MB and, where the source lets users set it,
// _MAX_RPS. The names and each source's defaults are documented contracts (docs/sync.md,
// prices.md, models.md); an invalid value is an error naming the variable.
import type { HttpClientConfig } from './http-client.js';
import { numberFromEnv } from '../../config/env-number.js';

const MB = 1024 * 1024;

export interface HttpLimitDefaults {
  /** Requests per second; `rpsFromEnv` says whether <PREFIX>_MAX_RPS may change it. */
  maxRequestsPerSecond: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  backoffMaxMs: number;
  maxRetryAfterMs: number;
  maxDownloadMb: number;
  maxBodyMb: number;
}

export interface HttpLimitOptions {
  /** Read <PREFIX>_MAX_RPS (default true); 0 there means the default. */
  rpsFromEnv?: boolean;
  /** A source's published ceiling (SEC: 10/s), which no setting exceeds. */
  rpsCeiling?: number;
}

export type HttpLimits = Omit<HttpClientConfig, 'userAgent' | 'redirectOrigins'>;

/** The limits of the source whose variables start with `prefix` (`AIRACE_SEC`). */
export function httpLimitsFromEnv(env: NodeJS.ProcessEnv, prefix: string, defaults: HttpLimitDefaults, options: HttpLimitOptions = {}): HttpLimits {
  const read = (suffix: string, fallback: number) => numberFromEnv(env, `${prefix}_${suffix}`, fallback);
  const rps = options.rpsFromEnv === false ? defaults.maxRequestsPerSecond : read('MAX_RPS', defaults.maxRequestsPerSecond) || defaults.maxRequestsPerSecond;
  return {
    maxRequestsPerSecond: Math.min(options.rpsCeiling ?? Infinity, rps),
    timeoutMs: read('TIMEOUT_MS', defaults.timeoutMs),
    maxRetries: read('RETRIES', defaults.retries),
    backoffBaseMs: read('BACKOFF_MS', defaults.backoffMs),
    backoffMaxMs: read('BACKOFF_MAX_MS', defaults.backoffMaxMs),
    maxRetryAfterMs: read('MAX_RETRY_AFTER_MS', defaults.maxRetryAfterMs),
    maxDownloadBytes: read('MAX_DOWNLOAD_MB', defaults.maxDownloadMb) * MB,
    maxBodyBytes: read('MAX_BODY_MB', defaults.maxBodyMb) * MB,
  };
}
