// One HTTP GET attempt with bounded work, for clients of remote data sources (SEC EDGAR today):
// a deadline for headers and body together; a maximum body size both as sent and inflated,
// enforced while the bytes stream in, so a gzip bomb (2 MB that inflates to 2 GB) fails with a
// message instead of exhausting memory; gzip and deflate decoded here, so a corrupt body is a
// clean error; Content-Length checked against the bytes received; redirects followed only to
// the allowed origins, so headers such as a User-Agent with a contact email never go elsewhere.
// Retries, rate limits and what a status means are the caller's (HttpClient's) business.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { HttpError } from './http-error.js';

export interface BoundedGetOptions {
  headers: Record<string, string>;
  /** Headers and body (and any redirects) within this time. */
  timeoutMs: number;
  /** Largest body accepted after decoding. */
  maxBodyBytes: number;
  /** Largest body accepted as it comes over the wire (compressed). */
  maxWireBytes: number;
  /** Origins (`https://data.sec.gov`) a redirect may lead to; any other is refused. */
  allowedOrigins: readonly string[];
  maxRedirects?: number;
  /** The caller's abort (Ctrl-C): fails the attempt as `interrupted`. */
  signal?: AbortSignal;
  /** Bytes received so far (as sent), and the declared length when the server gave one: for a progress bar. */
  onProgress?: (received: number, total: number | null) => void;
}

export interface BoundedResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  statusText: string;
  /** Lower-case header names. */
  header(name: string): string | null;
  /** The decoded body (empty for redirects and 304s). */
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`);

export async function boundedGet(url: string, opts: BoundedGetOptions): Promise<BoundedResponse> {
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, opts.timeoutMs);
  const forward = () => ac.abort();
  opts.signal?.addEventListener('abort', forward, { once: true });
  // An abort is ours (timeout) or the caller's; anything else is the network's doing.
  const aborted = (during: string): HttpError | null => {
    if (timedOut) return new HttpError('timeout', `no complete response from ${url} within ${opts.timeoutMs / 1000} s (${during})`, url);
    if (opts.signal?.aborted) return new HttpError('interrupted', `interrupted while fetching ${url}`, url);
    return null;
  };
  try {
    if (opts.signal?.aborted) throw aborted('before the request')!;
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      const res = await attempt(current, opts, ac.signal, aborted);
      if (!REDIRECTS.has(res.status)) return res;
      const location = res.header('location');
      if (!location) throw new HttpError('redirect', `${current.href} answered ${res.status} without a Location to go to`, url);
      const next = new URL(location, current);
      if (!opts.allowedOrigins.includes(next.origin)) {
        throw new HttpError('redirect', `refused a redirect from ${current.href} to ${next.href}: redirects are followed only within ${opts.allowedOrigins.join(' and ')}, so the request's headers (the User-Agent with its contact email) go nowhere else`, url);
      }
      if (hop + 1 > (opts.maxRedirects ?? 5)) throw new HttpError('redirect', `too many redirects from ${url} (more than ${opts.maxRedirects ?? 5})`, url);
      current = next;
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', forward);
  }
}

function attempt(url: URL, opts: BoundedGetOptions, signal: AbortSignal, aborted: (during: string) => HttpError | null): Promise<BoundedResponse> {
  const href = url.href;
  return new Promise<BoundedResponse>((resolve, reject) => {
    let settled = false;
    let decoder: zlib.Gunzip | zlib.Inflate | null = null;
    const fail = (e: HttpError) => {
      if (settled) return;
      settled = true;
      req.destroy();
      decoder?.destroy();
      reject(e);
    };
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, { headers: opts.headers, signal }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      };
      const respond = (body: Buffer) => {
        if (settled) return;
        settled = true;
        resolve({ url: href, status, statusText: res.statusMessage ?? '', header, body });
      };
      if (REDIRECTS.has(status) || status === 304) {
        res.resume();
        respond(Buffer.alloc(0));
        return;
      }
      const declared = header('content-length') === null ? null : Number(header('content-length'));
      if (declared !== null && declared > opts.maxWireBytes) {
        fail(new HttpError('too-large', `response from ${href} is ${size(declared)}, over the ${size(opts.maxWireBytes)} limit`, href));
        return;
      }
      const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (encoding === 'gzip' || encoding === 'x-gzip') decoder = zlib.createGunzip();
      else if (encoding === 'deflate') decoder = zlib.createInflate();
      else if (encoding !== 'identity' && encoding !== '') {
        fail(new HttpError('decode', `response from ${href} uses Content-Encoding "${encoding}", which airace does not decode`, href));
        return;
      }
      const chunks: Buffer[] = [];
      let wire = 0;
      let inflated = 0;
      let ended = false;
      const take = (chunk: Buffer) => {
        inflated += chunk.length;
        if (inflated > opts.maxBodyBytes) {
          fail(new HttpError('too-large', `response from ${href} ${decoder ? `inflates to more than ${size(opts.maxBodyBytes)} (from ${size(wire)} received)` : `is over the ${size(opts.maxBodyBytes)} limit`}; refused`, href));
          return;
        }
        chunks.push(chunk);
      };
      const done = () => respond(Buffer.concat(chunks, inflated));
      if (decoder) {
        decoder.on('data', (c: Buffer) => !settled && take(c));
        decoder.on('error', (e) => fail(new HttpError('decode', `response from ${href} does not decode as ${encoding}: ${e.message}`, href)));
        decoder.on('end', done);
      }
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        wire += chunk.length;
        if (wire > opts.maxWireBytes) {
          fail(new HttpError('too-large', `response from ${href} is over the ${size(opts.maxWireBytes)} limit`, href));
          return;
        }
        if (decoder) decoder.write(chunk);
        else take(chunk);
        opts.onProgress?.(wire, declared);
      });
      res.on('end', () => {
        ended = true;
        if (settled) return;
        if (declared !== null && wire !== declared) {
          fail(new HttpError('truncated', `truncated response from ${href}: got ${wire} bytes, Content-Length says ${declared}`, href));
          return;
        }
        if (decoder) decoder.end();
        else done();
      });
      const cut = () => {
        if (ended || settled) return;
        fail(aborted(`after ${wire} bytes of the body`) ?? new HttpError('truncated', `truncated response from ${href}: the connection closed after ${wire} bytes${declared !== null ? ` of ${declared}` : ''}`, href));
      };
      res.on('error', cut);
      res.on('close', cut);
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      fail(aborted('waiting for headers') ?? new HttpError('network', `cannot reach ${href}: ${e.code ? `${e.code}: ` : ''}${e.message}`, href));
    });
  });
}
