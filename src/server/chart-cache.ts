// Rendered charts by spec hash. A spec embeds its data, so the same hash means the same
// picture: pages re-render only when the numbers or options change. In-memory and bounded
// (least recently used goes first); promises are cached so concurrent requests share one render.
import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg, svgToPng } from '../chart/render.js';

class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export function specHash(spec: TopLevelSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

export class ChartCache {
  private readonly svgs: Lru<Promise<string>>;
  private readonly pngs: Lru<Promise<Buffer>>;

  constructor({ svgEntries = 200, pngEntries = 50 }: { svgEntries?: number; pngEntries?: number } = {}) {
    this.svgs = new Lru(svgEntries);
    this.pngs = new Lru(pngEntries);
  }

  svg(spec: TopLevelSpec): Promise<string> {
    return this.cached(this.svgs, specHash(spec), () => renderSvg(spec));
  }

  png(spec: TopLevelSpec, scale: number): Promise<Buffer> {
    return this.cached(this.pngs, `${specHash(spec)}@${scale}`, async () => svgToPng(await this.svg(spec), { scale }));
  }

  clear(): void {
    this.svgs.clear();
    this.pngs.clear();
  }

  get size(): { svg: number; png: number } {
    return { svg: this.svgs.size, png: this.pngs.size };
  }

  private cached<V>(lru: Lru<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
    const hit = lru.get(key);
    if (hit) return hit;
    const p = make();
    lru.set(key, p);
    // A failed render is not remembered: the next request tries again.
    p.catch(() => lru.delete(key));
    return p;
  }
}
