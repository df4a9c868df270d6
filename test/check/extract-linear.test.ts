// Issue #19: one check request once held the server for minutes, because extraction took time
// growing with the square of the input (an overlap scan in period extraction, a backtracking
// markdown-link pattern). Each hostile input below is extracted at two sizes in one run; the time
// must grow about as the size does. A ratio of times within one run, not a wall-clock limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { Company } from '../../src/model/company.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { extractClaims } from '../../src/check/extract-claims.js';
import { maskMarkup } from '../../src/check/mask-markup.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
let companies: Company[];
beforeAll(async () => {
  store = await bundledStore();
  companies = await listCompanies(store.db);
}, 60_000);
afterAll(() => store.close());

/** The two sizes compared are eight times apart, so linear work grows about 8x and quadratic work 64x. */
const GROWTH = 8;
/** Allowed growth of time for 8x the input: time growing as size^1.67. Linear work (8x) with the noise of a
 *  loaded machine stays under it; quadratic work (64x) is twice over it. */
const MAX_RATIO = 32;
/** The smaller size starts here and doubles until one pass takes long enough to time (a millisecond is mostly noise). */
const START = 2_000;
const MIN_MS = 15;
const MAX_SMALL = 512_000;

/** The fastest of five runs: interference (other tests, GC) only ever makes a run slower. */
function time(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Times `work` at a size large enough to measure and at GROWTH times that size. */
function growth(work: (size: number) => () => void): { small: number; large: number; size: number } {
  work(START)(); // warm-up: regexes compiled, code optimised
  let size = START;
  let small = time(work(size));
  while (small < MIN_MS && size < MAX_SMALL) {
    size *= 2;
    small = time(work(size));
  }
  return { small, large: time(work(size * GROWTH)), size };
}

const HOSTILE = ['2024 ', 'Q1 2024 ', '$1-$2-$3-', '~$1 ', '1% ', 'RMB 1.1.1 ', '[a](', '<a ', 'Amazon, ', 'in the quarter ', 'a third of ', 'doubled ',
  // Plain-text tables: rows without a header, one long table with total rows, many small tables.
  'Amazon  52.7  83.0\n', 'Total   1.0   2.0   n/a\n', 'Firm  CY24  Jun-26 qtr\nMeta  1.0  2%\n\n'];

describe('claim extraction is linear in the input', () => {
  it.each(HOSTILE)('%j repeated: time grows with the size, not its square', (unit) => {
    const text = (n: number) => unit.repeat(Math.ceil(n / unit.length));
    const { small, large, size } = growth((n) => () => void extractClaims(text(n), companies, { date: '2026-01-01' }));
    expect(large / small, `${small.toFixed(1)} ms for ${size} B, ${large.toFixed(1)} ms for ${size * GROWTH} B`).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('masks markdown in linear time, even with unclosed links and tags', () => {
    for (const unit of ['[a](', '<a ', '](x ']) {
      const { small, large, size } = growth((n) => () => void maskMarkup(unit.repeat(Math.ceil(n / unit.length))));
      expect(large / small, `${unit}: ${small.toFixed(1)} ms for ${size} B, ${large.toFixed(1)} ms for ${size * GROWTH} B`).toBeLessThan(MAX_RATIO);
    }
  });

  it('still masks what it should: link targets, URLs and tags, offsets kept', () => {
    const text = 'See [the filing](https://sec.gov/2024/10-K "FY2024") and <b>bold</b>.';
    const masked = maskMarkup(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/2024|sec\.gov|<b>/);
    expect(masked).toContain('the filing');
  });
});
