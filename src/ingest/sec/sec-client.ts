// The HTTP client as SEC EDGAR needs it (see ../http/http-client.ts): JSON only, SEC's own
// meaning of 403 and 404, and one rate limit for every SEC request in the process.
import { HttpClient, type HttpClientDeps, type HttpProfile } from '../http/http-client.js';
import type { SecConfig } from './sec-config.js';

export type { GetOptions, RetryInfo } from '../http/http-client.js';
export type SecClientDeps = HttpClientDeps;

const SEC_PROFILE: HttpProfile = {
  source: 'sec',
  accept: 'application/json',
  contentType: { pattern: /^application\/([\w.+-]+\+)?json\b/i, name: 'JSON' },
  maxRetryAfterSetting: 'AIRACE_SEC_MAX_RETRY_AFTER_MS',
  statusMessage(status, url) {
    if (status === 404) return `not found (404): ${url}. Is the CIK right? SEC has no such company file.`;
    if (status === 403) return `SEC refused the request (403): ${url}. SEC blocks requests without a descriptive User-Agent (check AIRACE_SEC_USER_AGENT) and clients over 10 requests/second.`;
    return null;
  },
};

export class SecClient extends HttpClient {
  constructor(
    override readonly config: SecConfig,
    deps: SecClientDeps = {},
  ) {
    super(config, SEC_PROFILE, deps);
  }
}
