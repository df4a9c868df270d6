// A long article must not cost more than its length: repeated questions hit the series cache,
// so a 100 KB article makes the same engine calls as a 4 KB one. Counts, not timings (the
// timings are in bench/check-article.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { benchmarkArticle, timeCheckArticle } from '../../bench/check-benchmark.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

describe('checking long articles', () => {
  it('asks the engine each distinct question once, however long the article', async () => {
    const small = await timeCheckArticle(store.db, benchmarkArticle(4_000));
    const large = await timeCheckArticle(store.db, benchmarkArticle(100_000));
    expect(large.bytes).toBeGreaterThanOrEqual(100_000);
    expect(large.claims).toBeGreaterThan(15 * small.claims);
    expect(large.engineCalls).toBe(small.engineCalls);
  }, 60_000);

  it('builds the benchmark article deterministically, with one date line', () => {
    const a = benchmarkArticle(20_000);
    expect(benchmarkArticle(20_000)).toBe(a);
    expect(a.match(/Published/g)).toHaveLength(1);
  });
});
