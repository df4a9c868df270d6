// PNG rasterisation for the server, in a pool of worker threads (piscina) with a time budget per
// render: a render that takes longer is stopped and the client gets a 503 saying so. The size
// limits are checked here first (chart-limits.ts), so an oversized request fails at once with a
// 400. When the worker is not built (TypeScript run without `npm run build`), it renders in the
// process, as before.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { checkPngSize } from '../chart/chart-limits.js';
import { svgToPng } from '../chart/render.js';
import { InvalidOptionError } from '../model/errors.js';
import { ApiError } from './api-error.js';
import { numberFromEnv } from '../config/env-number.js';
import { builtWorkerFile } from '../config/worker-file.js';
import type { PngTask } from './png-worker.js';

/** How long one PNG may take (AIRACE_RENDER_TIMEOUT_MS). */
export const DEFAULT_RENDER_BUDGET_MS = 20_000;

export interface PngRendererOptions {
  /** Threads in the pool (AIRACE_RENDER_THREADS); default: half the cores, at least one. */
  threads?: number;
  budgetMs?: number;
}

export class PngRenderer {
  private readonly pool: Piscina | null;
  readonly budgetMs: number;

  constructor(options: PngRendererOptions = {}) {
    this.budgetMs = options.budgetMs ?? numberFromEnv(process.env, 'AIRACE_RENDER_TIMEOUT_MS', DEFAULT_RENDER_BUDGET_MS, { positive: true });
    const threads = options.threads ?? numberFromEnv(process.env, 'AIRACE_RENDER_THREADS', Math.max(1, Math.floor(availableParallelism() / 2)), { positive: true, integer: true });
    const file = builtWorkerFile('server/png-worker');
    this.pool = file ? new Piscina({ ...file, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 }) : null;
  }

  /** Whether renders run in worker threads. */
  get pooled(): boolean {
    return this.pool !== null;
  }

  async render(svg: string, scale: number): Promise<Buffer> {
    if (!(scale > 0)) throw new InvalidOptionError('scale', String(scale), ['a positive number']);
    checkPngSize(svg, scale);
    if (!this.pool) return svgToPng(svg, { scale });
    const signal = AbortSignal.timeout(this.budgetMs);
    try {
      const png = (await this.pool.run({ svg, scale } satisfies PngTask, { signal })) as Uint8Array;
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } catch (e) {
      if (signal.aborted) {
        const s = Math.max(1, Math.round(this.budgetMs / 1000));
        throw new ApiError(503, `rendering the PNG took longer than ${s} s, the limit for one chart; ask for a smaller scale or the SVG`, 'scale', [`a scale that renders within ${s} s`]);
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
