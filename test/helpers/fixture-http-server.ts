// A stand-in for a data source's web server on 127.0.0.1 (port 0): serves documents with ETags,
// Last-Modified and gzip, answers conditional requests with 304, and plays scripted faults (a
// status with Retry-After, hangs, resets, truncated bodies, a wrong content type, a malformed
// body, a gzip bomb, a corrupt gzip body, a redirect, another body in the document's place).
// Every request is recorded. SEC's, Epoch AI's and the price source's stand-ins build on it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

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
  | { kind: 'redirect'; location: string; status?: number }
  /** A 200 whose body is something else than the document (an HTML error page, "No data"). */
  | { kind: 'body'; body: string; type?: string };

export interface RecordedRequest {
  /** The document asked for: the path, or what a source's keyOf makes of the request. */
  path: string;
  /** The request's URL as sent, query included. */
  url: string;
  headers: IncomingMessage['headers'];
  status: number;
}

interface Doc {
  body: Buffer;
  type: string;
  etag: string;
  lastModified: string;
}

export class FixtureHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly docs = new Map<string, Doc>();
  private readonly faults = new Map<string, Fault[]>();
  private server!: Server;
  private version = 0;
  /** Set false to ignore If-None-Match / If-Modified-Since (a server without conditional support). */
  conditional = true;

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** (Re)publishes a document; changed content gets a new ETag and Last-Modified. */
  setDocument(path: string, content: object | string | Buffer, type = 'application/json'): void {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
    const old = this.docs.get(path);
    if (old && old.body.equals(body) && old.type === type) return;
    this.version++;
    this.docs.set(path, {
      body,
      type,
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

  protected listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    return new Promise((r) => this.server.listen(0, '127.0.0.1', () => r()));
  }

  /** The document a request asks for: its path (a source that names documents in the query says otherwise). */
  protected keyOf(req: IncomingMessage): string {
    return (req.url ?? '/').split('?')[0]!;
  }

  /** The answer for a document that is not published, and its status: 404 unless the source answers otherwise. */
  protected notFound(_req: IncomingMessage, res: ServerResponse): number {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
    return 404;
  }

  /** The bytes sent for a document (a source that filters by query parameters says otherwise). */
  protected bodyOf(body: Buffer, _req: IncomingMessage): Buffer {
    return body;
  }

  /** A source's own refusal (SEC's 403 for an undeclared client); true when it answered. */
  protected refuse(_req: IncomingMessage, _res: ServerResponse): boolean {
    return false;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = this.keyOf(req);
    const record = (status: number) => this.requests.push({ path, url: req.url ?? '/', headers: req.headers, status });
    if (this.refuse(req, res)) {
      record(res.statusCode);
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
          res.writeHead(200, { 'content-type': doc?.type ?? 'application/json', 'content-length': body.length });
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
          res.writeHead(200, { 'content-type': doc?.type ?? 'application/json', 'content-encoding': 'gzip', 'content-length': member.length * members });
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
          res.writeHead(200, { 'content-type': doc?.type ?? 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
          return;
        }
        case 'redirect':
          record(fault.status ?? 302);
          res.writeHead(fault.status ?? 302, { location: fault.location }).end();
          return;
        case 'body':
          record(200);
          res.writeHead(200, { 'content-type': fault.type ?? doc?.type ?? 'text/plain' }).end(fault.body);
          return;
        case 'malformed': {
          record(200);
          const body = (doc?.body ?? Buffer.from('{"cik": 1}')).subarray(0, 200);
          res.writeHead(200, { 'content-type': doc?.type ?? 'application/json', 'content-length': body.length }).end(body);
          return;
        }
      }
    }
    if (!doc) {
      record(this.notFound(req, res));
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
    const sent = this.bodyOf(doc.body, req);
    const body = gzip ? gzipSync(sent) : sent;
    record(200);
    res.writeHead(200, {
      'content-type': doc.type,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(this.conditional ? { etag: doc.etag, 'last-modified': doc.lastModified } : {}),
    });
    res.end(body);
  }
}
