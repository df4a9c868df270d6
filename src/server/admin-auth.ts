// Guards the endpoints that write. Off unless an admin token is configured; then a request
// needs `Authorization: Bearer <token>`. Both sides are hashed before a constant-time compare,
// so neither the content nor the length of the token leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { InvalidOptionError } from '../model/errors.js';

/** Shorter tokens can be guessed; `openssl rand -hex 16` makes one of 32 characters. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * AIRACE_ADMIN_TOKEN as the server uses it: null (admin endpoints off) when unset or empty;
 * refused when short enough to guess or holding whitespace (a Bearer header could never carry
 * it). The message gives the length, never the token.
 */
export function adminTokenOf(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value.length < MIN_ADMIN_TOKEN_LENGTH || /\s/.test(value)) {
    const what = `${value.length} character${value.length === 1 ? '' : 's'}${/\s/.test(value) ? ' with whitespace' : ''}`;
    throw new InvalidOptionError('AIRACE_ADMIN_TOKEN', what, [`at least ${MIN_ADMIN_TOKEN_LENGTH} characters without whitespace, e.g. from \`openssl rand -hex 16\``]);
  }
  return value;
}

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * A preHandler hook for admin routes. It takes only the token it checks (the server context has
 * it), so this module and server-context.ts, which reads AIRACE_ADMIN_TOKEN through it, do not
 * import each other.
 */
export function requireAdmin(ctx: { readonly adminToken: string | null }) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!ctx.adminToken) throw new ApiError(403, 'admin endpoints are off; start the server with AIRACE_ADMIN_TOKEN set to enable them');
    const token = bearerToken(request.headers.authorization);
    if (!token || !tokensMatch(token, ctx.adminToken)) {
      reply.header('www-authenticate', 'Bearer realm="airace admin"');
      throw new ApiError(401, 'admin endpoints need Authorization: Bearer <AIRACE_ADMIN_TOKEN>');
    }
  };
}
