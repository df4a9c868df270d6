// Security headers on every response, set in one onSend hook (the server does not need a
// helmet plugin for this). Scripts only from this origin, no inline scripts: pages carry data
// in <script type="application/json"> blocks, which are not executed, and app.js reads them.
import type { FastifyReply, FastifyRequest } from 'fastify';

function contentSecurityPolicy(frameAncestors: "'none'" | '*'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

const PAGE_CSP = contentSecurityPolicy("'none'");
const EMBED_CSP = contentSecurityPolicy('*');

export async function securityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const embeddable = request.routeOptions.config?.embeddable === true;
  reply.header('content-security-policy', embeddable ? EMBED_CSP : PAGE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (!embeddable) reply.header('x-frame-options', 'DENY');
  if (request.routeOptions.config?.cors === true) reply.header('access-control-allow-origin', '*');
  return payload;
}
