// A stand-in for the daily-price source on 127.0.0.1 (port 0), answering as Stooq's download
// does: GET /q/d/l/?s=<symbol>&i=d[&d1=YYYYMMDD] gives the symbol's CSV (SYNTHETIC, from
// synthetic-prices.ts), and an unknown symbol gets a 200 with the body "No data". Documents,
// recorded requests and scripted faults are the shared stand-in's (../helpers/fixture-http-server.ts),
// keyed by symbol; validators are off by default, as the real source sends none.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FixtureHttpServer } from '../helpers/fixture-http-server.js';

export const PRICE_PATH = '/q/d/l/';

export class PriceFixtureServer extends FixtureHttpServer {
  static async start(symbols: Record<string, string> = {}): Promise<PriceFixtureServer> {
    const s = new PriceFixtureServer();
    s.conditional = false;
    for (const [symbol, body] of Object.entries(symbols)) s.publish(symbol, body);
    await s.listen();
    return s;
  }

  get baseUrl(): string {
    return `${this.origin}${PRICE_PATH}`;
  }

  /** Environment for the CLI and priceSourceConfigFromEnv: fast retries, short timeouts. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { AIRACE_PRICES_URL: this.baseUrl, AIRACE_PRICES_BACKOFF_MS: '1', AIRACE_PRICES_BACKOFF_MAX_MS: '5', AIRACE_PRICES_TIMEOUT_MS: '2000', AIRACE_PRICES_RETRIES: '3', AIRACE_PRICES_MAX_RPS: '1000', ...extra };
  }

  /** (Re)publishes a symbol's CSV (or any body the source might send: "No data", an HTML page). */
  publish(symbol: string, body: string, type = 'text/csv'): void {
    this.setDocument(symbol, body, type);
  }

  requestsFor(symbol: string) {
    return this.requestsTo(symbol);
  }

  protected override keyOf(req: IncomingMessage): string {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    return url.pathname === PRICE_PATH ? (url.searchParams.get('s') ?? '') : `path:${url.pathname}`;
  }

  // The source's answer for a symbol it does not know: 200 and two words.
  protected override notFound(_req: IncomingMessage, res: ServerResponse): number {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('No data');
    return 200;
  }

  // d1=YYYYMMDD: only the rows from that day on.
  protected override bodyOf(body: Buffer, req: IncomingMessage): Buffer {
    const d1 = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('d1');
    if (!d1) return body;
    const text = body.toString('utf8');
    const from = `${d1.slice(0, 4)}-${d1.slice(4, 6)}-${d1.slice(6, 8)}`;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const [header, ...rows] = text.split(/\r?\n/).filter(Boolean);
    return Buffer.from([header, ...rows.filter((r) => r.slice(0, 10) >= from)].join(eol) + eol);
  }
}
