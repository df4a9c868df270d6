// A metric reported in segments (Microsoft's Intelligent Cloud and Microsoft Cloud) is never joined
// across them: on the bundled data every derived value's sources are one segment, a value that
// would join two is missing and says so, and `segment` asks for one segment's own figures. The
// synthetic stores below are built in the tests (SYNTHETIC values, never shown as data).
import { describe, expect, it } from 'vitest';
import { getSeries } from '../../src/series/engine.js';
import { computeSeries } from '../../src/series/compute-series.js';
import { segmentOfFact, segmentOption } from '../../src/series/segments.js';
import { insertFacts } from '../../src/store/facts-repository.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import type { FactInput } from '../../src/model/fact.js';
import type { Company } from '../../src/model/company.js';
import type { SeriesPoint, SeriesResult } from '../../src/model/series.js';
import type { Store } from '../../src/store/database.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { runCli } from '../helpers/run-cli.js';
import { testServer } from '../server/test-server.js';

const MSFT = { ticker: 'MSFT', metric: 'cloud_revenue' };
const segmentOfNote = (note: string | null) => segmentOfFact(MSFT.ticker, MSFT.metric, note)?.name ?? null;
const pointsOf = (r: SeriesResult): SeriesPoint[] => r.series[0]!.points;

/** Every point with a value is one segment, and so is every source it cites. */
function expectOneSegmentEach(points: SeriesPoint[], what: string): void {
  for (const p of points.filter((x) => x.value !== null)) {
    expect(p.segment, `${what} ${p.label} names its segment`).toBeTruthy();
    for (const s of p.sources) expect(segmentOfNote(s.note), `${what} ${p.label} cites fact ${s.factId}`).toBe(p.segment);
  }
}

forEachDialect('segments in series', (dialect) => {
  const store = bundledStoreFor(dialect);

  describe('Microsoft cloud revenue on the bundled data', () => {
    it('never joins two segments in a TTM, a calendar or fiscal year, a quarter or a growth rate', async () => {
      const joined: string[] = [];
      for (const period of ['ttm', 'cy', 'fy', 'quarter'] as const) {
        for (const transform of [undefined, 'yoy'] as const) {
          const r = await computeSeries(store().db, { metric: MSFT.metric, companies: MSFT.ticker, period, from: '2022', to: '2026', basis: 'actual', transform });
          expectOneSegmentEach(pointsOf(r), `${period}${transform ? ` ${transform}` : ''}`);
          joined.push(...pointsOf(r).flatMap((p) => (p.missing && /join/.test(p.missing.detail) ? [p.missing.detail] : [])));
        }
      }
      // The data has neighbouring quarters of both segments, so some values are refused, naming both.
      expect(joined.some((d) => /^MSFT cloud_revenue: missing .+; the figures on record join (Intelligent|Microsoft) Cloud \(\d{4}-Q\d.*\) and (Intelligent|Microsoft) Cloud \(\d{4}-Q\d/.test(d))).toBe(true);
      expect(joined.some((d) => /^growth not derivable: it joins (Intelligent|Microsoft) Cloud \(\d{4}-Q\d\) and (Intelligent|Microsoft) Cloud \(\d{4}-Q\d\)$/.test(d))).toBe(true);
    });

    it('gives each segment its own stated figures with --segment', async () => {
      for (const name of ['Intelligent Cloud', 'Microsoft Cloud']) {
        const rows = csvFacts.filter((f) => f.ticker === MSFT.ticker && f.metric === MSFT.metric && f.basis === 'actual' && segmentOfNote(f.note) === name);
        expect(rows.length, `${name} rows in data/facts.csv`).toBeGreaterThan(2);
        const points = [
          ...pointsOf(await computeSeries(store().db, { metric: MSFT.metric, companies: MSFT.ticker, period: 'quarter', from: '2022', to: '2026', basis: 'actual', segment: name })),
          ...pointsOf(await computeSeries(store().db, { metric: MSFT.metric, companies: MSFT.ticker, period: 'fy', from: '2022', to: '2026', basis: 'actual', segment: name })),
        ];
        for (const p of points) expect(p.segment).toBe(name);
        expectOneSegmentEach(points, name);
        for (const row of rows) {
          const p = points.find((x) => x.start === row.period_start && x.end === row.period_end);
          expect(p, `${name} ${row.period_start}..${row.period_end} is a point`).toBeDefined();
          // Where a segment has several rows for a period, the preferred one of them stands.
          const same = rows.filter((r) => r.period_start === row.period_start && r.period_end === row.period_end);
          const chosen = same.find((r) => r.preferred === '1') ?? (same.length === 1 ? same[0] : undefined);
          if (chosen) expect(p!.value, `${name} ${row.period_start}..${row.period_end}`).toBe(Number(chosen.value) * 1e6);
          expect(p!.derived).toBe(false);
        }
      }
    });

    it('derives a quarter within one segment equal to the stated figures it comes from', async () => {
      // Microsoft Cloud states FY2026 and three of its quarters; the fourth is the year less them.
      const r = await computeSeries(store().db, { metric: MSFT.metric, companies: MSFT.ticker, period: 'quarter', from: '2025-Q3', to: '2026-Q2', basis: 'actual', segment: 'Microsoft Cloud' });
      const derived = pointsOf(r).filter((p) => p.derived && p.value !== null);
      for (const p of derived) {
        const [year, ...quarters] = p.sources;
        expect(p.value).toBe(year!.value - quarters.reduce((s, q) => s + q.value, 0));
      }
      // Summing the four quarters back gives the stated year exactly.
      const all = pointsOf(r);
      if (all.every((p) => p.value !== null)) {
        const fy = pointsOf(await computeSeries(store().db, { metric: MSFT.metric, companies: MSFT.ticker, period: 'fy', from: '2026', to: '2026', basis: 'actual', segment: 'Microsoft Cloud' }))[0]!;
        expect(all.reduce((s, p) => s + p.value!, 0)).toBe(fy.value);
      }
    });

    it('rejects an unknown segment, or one of another company or metric, listing the known ones', async () => {
      expect(() => segmentOption('Bing')).toThrow(/unknown segment: Bing \(valid: AWS, Google Cloud, Intelligent Cloud, Microsoft Cloud, .*AI Cloud and Compute Services\)/);
      await expect((async () => computeSeries(store().db, { metric: MSFT.metric, companies: 'MSFT', period: 'fy', basis: 'actual', segment: 'Bing' }))()).rejects.toThrow(/unknown segment: Bing \(valid: .*Microsoft Cloud/);
      await expect(computeSeries(store().db, { metric: MSFT.metric, companies: 'AMZN', period: 'fy', basis: 'actual', segment: 'Microsoft Cloud' })).rejects.toThrow(/invalid segment: Microsoft Cloud \(Microsoft Cloud is a segment of MSFT; segments of cloud_revenue for the companies chosen: AWS; choose MSFT alone\)/);
      await expect(computeSeries(store().db, { metric: 'capex', companies: 'MSFT', period: 'fy', basis: 'actual', segment: 'Microsoft Cloud' })).rejects.toThrow(/capex of the companies chosen has no segments/);
    });
  });

  describe('a synthetic store', () => {
    const company: Company = { ticker: 'MSFT', name: 'Microsoft (synthetic)', kind: 'company', cik: null, country: 'US', fiscalYearEndMonth: 6, currency: 'USD', colour: '#777777', aliases: [], members: [] };
    // SYNTHETIC quarters of fiscal 2031 (July 2030 to June 2031).
    const QUARTERS = [['2030-07-01', '2030-09-30'], ['2030-10-01', '2030-12-31'], ['2031-01-01', '2031-03-31'], ['2031-04-01', '2031-06-30']] as const;
    const fact = (q: number, value: number, note: string, preferred = true): FactInput => ({
      ticker: 'MSFT', metric: 'cloud_revenue', concept: null, value, unit: 'USD', periodStart: QUARTERS[q]![0], periodEnd: QUARTERS[q]![1], basis: 'actual', confidence: 'medium', preferred,
      sourceKind: 'bundled', sourceUrl: 'https://example.invalid/synthetic', form: null, accession: null, filed: null, fy: null, fp: null, frame: null, note, readAt: null, verified: 'secondary', supersededBy: null,
    });
    const ic = (q: number, value: number, preferred = true) => fact(q, value, 'Intelligent Cloud SEGMENT (SYNTHETIC test fact)', preferred);
    const mc = (q: number, value: number) => fact(q, value, "'Microsoft Cloud' (SYNTHETIC test fact)");

    async function ttmOf(facts: FactInput[]): Promise<SeriesPoint> {
      const s: Store = await dialect.openFreshStore();
      try {
        await upsertCompany(s.db, company, 'bundled');
        await insertFacts(s.db, facts, null);
        const r = await getSeries(s.db, { metric: 'cloud_revenue', tickers: ['MSFT'], period: 'ttm', from: '2031-Q2', to: '2031-Q2' });
        return pointsOf(r)[0]!;
      } finally {
        await s.close();
      }
    }

    it('sums four quarters of one segment into a TTM', async () => {
      const values = [1_000e6, 1_100e6, 1_200e6, 1_300e6];
      const p = await ttmOf(values.map((v, q) => ic(q, v)));
      expect(p.value).toBe(values.reduce((a, b) => a + b, 0));
      expect(p.segment).toBe('Intelligent Cloud');
      expect(p.derived).toBe(true);
    });

    it('refuses a TTM whose quarters are two segments, naming both', async () => {
      const p = await ttmOf([ic(0, 1_000e6), ic(1, 1_100e6), ic(2, 1_200e6), mc(3, 2_600e6)]);
      expect(p.value).toBeNull();
      expect(p.segment).toBeNull();
      expect(p.missing?.detail).toBe('MSFT cloud_revenue: not derivable (sum of 4 quarters would join Intelligent Cloud (2030-Q3, 2030-Q4, 2031-Q1) and Microsoft Cloud (2031-Q2); no one segment has every period)');
    });

    it('uses one segment’s versions when it has every quarter', async () => {
      // The preferred June quarter is Microsoft Cloud, but an Intelligent Cloud version exists too.
      const p = await ttmOf([ic(0, 1_000e6), ic(1, 1_100e6), ic(2, 1_200e6), mc(3, 2_600e6), ic(3, 1_300e6, false)]);
      expect(p.value).toBe(4_600e6);
      expect(p.segment).toBe('Intelligent Cloud');
    });
  });
});

describe('the CLI and the API', () => {
  it('airace series --segment names the known segments for an unknown one', async () => {
    const r = await runCli(['--db', ':memory:', 'series', '-c', 'MSFT', '-m', 'cloud_revenue', '--segment', 'Bing']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown segment: Bing \(valid: AWS, Google Cloud, Intelligent Cloud, Microsoft Cloud/);
  });

  it('GET /api/v1/series takes segment=, and answers an unknown one with a 400 listing the known ones', async () => {
    const server = await testServer();
    try {
      const ok = await server.app.inject('/api/v1/series?metric=cloud_revenue&companies=MSFT&period=quarter&from=2024-Q4&to=2026-Q2&segment=intelligent%20cloud');
      expect(ok.statusCode).toBe(200);
      const points = (ok.json() as SeriesResult).series[0]!.points;
      expect(points.every((p) => p.segment === 'Intelligent Cloud')).toBe(true);
      expect(points.find((p) => p.label === '2026-Q1')?.value).toBe(Number(csvFacts.find((f) => f.ticker === 'MSFT' && f.metric === 'cloud_revenue' && f.period_start === '2026-01-01' && f.period_end === '2026-03-31' && f.preferred === '1')!.value) * 1e6);
      const bad = await server.app.inject('/api/v1/series?metric=cloud_revenue&companies=MSFT&segment=Bing');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/invalid segment: Bing \(expected one of AWS, Google Cloud, Intelligent Cloud, Microsoft Cloud/);
      const other = await server.app.inject('/api/v1/series?metric=cloud_revenue&companies=AMZN&segment=Microsoft%20Cloud');
      expect(other.statusCode).toBe(400);
      expect(other.body).toMatch(/invalid segment: Microsoft Cloud \(Microsoft Cloud is a segment of MSFT/);
    } finally {
      await server.close();
    }
  });
});
