// Where a request was addressed (scheme and host): pages write absolute embed links with it, and
// the response cache keys answers by it. Its own module, so the cache need not import the pages.
import type { FastifyRequest } from 'fastify';

export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
