// The claim checker on the bundled data, for tests that check sentences written for them: one store
// per test file, and the claim on a figure as written.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { CheckedClaim, CheckReport } from '../../src/check/check-report.js';
import { checkArticle } from '../../src/check/check-article.js';
import { bundledStore } from './bundled-store.js';

export interface BundledChecker {
  check(text: string, date?: string): Promise<CheckReport>;
  /** The claim whose figure is written exactly `words` (the first, or the `nth`). */
  figure(text: string, date: string | undefined, words: string, nth?: number): Promise<CheckedClaim>;
}

/** Call at the top of a test file: opens the bundled store before its tests and closes it after. */
export function bundledChecker(): BundledChecker {
  let store: Store;
  beforeAll(async () => {
    store = await bundledStore();
  }, 60_000);
  afterAll(() => store.close());
  const check = (text: string, date?: string) => checkArticle(store.db, text, { ...(date ? { date } : {}), charts: false });
  return {
    check,
    async figure(text, date, words, nth = 0) {
      const r = await check(text, date);
      const found = r.claims.filter((c) => c.figure && text.slice(c.figure.start, c.figure.end) === words);
      expect(found.length, `a claim on “${words}”; claims: ${r.claims.map((c) => (c.figure ? text.slice(c.figure.start, c.figure.end) : c.text)).join(' | ')}`).toBeGreaterThan(nth);
      return found[nth]!;
    },
  };
}
