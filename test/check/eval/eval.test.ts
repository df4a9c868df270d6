// The claim checker's floors on the labelled articles of this folder: verdicts right, resolution
// right, and no true figure called contradicted. `npm run eval:check` prints the same evaluation
// with every miss; this test keeps the floors from regressing silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/database.js';
import { bundledStore } from '../../helpers/bundled-store.js';
import { formatEval, runEval, type EvalResult } from './evaluate.js';

let store: Store;
let result: EvalResult;
beforeAll(async () => {
  store = await bundledStore();
  result = await runEval(store);
}, 120_000);
afterAll(() => store.close());

describe('the claim checker on the labelled articles', () => {
  it('has at least 10 articles and 200 labelled figures', () => {
    expect(result.articles).toBeGreaterThanOrEqual(10);
    expect(result.scored.length).toBeGreaterThanOrEqual(200);
  });

  it('never calls a true figure contradicted', () => {
    expect(result.trueCalledContradicted.map((s) => `${s.article}: ${s.label.figure}`)).toEqual([]);
  });

  it('gets at least 95% of verdicts right', () => {
    expect(result.verdictAccuracy, formatEval(result)).toBeGreaterThanOrEqual(0.95);
  });

  it('resolves at least 95% of figures to the right company, metric and period', () => {
    expect(result.resolutionAccuracy, formatEval(result)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads every article’s date', () => {
    expect(result.dates.filter((d) => d.expected !== d.got)).toEqual([]);
  });
});
