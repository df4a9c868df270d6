// Files the pages load: app.js/app.css (kept beside this module's source, since tsc copies no
// non-TypeScript files), the favicon, and the chart fonts from assets/. Each is read once and
// kept in memory. Pages link to a name with the content's hash in it (`/static/app.3f9a1c2b.css`),
// served with a year-long immutable cache: a new release changes the name, never the file under
// it. The plain name stays available with an hour's cache and an ETag, for old links.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../config/paths.js';

export interface StaticAsset {
  /** The unhashed URL, e.g. `/static/app.css`. */
  url: string;
  /** Absolute path, resolved on first request. */
  path: () => string;
  type: string;
  /** Rewrites the text before serving (the stylesheet's font URLs, to their hashed names). */
  transform?: (text: string) => string;
}

/** `<root>/src/server/static`, from src/ under tests and from dist/src/ when built. */
export function staticDir(): string {
  return join(packageRoot(), 'src', 'server', 'static');
}

export function fontsDir(): string {
  return join(packageRoot(), 'assets', 'fonts');
}

const own = (file: string) => () => join(staticDir(), file);
const font = (file: string) => () => join(fontsDir(), file);

const FONTS = ['IBMPlexSans_400Regular.ttf', 'IBMPlexSans_600SemiBold.ttf'];

export const ASSETS: StaticAsset[] = [
  { url: '/static/app.js', path: own('app.js'), type: 'text/javascript; charset=utf-8' },
  // The stylesheet names the fonts by their hashed URLs, so it too changes when they do.
  { url: '/static/app.css', path: own('app.css'), type: 'text/css; charset=utf-8', transform: (css) => css.replace(/\/static\/fonts\/[\w.-]+\.ttf/g, (u) => assetUrl(u)) },
  { url: '/static/favicon.svg', path: own('favicon.svg'), type: 'image/svg+xml' },
  ...FONTS.map((f) => ({ url: `/static/fonts/${f}`, path: font(f), type: 'font/ttf' })),
];

interface Loaded {
  body: Buffer;
  /** Compressed once, when first asked for, instead of on every request. */
  brotli?: Buffer;
  gzip?: Buffer;
  etag: string;
  hash: string;
}

/** Types worth compressing (fonts and SVG are text-like; a PNG would not shrink). */
const COMPRESSIBLE = /^(text\/|image\/svg|font\/ttf)/;

const loaded = new Map<string, Loaded>();

function load(asset: StaticAsset): Loaded {
  let l = loaded.get(asset.url);
  if (!l) {
    const bytes = readFileSync(asset.path());
    const body = asset.transform ? Buffer.from(asset.transform(bytes.toString('utf8'))) : bytes;
    const digest = createHash('sha256').update(body).digest();
    l = { body, etag: `"${digest.toString('base64url').slice(0, 27)}"`, hash: digest.toString('hex').slice(0, 10) };
    loaded.set(asset.url, l);
  }
  return l;
}

/** `/static/app.css` → `/static/app.<hash>.css`, the URL pages link to. */
export function hashedUrl(asset: StaticAsset): string {
  const dot = asset.url.lastIndexOf('.');
  return `${asset.url.slice(0, dot)}.${load(asset).hash}${asset.url.slice(dot)}`;
}

/** The hashed URL of an asset by its plain URL (what layouts and the stylesheet use). */
export function assetUrl(url: string): string {
  const asset = ASSETS.find((a) => a.url === url);
  if (!asset) throw new Error(`no static asset ${url}`);
  return hashedUrl(asset);
}

const YEAR = 31_536_000;
const HOUR = 3_600;

/** `immutable`: the hashed URL, cached for a year; otherwise the plain one, for an hour with an ETag. */
export function staticAssetHandler(asset: StaticAsset, immutable: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const l = load(asset);
    reply.header('etag', l.etag).header('cache-control', immutable ? `public, max-age=${YEAR}, immutable` : `public, max-age=${HOUR}`).type(asset.type);
    if (request.headers['if-none-match'] === l.etag) return reply.code(304).send();
    if (!COMPRESSIBLE.test(asset.type)) return reply.send(l.body);
    reply.header('vary', 'accept-encoding');
    // A content-encoding set here tells @fastify/compress the body is already compressed.
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send((l.brotli ??= brotliCompressSync(l.body)));
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send((l.gzip ??= gzipSync(l.body)));
    return reply.send(l.body);
  };
}
