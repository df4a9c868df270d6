// The SEC client: the shared HTTP client (../http/http-client.ts) with SEC's profile: JSON only,
// SEC's own rate limit, and refusals explained in SEC's terms (a 403 usually means a missing
// User-Agent). Errors are SecErrors.
import type { SecConfig } from './sec-config.js';
import { SecError } from './sec-error.js';
import { HttpClient, type GetOptions, type HttpClientDeps, type HttpResponse, type HttpSource, type RetryInfo } from '../http/http-client.js';

export type SecResponse = HttpResponse;
export type SecClientDeps = HttpClientDeps;
export type { GetOptions, RetryInfo };

export const SEC_SOURCE: HttpSource = {
  name: 'SEC',
  accept: 'application/json',
  contentType: /^application\/([\w.+-]+\+)?json\b/i,
  expected: 'JSON',
  retryAfterSetting: 'AIRACE_SEC_MAX_RETRY_AFTER_MS',
  notFoundHint: 'Is the CIK right? SEC has no such company file.',
  forbiddenHint: 'SEC blocks requests without a descriptive User-Agent (check AIRACE_SEC_USER_AGENT) and clients over 10 requests/second.',
  error: (kind, message, url, status, retryAfterMs) => new SecError(kind, message, url, status ?? null, retryAfterMs ?? null),
};

export class SecClient extends HttpClient {
  declare readonly config: SecConfig;

  constructor(config: SecConfig, deps: SecClientDeps = {}) {
    super(config, SEC_SOURCE, deps);
  }
}
