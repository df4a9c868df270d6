// Rendered charts by spec hash. A spec embeds its data, so the same hash means the same
// picture: pages re-render only when the numbers or options change. Bounded by bytes, not
// entries (lru-cache's maxSize): a title or subtitle only changes text, yet each distinct one is
// a distinct render, so a client sending `&title=t1`, `t2`, … evicts old renders instead of
// growing the cache. Concurrent requests for one spec share one render (lru-cache's fetch); a
// failed render is not remembered. The server rasterises PNGs in a worker pool (png-renderer.ts).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg, svgToPng } from '../chart/render.js';

export interface ChartCacheBudget {
  /** Bytes of SVG text kept (default 32 MiB: a few hundred charts). */
  svgBytes?: number;
  /** Bytes of PNG kept (default 64 MiB). */
  pngBytes?: number;
}

export const DEFAULT_CHART_CACHE_BUDGET: Required<ChartCacheBudget> = { svgBytes: 32 * 1024 * 1024, pngBytes: 64 * 1024 * 1024 };

export function specHash(spec: TopLevelSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

/** What a string may take in memory: V8 keeps text outside Latin-1 at two bytes a character. */
const stringBytes = (s: string) => 2 * s.length;

export class ChartCache {
  private readonly svgs: LRUCache<string, string, { spec: TopLevelSpec }>;
  private readonly pngs: LRUCache<string, Buffer, { spec: TopLevelSpec; scale: number }>;

  constructor(
    { svgBytes = DEFAULT_CHART_CACHE_BUDGET.svgBytes, pngBytes = DEFAULT_CHART_CACHE_BUDGET.pngBytes }: ChartCacheBudget = {},
    rasterise: (svg: string, scale: number) => Promise<Buffer> = (svg, scale) => svgToPng(svg, { scale }),
  ) {
    this.svgs = new LRUCache({ maxSize: svgBytes, sizeCalculation: stringBytes, fetchMethod: (_key, _stale, { context }) => renderSvg(context.spec) });
    this.pngs = new LRUCache({
      maxSize: pngBytes,
      sizeCalculation: (png) => png.byteLength,
      fetchMethod: async (_key, _stale, { context }) => rasterise(await this.svg(context.spec), context.scale),
    });
  }

  async svg(spec: TopLevelSpec): Promise<string> {
    return (await this.svgs.fetch(specHash(spec), { context: { spec } }))!;
  }

  async png(spec: TopLevelSpec, scale: number): Promise<Buffer> {
    return (await this.pngs.fetch(`${specHash(spec)}@${scale}`, { context: { spec, scale } }))!;
  }

  clear(): void {
    this.svgs.clear();
    this.pngs.clear();
  }

  /** Renders kept. */
  get size(): { svg: number; png: number } {
    return { svg: this.svgs.size, png: this.pngs.size };
  }

  /** Bytes kept, never more than the budget. */
  get bytes(): { svg: number; png: number } {
    return { svg: this.svgs.calculatedSize, png: this.pngs.calculatedSize };
  }
}
