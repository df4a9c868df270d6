// A stand-in for epoch.ai on 127.0.0.1: serves Epoch's models table (read from ../shared, or a
// variant generated from it) as CSV, with the shared fixture server's ETags, gzip and faults.
import { FixtureHttpServer } from '../helpers/fixture-http-server.js';

export const EPOCH_PATH = '/data/notable_ai_models.csv';

export class EpochFixtureServer extends FixtureHttpServer {
  static async start(csv: string): Promise<EpochFixtureServer> {
    const s = new EpochFixtureServer();
    s.publishTable(csv);
    await s.listen();
    return s;
  }

  publishTable(csv: string, type = 'text/csv; charset=utf-8'): void {
    this.setDocument(EPOCH_PATH, Buffer.from(csv), type);
  }

  get url(): string {
    return `${this.origin}${EPOCH_PATH}`;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return { AIRACE_EPOCH_URL: this.url, AIRACE_EPOCH_BACKOFF_MS: '1', AIRACE_EPOCH_BACKOFF_MAX_MS: '5', AIRACE_EPOCH_TIMEOUT_MS: '3000', AIRACE_EPOCH_RETRIES: '3', ...extra };
  }
}
