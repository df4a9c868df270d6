// Scripted HTTP faults for the loopback stand-ins of data sources (SEC EDGAR, the price
// source): queued per path or symbol, answered the same way by every stand-in.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpFault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang'; ms: number }
  | { kind: 'reset' }
  | { kind: 'truncate' };

export class FaultQueue<F> {
  private readonly queued = new Map<string, F[]>();

  /** Queues `fault` for the next `times` requests to `key`. */
  add(key: string, fault: F, times = 1): void {
    const list = this.queued.get(key) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(key, list);
  }

  next(key: string): F | undefined {
    return this.queued.get(key)?.shift();
  }

  clear(): void {
    this.queued.clear();
  }
}

/**
 * Answers one of the shared faults. `done`: the response is over; `continue`: a hang the client
 * waited out, so answer normally. `truncated` is what a cut-short body starts with.
 */
export async function answerFault(req: IncomingMessage, res: ServerResponse, fault: HttpFault, record: (status: number) => void, truncated: { body: Buffer; type: string }): Promise<'done' | 'continue'> {
  switch (fault.kind) {
    case 'status':
      record(fault.status);
      res.writeHead(fault.status, { 'content-type': 'text/html', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) }).end(`<html>${fault.status}</html>`);
      return 'done';
    case 'hang':
      record(0);
      await new Promise((r) => setTimeout(r, fault.ms));
      return res.destroyed || req.socket.destroyed ? 'done' : 'continue';
    case 'reset':
      record(0);
      req.socket.destroy();
      return 'done';
    case 'truncate':
      record(200);
      res.writeHead(200, { 'content-type': truncated.type, 'content-length': truncated.body.length });
      res.write(truncated.body.subarray(0, Math.floor(truncated.body.length / 2)));
      setTimeout(() => req.socket.destroy(), 5);
      return 'done';
  }
}
