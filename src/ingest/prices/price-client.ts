// The HTTP client as the price source needs it (see ../http/http-client.ts). The source sends
// CSV, plain text ("No data") or, when something is wrong upstream, HTML with a 200, so the
// content type is not trusted: the CSV parser judges the body and names the line.
import { HttpClient, type HttpClientDeps, type HttpProfile } from '../http/http-client.js';
import type { PriceSourceConfig } from './price-source-config.js';

const PRICE_PROFILE: HttpProfile = {
  source: 'prices',
  accept: 'text/csv, text/plain;q=0.9, */*;q=0.1',
  contentType: null,
  maxRetryAfterSetting: 'AIRACE_PRICES_MAX_RETRY_AFTER_MS',
  statusMessage(status, url) {
    if (status === 404) return `the price source has no such page (404): ${url}. Is AIRACE_PRICES_URL right?`;
    return null;
  },
};

export class PriceClient extends HttpClient {
  constructor(
    override readonly config: PriceSourceConfig,
    deps: HttpClientDeps = {},
  ) {
    super(config, PRICE_PROFILE, deps);
  }
}
