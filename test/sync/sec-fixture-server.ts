// A stand-in for www.sec.gov and data.sec.gov on 127.0.0.1 (port 0): serves company_tickers,
// submissions and companyfacts in SEC's formats, with ETags, Last-Modified, gzip, SEC's 403
// for a missing User-Agent, and scripted faults (429 + Retry-After, 5xx, hangs, resets,
// truncated bodies, wrong content type, malformed JSON). Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { companyFactsJson, companyTickersJson, submissionsJson, type FixtureCompany } from './fixtures/sec-fixtures.js';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang'; ms: number }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'content-type'; type: string }
  | { kind: 'malformed' }
  /** A gzip body of about inflatedMb / 1000 MB that inflates to inflatedMb of zeros (concatenated gzip members). */
  | { kind: 'gzip-bomb'; inflatedMb: number }
  /** A body labelled gzip whose bytes are not (a valid header, then garbage). */
  | { kind: 'corrupt-gzip' }
  | { kind: 'redirect'; location: string; status?: number };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

interface Doc {
  body: Buffer;
  etag: string;
  lastModified: string;
}

const pad = (cik: number) => String(cik).padStart(10, '0');

export class SecFixtureServer {
  readonly requests: RecordedRequest[] = [];
  private readonly docs = new Map<string, Doc>();
  private readonly faults = new Map<string, Fault[]>();
  private server!: Server;
  private version = 0;
  /** Set false to ignore If-None-Match / If-Modified-Since (a server without conditional support). */
  conditional = true;

  static async start(companies: FixtureCompany[]): Promise<SecFixtureServer> {
    const s = new SecFixtureServer();
    s.setDocument(SecFixtureServer.tickersPath(), companyTickersJson(companies));
    for (const c of companies) s.publish(c);
    await s.listen();
    return s;
  }

  static tickersPath(): string {
    return '/www/files/company_tickers.json';
  }
  static submissionsPath(cik: number): string {
    return `/data/submissions/CIK${pad(cik)}.json`;
  }
  static companyFactsPath(cik: number): string {
    return `/data/api/xbrl/companyfacts/CIK${pad(cik)}.json`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Environment for the CLI and secConfigFromEnv. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AIRACE_SEC_WWW_URL: `http://127.0.0.1:${this.port}/www`,
      AIRACE_SEC_DATA_URL: `http://127.0.0.1:${this.port}/data`,
      AIRACE_SEC_USER_AGENT: 'airace tests tests@example.com',
      AIRACE_SEC_BACKOFF_MS: '1',
      AIRACE_SEC_BACKOFF_MAX_MS: '5',
      AIRACE_SEC_TIMEOUT_MS: '2000',
      AIRACE_SEC_RETRIES: '3',
      ...extra,
    };
  }

  /** (Re)publishes a company's submissions and companyfacts; changed content gets a new ETag. */
  publish(c: FixtureCompany): void {
    this.setDocument(SecFixtureServer.submissionsPath(c.cik), submissionsJson(c));
    this.setDocument(SecFixtureServer.companyFactsPath(c.cik), companyFactsJson(c));
  }

  setDocument(path: string, json: object | string): void {
    const body = Buffer.from(typeof json === 'string' ? json : JSON.stringify(json));
    const old = this.docs.get(path);
    if (old && old.body.equals(body)) return;
    this.version++;
    this.docs.set(path, {
      body,
      etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      lastModified: new Date(Date.UTC(2026, 0, 1) + this.version * 60_000).toUTCString(),
    });
  }

  removeDocument(path: string): void {
    this.docs.delete(path);
  }

  /** Queues a fault for the next `times` requests to `path`. */
  fault(path: string, fault: Fault, times = 1): void {
    const list = this.faults.get(path) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(path, list);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    return new Promise((r) => this.server.listen(0, '127.0.0.1', () => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const record = (status: number) => this.requests.push({ path, headers: req.headers, status });
    const ua = req.headers['user-agent'];
    // SEC answers anonymous and library-default clients with 403.
    if (!ua || ua === 'node' || !/@/.test(ua)) {
      record(403);
      res.writeHead(403, { 'content-type': 'text/html' }).end('<html>Your Request Originates from an Undeclared Automated Tool</html>');
      return;
    }
    const fault = this.faults.get(path)?.shift();
    const doc = this.docs.get(path);
    if (fault) {
      switch (fault.kind) {
        case 'status':
          record(fault.status);
          res.writeHead(fault.status, { 'content-type': 'text/html', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) }).end(`<html>${fault.status}</html>`);
          return;
        case 'hang':
          record(0);
          await new Promise((r) => setTimeout(r, fault.ms));
          if (res.destroyed || req.socket.destroyed) return;
          break;
        case 'reset':
          record(0);
          req.socket.destroy();
          return;
        case 'truncate': {
          record(200);
          const body = doc?.body ?? Buffer.from('{}');
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          setTimeout(() => req.socket.destroy(), 5);
          return;
        }
        case 'content-type':
          record(200);
          res.writeHead(200, { 'content-type': fault.type }).end('<!DOCTYPE html><html><body>Request Rate Threshold Exceeded</body></html>');
          return;
        case 'gzip-bomb': {
          record(200);
          const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
          const members = Math.ceil(fault.inflatedMb / 16);
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': member.length * members });
          let sent = 0;
          // Streamed with backpressure, so the server never holds the whole bomb either.
          const pump = () => {
            while (sent < members) {
              sent++;
              if (!res.write(member)) return void res.once('drain', pump);
            }
            res.end();
          };
          res.on('close', () => (sent = members));
          pump();
          return;
        }
        case 'corrupt-gzip': {
          record(200);
          const good = gzipSync(doc?.body ?? Buffer.from('{}'));
          const body = Buffer.concat([good.subarray(0, 10), Buffer.from('this is not deflate data, whatever the header says'.repeat(20))]);
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
          return;
        }
        case 'redirect':
          record(fault.status ?? 302);
          res.writeHead(fault.status ?? 302, { location: fault.location }).end();
          return;
        case 'malformed': {
          record(200);
          const body = (doc?.body ?? Buffer.from('{"cik": 1}')).subarray(0, 200);
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
          return;
        }
      }
    }
    if (!doc) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
      return;
    }
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if (this.conditional && ((inm && inm === doc.etag) || (!inm && ims && Date.parse(ims) >= Date.parse(doc.lastModified)))) {
      record(304);
      res.writeHead(304, { etag: doc.etag, 'last-modified': doc.lastModified }).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipSync(doc.body) : doc.body;
    record(200);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(this.conditional ? { etag: doc.etag, 'last-modified': doc.lastModified } : {}),
    });
    res.end(body);
  }
}
