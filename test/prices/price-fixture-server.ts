// A stand-in for the daily-price source on 127.0.0.1 (port 0), answering as Stooq's download
// does: GET /q/d/l/?s=<symbol>&i=d[&d1=YYYYMMDD] gives the symbol's CSV (SYNTHETIC, from
// synthetic-prices.ts), and an unknown symbol gets a 200 with the body "No data". Validators
// (ETag, Last-Modified) are off by default, as the real source sends none; scripted faults
// (status codes, hangs, resets, truncated bodies, replaced bodies such as an HTML error page)
// test the client and the parser. Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { answerFault, FaultQueue, type HttpFault } from '../helpers/scripted-faults.js';

export type PriceFault = HttpFault | { kind: 'body'; body: string; type?: string };

export interface RecordedPriceRequest {
  symbol: string | null;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  status: number;
}

export const PRICE_PATH = '/q/d/l/';

export class PriceFixtureServer {
  readonly requests: RecordedPriceRequest[] = [];
  private readonly csv = new Map<string, { body: string; etag: string; lastModified: string }>();
  private readonly faults = new FaultQueue<PriceFault>();
  private server!: Server;
  private version = 0;
  /** Send ETag / Last-Modified and honour conditional requests (the real source does not). */
  validators = false;

  static async start(symbols: Record<string, string> = {}): Promise<PriceFixtureServer> {
    const s = new PriceFixtureServer();
    for (const [symbol, body] of Object.entries(symbols)) s.publish(symbol, body);
    await new Promise<void>((r) => {
      s.server = createServer((req, res) => void s.handle(req, res));
      s.server.listen(0, '127.0.0.1', () => r());
    });
    return s;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}${PRICE_PATH}`;
  }

  /** Environment for the CLI and priceSourceConfigFromEnv: fast retries, short timeouts. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { AIRACE_PRICES_URL: this.baseUrl, AIRACE_PRICES_BACKOFF_MS: '1', AIRACE_PRICES_BACKOFF_MAX_MS: '5', AIRACE_PRICES_TIMEOUT_MS: '2000', AIRACE_PRICES_RETRIES: '3', AIRACE_PRICES_MAX_RPS: '1000', ...extra };
  }

  publish(symbol: string, body: string): void {
    const old = this.csv.get(symbol);
    if (old?.body === body) return;
    this.version++;
    this.csv.set(symbol, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`, lastModified: new Date(Date.UTC(2026, 0, 1) + this.version * 60_000).toUTCString() });
  }

  unpublish(symbol: string): void {
    this.csv.delete(symbol);
  }

  /** Queues a fault for the next `times` requests for `symbol`. */
  fault(symbol: string, fault: PriceFault, times = 1): void {
    this.faults.add(symbol, fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  requestsFor(symbol: string): RecordedPriceRequest[] {
    return this.requests.filter((r) => r.symbol === symbol);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const symbol = url.searchParams.get('s');
    const record = (status: number) => this.requests.push({ symbol, query: url.searchParams, headers: req.headers, status });
    if (url.pathname !== PRICE_PATH) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><title>404 Not Found</title></html>');
      return;
    }
    const fault = symbol ? this.faults.next(symbol) : undefined;
    const doc = symbol ? this.csv.get(symbol) : undefined;
    if (fault?.kind === 'body') {
      record(200);
      res.writeHead(200, { 'content-type': fault.type ?? 'text/csv' }).end(fault.body);
      return;
    }
    if (fault && (await answerFault(req, res, fault, record, { body: Buffer.from(doc?.body ?? 'Date,Open,High,Low,Close,Volume\n'), type: 'text/csv' })) === 'done') return;
    if (!doc) {
      // The source's answer for a symbol it does not know: 200 and two words.
      record(200);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('No data');
      return;
    }
    const inm = req.headers['if-none-match'];
    if (this.validators && inm === doc.etag) {
      record(304);
      res.writeHead(304, { etag: doc.etag, 'last-modified': doc.lastModified }).end();
      return;
    }
    let body = doc.body;
    const d1 = url.searchParams.get('d1');
    if (d1) {
      const from = `${d1.slice(0, 4)}-${d1.slice(4, 6)}-${d1.slice(6, 8)}`;
      const [header, ...rows] = body.split(/\r?\n/).filter(Boolean);
      const eol = body.includes('\r\n') ? '\r\n' : '\n';
      body = [header, ...rows.filter((r) => r.slice(0, 10) >= from)].join(eol) + eol;
    }
    record(200);
    res.writeHead(200, {
      'content-type': 'text/csv',
      'content-disposition': `attachment; filename=${symbol}_d.csv`,
      'content-length': Buffer.byteLength(body),
      ...(this.validators ? { etag: doc.etag, 'last-modified': doc.lastModified } : {}),
    });
    res.end(body);
  }
}
