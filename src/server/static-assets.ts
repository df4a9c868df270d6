// Files the pages load: app.js/app.css (kept beside this module's source, since tsc copies
// no non-TypeScript files), the Vega browser builds from node_modules (no CDN), and the chart
// fonts from assets/. Each is read once, kept in memory and served with an ETag. Pages link them
// by `assetHref`, which adds the hash of the bytes (`?v=…`): such a URL names one version of the
// file forever, so it is served immutable; the bare URL keeps its max-age.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../config/paths.js';

export interface StaticAsset {
  /** Absolute path, resolved on first request. */
  path: () => string;
  type: string;
  /** Cache-Control max-age in seconds. */
  maxAge: number;
  /** Rewrites the text before serving (the interpreter's bare module import). */
  transform?: (text: string) => string;
}

/** `<root>/src/server/static`, from src/ under tests and from dist/src/ when built. */
export function staticDir(): string {
  return join(packageRoot(), 'src', 'server', 'static');
}

export function fontsDir(): string {
  return join(packageRoot(), 'assets', 'fonts');
}

const requireHere = createRequire(import.meta.url);

/** A file in a dependency's build folder, found through Node's resolution (hoisting-proof). */
export function vendorFile(pkg: string, file: string): string {
  return join(dirname(requireHere.resolve(pkg)), file);
}

interface LoadedAsset {
  body: Buffer;
  /** Hash of the bytes (base64url). */
  version: string;
  etag: string;
}

const loadedAssets = new WeakMap<StaticAsset, LoadedAsset>();
/** Assets by URL, as the routes serve them, for assetHref. */
const assetsByUrl = new Map<string, StaticAsset>();

function load(asset: StaticAsset): LoadedAsset {
  let loaded = loadedAssets.get(asset);
  if (!loaded) {
    const bytes = readFileSync(asset.path());
    const body = asset.transform ? Buffer.from(asset.transform(bytes.toString('utf8'))) : bytes;
    const version = createHash('sha1').update(body).digest('base64url');
    loaded = { body, version, etag: `"${version}"` };
    loadedAssets.set(asset, loaded);
  }
  return loaded;
}

/** A year: what RFC 9111 suggests for "never changes". */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `url` with the hash of what it serves (`/static/app.css?v=…`); the bare URL when no route serves it. */
export function assetHref(url: string): string {
  const asset = assetsByUrl.get(url);
  return asset ? `${url}?v=${load(asset).version}` : url;
}

export function staticAssetHandler(asset: StaticAsset, url?: string) {
  if (url) assetsByUrl.set(url, asset);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const loaded = load(asset);
    const versioned = (request.query as { v?: unknown } | undefined)?.v === loaded.version;
    reply.header('etag', loaded.etag).header('cache-control', versioned ? IMMUTABLE : `public, max-age=${asset.maxAge}`).type(asset.type);
    if (request.headers['if-none-match'] === loaded.etag) return reply.code(304).send();
    return reply.send(loaded.body);
  };
}
