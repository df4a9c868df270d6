// Whole answers of the server's GET routes (series, charts, pages and their twins), kept by the
// normalised request and the store generation (store-generation.ts), and the HTTP caching that
// goes with them: an ETag derived from the same two, 304 for a matching If-None-Match, and a
// Cache-Control that makes clients revalidate (the store can change at any moment; a
// revalidation costs a generation read and a hash). A hit sends the stored body without running
// the handler: no series is computed, no chart spec built or hashed.
//
// Installed per route (`cachedRoute`) as a preHandler, after validation and rate limiting, and an
// onSend that keeps 200 answers whose body is text or bytes. Bounded by bytes (lru-cache's maxSize).
// A repeat of a request as it was written (the same query string, before validation) is answered
// earlier, in preValidation: validating and normalising the query is a sixth of a cached answer's
// cost, and that request already validated once to the answer kept under its normalised key.
import { createHash, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { FastifyRequest, RouteOptions, preHandlerHookHandler, preValidationHookHandler, onSendHookHandler } from 'fastify';
import { originOf } from './request-origin.js';

export interface ResponseCacheBudget {
  /** Bytes of bodies kept (default 64 MiB); 0 keeps none (ETags and 304s still work). */
  bytes?: number;
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

/** Headers that belong to an answer (the rest are set by hooks on every response). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'link'] as const;

/** Everything a client may keep, and must ask again about before using it. */
export const REVALIDATE = 'public, no-cache';

interface CachedResponse {
  generation: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

interface RequestState {
  key: string;
  generation: string;
  hit: boolean;
  /** The key of the request as written (before validation), when it differs from `key`. */
  asWritten?: string;
}

/** Requests as written, each pointing to the normalised key its answer is kept under. */
const AS_WRITTEN_ENTRIES = 4096;

// A server's answers also depend on its code: a new version (or a restart with changed code) must
// not confirm what an old one sent. The generation alone would not say so on PostgreSQL.
const SERVER_INSTANCE = randomUUID();

const bodyBytes = (body: string | Buffer) => (typeof body === 'string' ? 2 * body.length : body.byteLength);

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | null;
  private readonly states = new WeakMap<FastifyRequest, RequestState>();
  private readonly asWritten = new LRUCache<string, string>({ max: AS_WRITTEN_ENTRIES });
  /** Per request: the generation read in preValidation and the key as written, for preHandler and onSend. */
  private readonly early = new WeakMap<FastifyRequest, { generation: string; asWritten: string }>();
  private latest = '';

  constructor(
    private readonly generation: () => Promise<string>,
    { bytes = DEFAULT_RESPONSE_CACHE_BYTES }: ResponseCacheBudget = {},
  ) {
    this.entries = bytes > 0 ? new LRUCache({ maxSize: bytes, sizeCalculation: (r) => bodyBytes(r.body) + 256 }) : null;
  }

  private async currentGeneration(): Promise<string> {
    const generation = await this.generation();
    if (generation !== this.latest) {
      // Nothing kept under an older generation can be served again.
      this.latest = generation;
      this.entries?.clear();
      this.asWritten.clear();
    }
    return generation;
  }

  /** Answers a GET written exactly as one already answered, before its query is validated again. */
  readonly preValidation: preValidationHookHandler = async (request, reply) => {
    if (request.method !== 'GET') return;
    const generation = await this.currentGeneration();
    const written = requestKey(request);
    this.early.set(request, { generation, asWritten: written });
    const key = this.asWritten.get(written);
    if (key === undefined) return;
    const hit = this.entries?.get(key);
    if (hit?.generation !== generation) return;
    const etag = etagOf(generation, key);
    reply.header('etag', etag).header('cache-control', REVALIDATE);
    this.states.set(request, { key, generation, hit: true });
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.headers(hit.headers).send(hit.body);
  };

  /** Answers a GET from the cache or with 304 when it can; else notes what onSend should keep. */
  readonly preHandler: preHandlerHookHandler = async (request, reply) => {
    if (request.method !== 'GET') return;
    const early = this.early.get(request);
    const generation = early?.generation ?? (await this.currentGeneration());
    const key = requestKey(request);
    const asWritten = early && early.asWritten !== key ? early.asWritten : undefined;
    const etag = etagOf(generation, key);
    reply.header('etag', etag).header('cache-control', REVALIDATE);
    if (matches(request.headers['if-none-match'], etag)) {
      this.states.set(request, { key, generation, hit: true });
      return reply.code(304).send();
    }
    const hit = this.entries?.get(key);
    const fresh = hit?.generation === generation ? hit : undefined;
    this.states.set(request, { key, generation, hit: fresh !== undefined, asWritten });
    if (fresh) {
      if (asWritten !== undefined) this.asWritten.set(asWritten, key);
      return reply.headers(fresh.headers).send(fresh.body);
    }
  };

  readonly onSend: onSendHookHandler = async (request, reply, payload) => {
    const state = this.states.get(request);
    if (!state) return payload;
    if (reply.statusCode === 304) return payload;
    if (reply.statusCode !== 200) {
      // An error is not the answer the ETag names.
      reply.removeHeader('etag');
      reply.removeHeader('cache-control');
      return payload;
    }
    // Kept only if no write came in since the request read the generation (its answer may predate it).
    if (this.entries && !state.hit && (typeof payload === 'string' || Buffer.isBuffer(payload)) && state.generation === this.latest) {
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = reply.getHeader(name);
        if (v !== undefined) headers[name] = String(v);
      }
      this.entries?.set(state.key, { generation: state.generation, headers, body: payload });
      if (state.asWritten !== undefined) this.asWritten.set(state.asWritten, state.key);
    }
    return payload;
  };

  clear(): void {
    this.entries?.clear();
    this.asWritten.clear();
  }

  /** Answers kept and their bytes (never more than the budget). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }
}

/**
 * The request as the answer depends on it: origin (pages write absolute embed links), path, and
 * the query with its parameters in name order (a repeated parameter keeps its values' order).
 */
export function requestKey(request: FastifyRequest): string {
  const path = request.url.split('?')[0]!;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const names = Object.keys(query).sort();
  return `${originOf(request)}${path}?${JSON.stringify(names.map((n) => [n, query[n]]))}`;
}

export function etagOf(generation: string, key: string): string {
  return `"${createHash('sha1').update(`${SERVER_INSTANCE}\0${generation}\0${key}`).digest('base64url')}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET; `*` matches). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** `route` with the response cache's hooks added to its own (GET routes that answer from the store). */
export function cachedRoute(route: RouteOptions, cache: ResponseCache): RouteOptions {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.includes('GET') || route.config?.format === 'asset' || route.config?.uncached) return route;
  const list = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);
  // A route with hooks of its own before the handler (a check, a limit) answers only after them.
  const early = route.preValidation === undefined && route.preHandler === undefined ? { preValidation: cache.preValidation } : {};
  return { ...route, ...early, preHandler: [...list(route.preHandler), cache.preHandler], onSend: [...list(route.onSend), cache.onSend] };
}
