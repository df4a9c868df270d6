// A quarter derived from year-to-date facts must equal the quarter a source states,
// wherever the bundled data has both.
import { describe, expect, it } from 'vitest';
import { listFacts } from '../../src/store/facts-repository.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { FactIndex } from '../../src/series/fact-index.js';
import { PeriodResolver } from '../../src/series/period-resolver.js';
import { monthIndexOf, monthsBetween, quarterLabel } from '../../src/series/months.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';

forEachDialect('year-to-date derivation', (dialect) => {
  const store = bundledStoreFor(dialect);

  interface Comparison {
    what: string;
    stated: number;
    derived: number;
    derivation: string;
  }

  async function comparisons(): Promise<Comparison[]> {
    const companies = await listCompanies(store().db);
    const facts = (await listFacts(store().db, { basis: ['actual'] })).filter((f) => f.unit !== 'percent');
    const out: Comparison[] = [];
    for (const c of companies.filter((x) => x.kind === 'company')) {
      for (const metric of new Set(facts.filter((f) => f.ticker === c.ticker).map((f) => f.metric))) {
        const own = facts.filter((f) => f.ticker === c.ticker && f.metric === metric && f.unit === c.currency);
        const resolver = new PeriodResolver(new FactIndex(own), c.fiscalYearEndMonth, `${c.ticker} ${metric}`);
        const quarterEnds = new Set(own.filter((f) => f.periodStart && monthsBetween(f.periodStart, f.periodEnd) === 3).map((f) => monthIndexOf(f.periodEnd)));
        for (const m of quarterEnds) {
          const stated = resolver.quarter(m);
          const derived = resolver.quarterFromYtd(m);
          if (derived.value === null || stated.derived) continue;
          out.push({ what: `${c.ticker} ${metric} ${quarterLabel(m)}`, stated: stated.value!, derived: derived.value, derivation: derived.derivation! });
        }
      }
    }
    return out;
  }

  /**
   * Disagreements the data's own notes flag: Meta's 2023 quarterly table sums to $27.27B against
   * the 10-K's $27,045M, so Q4 = FY − 9M cannot match the table's Q4; Microsoft's FY2026 cloud
   * figure is Microsoft Cloud while its FY26 Q3 is Intelligent Cloud (the notes name each
   * segment; data/README: never join the two). Listed so the test proves they are still
   * caught, rather than skipping them silently.
   */
  const FLAGGED_IN_NOTES = ['META capex 2023-Q4', 'MSFT cloud_revenue 2026-Q2'];

  describe('quarters derived from year-to-date facts', () => {
    it('equal the stated quarters within the rounding of the inputs', async () => {
      const found = (await comparisons()).filter((c) => !FLAGGED_IN_NOTES.includes(c.what));
      // Amazon's H1 10-Q figures and Microsoft's H1 and FY figures give several real cross-checks.
      expect(found.length).toBeGreaterThanOrEqual(5);
      for (const c of found) {
        // Inputs are rounded to $10M at worst (quarterly tables at $0.01B): allow 0.5% or $15M.
        const tolerance = Math.max(15e6, Math.abs(c.stated) * 0.005);
        expect(Math.abs(c.derived - c.stated), `${c.what}: ${c.derivation} gives ${c.derived}, stated ${c.stated}`).toBeLessThanOrEqual(tolerance);
      }
      const derivations = new Set(found.map((c) => c.derivation.split(' ')[0]));
      expect([...derivations].sort()).toEqual(expect.arrayContaining(['Q2', 'Q4']));
    });

    it('catch the disagreement the data notes flag', async () => {
      const flagged = (await comparisons()).filter((c) => FLAGGED_IN_NOTES.includes(c.what));
      expect(flagged).toHaveLength(FLAGGED_IN_NOTES.length);
      for (const c of flagged) expect(Math.abs(c.derived - c.stated)).toBeGreaterThan(100e6);
    });

    it('derives Microsoft FY26 Q2 capex incl. finance leases from the H1 figure exactly', async () => {
      const found = await comparisons();
      const msft = found.find((c) => c.what === 'MSFT capex_incl_finance_leases 2025-Q4');
      expect(msft).toBeDefined();
      expect(msft!.derivation).toBe('Q2 = H1 − Q1');
      expect(msft!.derived).toBe(msft!.stated);
    });
  });
});
