// GET /api/v1: where every API route is, read from the table that registers the routes (routes.ts),
// so the index cannot drift from what the server answers. It lists what the OpenAPI document lists
// (every route under /api/v1 whose schema is not hidden), the admin route included: a client reads
// from `operations` that it needs a token, as the document says with its `security`.
import type { RouteOptions } from 'fastify';
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

export const ApiOperationSchema = z.object({
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  tag: z.string(),
  /** True when the route needs `Authorization: Bearer <token>` (its OpenAPI `security`). */
  needsToken: z.boolean(),
});

export const ApiIndexSchema = z.object({
  name: z.string(),
  reference: z.string(),
  openapi: z.string(),
  /** Every path once, in the order they are registered (the shape older clients read). */
  endpoints: z.array(z.string()),
  /** One entry per method and path: what it answers and whether it needs a token. */
  operations: z.array(ApiOperationSchema),
});
export type ApiIndex = z.infer<typeof ApiIndexSchema>;

interface DocumentedSchema {
  hide?: boolean;
  summary?: string;
  tags?: string[];
  security?: unknown[];
}

/** The API's routes in `table`, as the index answers them. */
export function apiIndex(table: readonly RouteOptions[]): ApiIndex {
  const operations = table.flatMap((route) => {
    const schema = (route.schema ?? {}) as DocumentedSchema;
    // Pages and assets are hidden from the OpenAPI document, and so from the index.
    if (schema.hide || !(route.url === API_PREFIX || route.url.startsWith(`${API_PREFIX}/`))) return [];
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    return methods.map((method) => ({
      method,
      path: route.url,
      summary: schema.summary ?? '',
      tag: schema.tags?.[0] ?? '',
      needsToken: (schema.security?.length ?? 0) > 0,
    }));
  });
  return {
    name: 'airace API',
    reference: '/api',
    openapi: `${API_PREFIX}/openapi.json`,
    endpoints: [...new Set(operations.map((o) => o.path))],
    operations,
  };
}
