// Per-route settings the hooks read (Fastify's route `config`), declared once for type checking.
import type { ServerContext } from './server-context.js';

export type Format = 'html' | 'json' | 'csv';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route answers with, so errors come back in the same format (an HTML page or JSON). */
    format?: Format | 'suffix' | 'asset';
    /** Pages that other sites may frame (the chart embed); every other page refuses framing. */
    embeddable?: boolean;
    /** Public read-only API: answers cross-origin requests (no credentials are involved). */
    cors?: boolean;
    /** Never answered from the response cache: the answer depends on more than the URL (a header). */
    uncached?: boolean;
  }
  interface FastifyInstance {
    /** The store, caches and error log every handler shares. */
    airace: ServerContext;
  }
  interface FastifyRequest {
    /** The format actually served, once a `.json`/`.csv` suffix is resolved. */
    airaceFormat: Format | null;
  }
}

export {};
