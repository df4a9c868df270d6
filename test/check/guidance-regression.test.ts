// Issue #16: the checker once kept its own statement-date and guidance rules, and read Amazon's
// quarterly run-rate ($26.3 billion a quarter) as its plan for 2025. It now asks the series
// layer's guidance history, which leaves a quarterly pace out of the year's guidance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { checkArticle } from '../../src/check/check-article.js';
import { guidanceHistory } from '../../src/series/guidance-history.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

describe('guidance in the checker comes from the series layer', () => {
  it('checks "Amazon plans about $105 billion of capex in 2025" against the guidance for the year, not a quarterly run-rate', async () => {
    const history = await guidanceHistory(store.db, { ticker: 'AMZN', year: 2025 });
    const inForce = history.steps.filter((s) => s.date <= '2025-03-01').pop()!;
    const pace = history.skipped.find((s) => /quarterly pace/.test(s.reason))!;
    const report = await checkArticle(store.db, 'Amazon plans about $105 billion of capex in 2025.', { date: '2025-03-01', charts: false });
    const [c] = report.claims;
    expect(c).toMatchObject({ basis: 'guidance', subject: { tickers: ['AMZN'] } });
    expect(c!.actual!.value).toBe(inForce.low);
    expect(c!.actual!.value).not.toBe(pace.source.value);
    expect(c!.verdict).not.toBe('contradicted');
    expect(c!.reason).toMatch(/in force on the article date \(2025-03-01\)/);
  });

  it('uses the statement stated in the month the words name', async () => {
    const history = await guidanceHistory(store.db, { ticker: 'GOOGL', year: 2025 });
    const july = history.steps.find((s) => s.date.startsWith('2025-07'))!;
    const report = await checkArticle(store.db, `Alphabet now expects about $92 billion of capex in 2025. In July it had said $${july.low / 1e9} billion.`, { date: '2025-11-05', charts: false });
    expect(report.claims[1]).toMatchObject({ verdict: 'supported', basis: 'guidance', actual: { value: july.low, statedOn: july.date } });
  });
});
