// The Epoch AI client: the shared HTTP client with Epoch's profile. Its table is CSV; an HTML
// page (a moved file, a login wall) is refused before parsing.
import { HttpClient, type HttpClientDeps, type HttpSource } from '../http/http-client.js';
import { HttpError, type HttpErrorKind } from '../http/http-error.js';
import type { EpochConfig } from './epoch-config.js';

export class EpochError extends HttpError {
  constructor(kind: HttpErrorKind, message: string, url: string | null = null, status: number | null = null, retryAfterMs: number | null = null) {
    super(kind, message, url, status, retryAfterMs);
    this.name = 'EpochError';
  }
}

export const EPOCH_SOURCE: HttpSource = {
  name: 'Epoch AI',
  accept: 'text/csv, text/plain;q=0.5',
  // Static hosts label CSV variously; anything but a CSV or plain-text type (an HTML error page) is refused.
  contentType: /^(text\/(csv|plain|comma-separated-values)|application\/(csv|octet-stream|vnd\.ms-excel))\b/i,
  expected: 'CSV',
  retryAfterSetting: 'AIRACE_EPOCH_MAX_RETRY_AFTER_MS',
  notFoundHint: 'Has Epoch moved the file? Check https://epoch.ai/data/ai-models and set AIRACE_EPOCH_URL.',
  error: (kind, message, url, status, retryAfterMs) => new EpochError(kind, message, url, status ?? null, retryAfterMs ?? null),
};

export class EpochClient extends HttpClient {
  declare readonly config: EpochConfig;

  constructor(config: EpochConfig, deps: HttpClientDeps = {}) {
    super(config, EPOCH_SOURCE, deps);
  }
}
