// Files the pages load: app.js/app.css (kept beside this module's source, since tsc copies
// no non-TypeScript files), the Vega browser builds from node_modules (no CDN), and the chart
// fonts from assets/. Each is read once, kept in memory and served with an ETag.
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

export function staticAssetHandler(asset: StaticAsset) {
  let loaded: { body: Buffer; etag: string } | null = null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!loaded) {
      const bytes = readFileSync(asset.path());
      const body = asset.transform ? Buffer.from(asset.transform(bytes.toString('utf8'))) : bytes;
      loaded = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    }
    reply.header('etag', loaded.etag).header('cache-control', `public, max-age=${asset.maxAge}`).type(asset.type);
    if (request.headers['if-none-match'] === loaded.etag) return reply.code(304).send();
    return reply.send(loaded.body);
  };
}
