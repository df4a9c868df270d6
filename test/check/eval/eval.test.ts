// The claim checker's floors on the labelled articles of this folder: verdicts right, resolution
// right, and no true figure called contradicted. `npm run eval:check` prints the same evaluation
// with every miss; this test keeps the floors from regressing silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/database.js';
import { bundledStore } from '../../helpers/bundled-store.js';
import path from 'node:path';
import { EVAL_DIR, formatEval, runEval, type EvalResult } from './evaluate.js';

let store: Store;
let result: EvalResult;
let heldout: EvalResult;
let heldout2: EvalResult;
beforeAll(async () => {
  store = await bundledStore();
  result = await runEval(store);
  heldout = await runEval(store, path.join(EVAL_DIR, 'heldout'));
  heldout2 = await runEval(store, path.join(EVAL_DIR, 'heldout2'));
}, 360_000);
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

// Written by another engineer before any code ran on it, scored before the fixes (56.1% of verdicts,
// 31 true figures contradicted), then copied here: the floors are what the general fixes reached.
describe('the claim checker on the held-out articles (heldout/README.md)', () => {
  it('has the 13 articles and 385 labelled figures', () => {
    expect(heldout.articles).toBe(13);
    expect(heldout.scored.length).toBe(385);
  });

  it('calls no true figure contradicted (it was 31 before the fixes)', () => {
    expect(heldout.trueCalledContradicted.length, heldout.trueCalledContradicted.map((s) => `${s.article}: ${s.label.figure}`).join('\n')).toBe(0);
  });

  it('gets at least 85.4% of verdicts right (56.1% before the fixes)', () => {
    expect(heldout.verdictAccuracy, formatEval(heldout)).toBeGreaterThanOrEqual(0.854);
  });

  it('resolves at least 80.7% of figures right (51.4% before the fixes)', () => {
    expect(heldout.resolutionAccuracy, formatEval(heldout)).toBeGreaterThanOrEqual(0.807);
  });

  it('reads the dates of all 13 articles', () => {
    expect(heldout.dates.filter((d) => d.expected === d.got).length).toBe(13);
  });
});

// A second set by another engineer, in styles the checker had not seen; unseen, it scored 44.8% of
// verdicts with 41 true figures called contradicted (heldout2/README.md). The bounds below are what
// general fixes reached since; the promise (no true figure called contradicted) is not met yet,
// so that bound is a ceiling to lower, not a claim.
describe('the claim checker on the second held-out set (heldout2/README.md)', () => {
  it('has the 12 articles and 382 labelled figures', () => {
    expect(heldout2.articles).toBe(12);
    expect(heldout2.scored.length).toBe(382);
  });

  it('calls at most 35 true figures contradicted (41 unseen)', () => {
    expect(heldout2.trueCalledContradicted.length, heldout2.trueCalledContradicted.map((s) => `${s.article}: ${s.label.figure}`).join('\n')).toBeLessThanOrEqual(35);
  });

  it('gets at least 56.5% of verdicts right (44.8% unseen)', () => {
    expect(heldout2.verdictAccuracy, formatEval(heldout2)).toBeGreaterThanOrEqual(0.565);
  });

  it('resolves at least 61.7% of figures right (50.5% unseen)', () => {
    expect(heldout2.resolutionAccuracy, formatEval(heldout2)).toBeGreaterThanOrEqual(0.617);
  });

  it('reads the dates of all 12 articles (4 unseen)', () => {
    expect(heldout2.dates.filter((d) => d.expected === d.got).length).toBe(12);
  });
});
