// Guards the endpoints that write. Off unless an admin token is configured; then a request
// needs `Authorization: Bearer <token>`. Both sides are hashed before a constant-time compare,
// so neither the content nor the length of the token leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import type { ServerContext } from './server-context.js';

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A preHandler hook for admin routes. */
export function requireAdmin(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!ctx.adminToken) throw new ApiError(403, 'admin endpoints are off; start the server with AIRACE_ADMIN_TOKEN set to enable them');
    const token = bearerToken(request.headers.authorization);
    if (!token || !tokensMatch(token, ctx.adminToken)) {
      reply.header('www-authenticate', 'Bearer realm="airace admin"');
      throw new ApiError(401, 'admin endpoints need Authorization: Bearer <AIRACE_ADMIN_TOKEN>');
    }
  };
}
