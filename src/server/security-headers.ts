// Security headers on every response, set in one onSend hook (the server does not need a
// helmet plugin for this). Scripts only from this origin, no inline scripts: pages carry data
// in <script type="application/json"> blocks, which are not executed, and app.js reads them.
import type { FastifyReply, FastifyRequest } from 'fastify';

function contentSecurityPolicy(frameAncestors: "'none'" | '*', styles = "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles}`,
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
/** Swagger UI (the /api reference) writes one fixed inline style; it is allowed by its hash only. */
const REFERENCE_CSP = contentSecurityPolicy("'none'", "'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

export async function securityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const embeddable = request.routeOptions.config?.embeddable === true;
  const reference = request.url === '/api' || request.url.startsWith('/api/') && !request.url.startsWith('/api/v1');
  reply.header('content-security-policy', embeddable ? EMBED_CSP : reference ? REFERENCE_CSP : PAGE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (!embeddable) reply.header('x-frame-options', 'DENY');
  if (request.routeOptions.config?.cors === true) reply.header('access-control-allow-origin', '*');
  return payload;
}
