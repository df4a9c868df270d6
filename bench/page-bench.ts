// Section 5: the dashboard's pages as a reader's browser gets them, from the server listening on
// loopback with the bundled data.
//  - Weight: the HTML and everything a first visit loads with it (stylesheet, script, fonts, and
//    each chart drawn at 800 px), as sent with brotli (what browsers ask for) and uncompressed.
//  - Time to first byte, warm: the median time from sending the request to the first byte of
//    the answer. Limit: the same server answering its smallest route (the API index, a few
//    hundred bytes of JSON), the floor for any response on this server, machine and loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../src/store/database.js';
import { buildServer } from '../src/server/build-server.js';
import { emptySection, type SectionResult } from './report.js';
import { fmt, median } from './stats.js';

const PAGES = ['/', '/company/AMZN', '/explore', '/methodology', '/check'];
const RUNS = 15;
const WARMUP = 3;
const CHART_WIDTH = 800;

interface Fetched {
  status: number;
  /** Bytes on the wire (brotli when the server compresses the type). */
  wire: number;
  ttfbMs: number;
  body: string;
}

function fetchOnce(port: number, path: string, compressed: boolean): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path, headers: compressed ? { 'accept-encoding': 'br' } : {} }, (res) => {
      const ttfbMs = Number(process.hrtime.bigint() - start) / 1e6;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, wire: raw.length, ttfbMs, body: compressed ? '' : raw.toString('utf8') });
      });
    });
    req.on('error', reject);
  });
}

async function ttfb(port: number, path: string): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fetchOnce(port, path, true);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await fetchOnce(port, path, true)).ttfbMs);
  return median(times);
}

/** What a first visit loads with the page: its stylesheet, script, favicon, fonts and charts. */
function subresources(html: string, css: string): string[] {
  const linked = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
  const fonts = [...css.matchAll(/url\('(\/static\/[^']+)'\)/g)].map((m) => m[1]!);
  const charts = [...html.matchAll(/data-src="([^"]+)"/g)].map((m) => `${m[1]!.replaceAll('&amp;', '&')}&width=${CHART_WIDTH}`);
  return [...new Set([...linked, ...fonts, ...charts])];
}

export async function pageBench(store: Store, log: (s: string) => void): Promise<SectionResult> {
  const out = emptySection();
  const section = 'Pages';
  const app = buildServer({ store, rateLimit: false, errorLog: () => {} });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  try {
    const floorMs = await ttfb(port, '/api/v1');
    const cssPath = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec((await fetchOnce(port, '/', false)).body)?.[1] ?? '/static/app.css';
    const css = (await fetchOnce(port, cssPath, false)).body;
    for (const path of PAGES) {
      log(`pages: ${path}…`);
      const plain = await fetchOnce(port, path, false);
      const brotli = await fetchOnce(port, path, true);
      if (plain.status !== 200) throw new Error(`GET ${path} answered ${plain.status}`);
      let wire = brotli.wire;
      let raw = plain.wire;
      const parts = subresources(plain.body, css);
      for (const url of parts) {
        const [c, p] = [await fetchOnce(port, url, true), await fetchOnce(port, url, false)];
        wire += c.wire;
        raw += p.wire;
      }
      const ms = await ttfb(port, path);
      out.rows.push({
        section,
        name: `${path}: first visit, ${parts.length} files with the page`,
        result: `HTML ${fmt(brotli.wire / 1024)} KB · total ${fmt(wire / 1024)} KB sent (${fmt(raw / 1024)} KB uncompressed) · first byte ${fmt(ms, 1)} ms`,
        limit: `first byte of the API index: ${fmt(floorMs, 1)} ms`,
        ratio: floorMs / ms,
      });
    }
    out.limits.push({ section, name: 'Smallest response', result: `${fmt(floorMs, 2)} ms to first byte`, how: `the same server answering GET /api/v1 (a few hundred bytes of JSON, no store access), median of ${RUNS} after ${WARMUP} warm-ups over loopback HTTP.` });
    out.notes.push(`Pages: weights are what a first visit transfers with \`Accept-Encoding: br\`; hashed static files are then cached for a year (\`immutable\`), so a second page loads only its HTML and charts. Charts are counted at ${CHART_WIDTH} px, the width a desktop frame asks for.`);
  } finally {
    await app.close();
  }
  return out;
}
