// The HTTP client as Epoch AI's data needs it (see ../http/http-client.ts): its table is CSV,
// and an HTML page (a moved file, an error page) is refused before parsing.
import { HttpClient, type HttpClientDeps, type HttpProfile } from '../http/http-client.js';
import type { EpochConfig } from './epoch-config.js';

const EPOCH_PROFILE: HttpProfile = {
  source: 'epoch',
  accept: 'text/csv, text/plain;q=0.5',
  // Static hosts label CSV variously; anything but a CSV or plain-text type (an HTML error page) is refused.
  contentType: { pattern: /^(text\/(csv|plain|comma-separated-values)|application\/(csv|octet-stream|vnd\.ms-excel))\b/i, name: 'CSV' },
  maxRetryAfterSetting: 'AIRACE_EPOCH_MAX_RETRY_AFTER_MS',
  statusMessage(status, url) {
    if (status === 404) return `not found (404): ${url}. Has Epoch moved the file? Check https://epoch.ai/data/ai-models and set AIRACE_EPOCH_URL.`;
    if (status === 403) return `Epoch AI refused the request (403): ${url}`;
    return null;
  },
};

export class EpochClient extends HttpClient {
  constructor(
    override readonly config: EpochConfig,
    deps: HttpClientDeps = {},
  ) {
    super(config, EPOCH_PROFILE, deps);
  }
}
