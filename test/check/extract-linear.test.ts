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

/** The input sizes compared: eight times apart, so linear work grows about 8x and quadratic work 64x. */
const SMALL = 4_000;
const LARGE = 32_000;
/** Allowed growth of time for 8x the input: linear work with noise stays well under it, quadratic work far over. */
const MAX_RATIO = 24;

function time(fn: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

const HOSTILE = ['2024 ', 'Q1 2024 ', '$1-$2-$3-', '~$1 ', '1% ', 'RMB 1.1.1 ', '[a](', '<a ', 'Amazon, ', 'in the quarter ', 'a third of ', 'doubled '];

describe('claim extraction is linear in the input', () => {
  it.each(HOSTILE)('%j repeated: time grows with the size, not its square', (unit) => {
    const text = (n: number) => unit.repeat(Math.ceil(n / unit.length));
    const extract = (n: number) => () => void extractClaims(text(n), companies, { date: '2026-01-01' });
    extract(SMALL)(); // warm-up: regexes compiled, code optimised
    const small = Math.max(time(extract(SMALL)), 1);
    const large = time(extract(LARGE));
    expect(large / small, `${small.toFixed(1)} ms for ${SMALL} B, ${large.toFixed(1)} ms for ${LARGE} B`).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('masks markdown in linear time, even with unclosed links and tags', () => {
    for (const unit of ['[a](', '<a ', '](x ']) {
      const small = Math.max(time(() => void maskMarkup(unit.repeat(SMALL / unit.length))), 0.5);
      const large = time(() => void maskMarkup(unit.repeat(LARGE / unit.length)));
      expect(large / small, unit).toBeLessThan(MAX_RATIO);
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
