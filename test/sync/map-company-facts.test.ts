// Parsing companyfacts and the concept map, in memory: no store, so it runs once rather than once
// per test dialect.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtureCompanies, companyFactsJson, syntheticFacts, AMZN_CIK, BABA_CIK, SYNI_CIK } from './fixtures/sec-fixtures.js';
import { parseCompanyFacts } from '../../src/ingest/sec/companyfacts-parse.js';
import { mapCompanyFacts } from '../../src/ingest/sec/map-company-facts.js';
import { CONCEPT_MAP, allMappedConcepts } from '../../src/ingest/sec/concept-map.js';
import { conceptMapTable } from '../../src/ingest/sec/concept-map-table.js';
import { METRIC_IDS } from '../../src/series/metrics.js';
import { SecError } from '../../src/ingest/sec/sec-error.js';
import { csvFacts } from '../helpers/facts-csv.js';

const companies = fixtureCompanies();
const byTicker = (t: string) => companies.find((c) => c.ticker === t)!;
const docOf = (t: string) => parseCompanyFacts(JSON.stringify(companyFactsJson(byTicker(t))), `fixture ${t}`);

describe('mapCompanyFacts', () => {
  const amzn = mapCompanyFacts(docOf('AMZN'), { ticker: 'AMZN', cik: AMZN_CIK, source: 'fixture' });

  it('reads Amazon capex from PaymentsToAcquireProductiveAssets, not the decoy', () => {
    const capex = amzn.facts.filter((f) => f.metric === 'capex');
    expect(new Set(capex.map((f) => f.concept))).toEqual(new Set(['us-gaap:PaymentsToAcquireProductiveAssets']));
    const fy2024 = capex.filter((f) => f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31');
    const verified = csvFacts.find((r) => r.ticker === 'AMZN' && r.metric === 'capex' && r.period_start === '2024-01-01' && r.period_end === '2024-12-31' && r.preferred === '1')!;
    expect(fy2024.map((f) => f.value)).toEqual([Number(verified.value) * 1e6, Number(verified.value) * 1e6]);
  });

  it('keeps every version: one row per period and accession, with full provenance', () => {
    const fy2024 = amzn.facts.filter((f) => f.metric === 'capex' && f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31');
    // Reported by the FY2024 10-K and again, as a comparative, by the FY2025 10-K.
    expect(fy2024.map((f) => [f.form, f.fy, f.fp, f.filed])).toEqual([
      ['10-K', 2024, 'FY', '2025-02-07'],
      ['10-K', 2025, 'FY', '2026-02-06'],
    ]);
    const first = fy2024[0]!;
    expect(first).toMatchObject({
      ticker: 'AMZN',
      unit: 'USD',
      basis: 'actual',
      confidence: 'high',
      sourceKind: 'sec',
      accession: '0001018724-25-000004',
      sourceUrl: 'https://www.sec.gov/Archives/edgar/data/1018724/000101872425000004/',
      frame: 'CY2024',
      preferred: false,
    });
    // The newest filed version of a period is the preferred one.
    expect(fy2024[1]!.preferred).toBe(true);
    expect(fy2024[1]!.frame).toBeNull();
  });

  it('keeps the original and the amendment of a restated year', () => {
    const fy2025 = amzn.facts.filter((f) => f.metric === 'capex' && f.periodStart === '2025-01-01' && f.periodEnd === '2025-12-31');
    expect(fy2025.map((f) => [f.form, f.preferred])).toEqual([['10-K', false], ['10-K/A', true]]);
    const amended = syntheticFacts(byTicker('AMZN')).find((f) => f.synthetic!.includes('restatement'))!;
    expect(fy2025.find((f) => f.form === '10-K/A')!.value).toBe(amended.val);
  });

  it('stores no unmapped concept and no instant for a duration metric', () => {
    expect(amzn.facts.every((f) => METRIC_IDS.includes(f.metric) || f.metric === 'finance_lease_additions')).toBe(true);
    expect(amzn.facts.some((f) => f.concept?.startsWith('dei:'))).toBe(false);
    expect(amzn.facts.every((f) => f.periodStart !== null)).toBe(true);
    expect(Object.keys(amzn.byMetric).sort()).toEqual(['capex', 'net_income', 'net_income_attributable', 'operating_cash_flow', 'revenue']);
  });

  it('takes Alibaba’s reporting currency from the unit keys and leaves the US$ translation out', () => {
    const baba = mapCompanyFacts(docOf('BABA'), { ticker: 'BABA', cik: BABA_CIK, source: 'fixture' });
    expect(baba.currency).toBe('CNY');
    expect(baba.facts.every((f) => f.unit === 'CNY')).toBe(true);
    expect(baba.fiscalYearEndMonth).toBe(3);
    // ProfitLoss (incl. noncontrolling interests) is net_income; NetIncomeLoss would be the attributable line.
    expect(baba.facts.filter((f) => f.metric === 'net_income').every((f) => f.concept === 'us-gaap:ProfitLoss')).toBe(true);
  });

  it('maps IFRS filers (ifrs-full concepts, EUR)', () => {
    const syni = mapCompanyFacts(docOf('SYNI'), { ticker: 'SYNI', cik: SYNI_CIK, source: 'fixture' });
    expect(syni.currency).toBe('EUR');
    expect(syni.facts.find((f) => f.metric === 'revenue')?.concept).toBe('ifrs-full:Revenue');
    expect(syni.facts.find((f) => f.metric === 'capex')?.concept).toBe('ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities');
  });

  it('keeps one concept per filing and period, and every filing as a version across concepts', () => {
    const fact = (start: string, end: string, val: number, accn: string, filed: string) => ({ start, end, val, accn, fy: Number(filed.slice(0, 4)), fp: 'FY', form: '10-K', filed });
    const older = '0000004242-18-000001';
    const newer = '0000004242-19-000001';
    const doc = parseCompanyFacts(
      JSON.stringify({
        cik: 4242,
        entityName: 'SYNTHETIC FALLBACK CO',
        facts: {
          'us-gaap': {
            // The FY2018 10-K moved to ASC 606 revenue and recast 2017 under it.
            RevenueFromContractWithCustomerExcludingAssessedTax: { units: { USD: [fact('2018-01-01', '2018-12-31', 110, newer, '2019-02-01'), fact('2017-01-01', '2017-12-31', 105, newer, '2019-02-01')] } },
            // The same filing also tags 2018 under the old concept: within one filing the preferred concept wins.
            SalesRevenueNet: { units: { USD: [fact('2017-01-01', '2017-12-31', 100, older, '2018-02-01'), fact('2018-01-01', '2018-12-31', 999, newer, '2019-02-01')] } },
          },
        },
      }),
      'synthetic',
    );
    const rev = mapCompanyFacts(doc, { ticker: 'X', cik: 4242, source: 'synthetic' }).facts;
    const rows = rev.map((f) => [f.periodEnd, f.value, f.concept, f.accession, f.preferred]).sort((x, y) => String(x[0]).localeCompare(String(y[0])) || String(x[3]).localeCompare(String(y[3])));
    expect(rows).toEqual([
      ['2017-12-31', 100, 'us-gaap:SalesRevenueNet', older, false],
      ['2017-12-31', 105, 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax', newer, true],
      ['2018-12-31', 110, 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax', newer, true],
    ]);
  });

  it('rejects a document that is not companyfacts, naming the problem', () => {
    expect(() => parseCompanyFacts('{"cik": 1018724, "entityName": "AMAZ', 'the body')).toThrow(/malformed JSON in the body \(\d+ bytes\)/);
    expect(() => parseCompanyFacts('[1, 2]', 'the body')).toThrow(SecError);
    expect(() => parseCompanyFacts('{"cik": 1, "entityName": "X", "facts": {"us-gaap": []}}', 'the body')).toThrow(/not a valid companyfacts document: facts\.us-gaap/);
  });
});

describe('concept map', () => {
  it('maps only metrics the series engine knows', () => {
    for (const m of CONCEPT_MAP) expect(METRIC_IDS.includes(m.metric) || m.metric === 'finance_lease_additions', m.metric).toBe(true);
  });

  it('is documented concept by concept in docs/sync.md (the table there is conceptMapTable())', () => {
    const doc = readFileSync(new URL('../../docs/sync.md', import.meta.url), 'utf8');
    expect(doc).toContain(conceptMapTable());
    for (const c of allMappedConcepts()) expect(doc, `docs/sync.md lacks ${c}`).toContain(c);
    for (const m of CONCEPT_MAP) expect(doc, `docs/sync.md lacks ${m.metric}`).toContain(`\`${m.metric}\``);
  });
});
