// Page data that costs many engine calls (the overview, data coverage), kept until the store
// changes: entries are keyed by the store generation (store-generation.ts), so a write by this
// process or another one (`airace sync` beside a running server) is seen by the next request.
// Bounded by entries (lru-cache); concurrent requests for one key share one computation, and a
// failed one is not remembered.
import { LRUCache } from 'lru-cache';

/** Distinct page data kept (pages × their query variants). */
export const DEFAULT_MEMO_ENTRIES = 256;

export class MemoCache {
  private readonly entries: LRUCache<string, { value: Promise<unknown> }> | null;

  /** `max` 0 keeps nothing (every call computes). */
  constructor(
    private readonly generation: () => Promise<string>,
    max = DEFAULT_MEMO_ENTRIES,
  ) {
    this.entries = max > 0 ? new LRUCache({ max }) : null;
  }

  async get<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.entries) return make();
    const entries = this.entries;
    // Read before computing: a write committing meanwhile can only label new data with the old generation.
    const scoped = `${await this.generation()}\0${key}`;
    const hit = entries.get(scoped);
    if (hit) return hit.value as Promise<T>;
    const value = make();
    entries.set(scoped, { value });
    value.catch(() => {
      if (entries.get(scoped)?.value === value) entries.delete(scoped);
    });
    return value;
  }

  clear(): void {
    this.entries?.clear();
  }
}
