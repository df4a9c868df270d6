// A signal that fires when the client closes its connection before the answer is sent, so work
// done for it (a claim check in the pool) can stop instead of running on for nobody.
import type { FastifyReply } from 'fastify';

export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('the client went away'));
  });
  return controller.signal;
}
