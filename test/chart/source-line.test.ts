// The line under a chart names the documents the plotted values cite: the forms actually plotted,
// whose releases, which secondary sites, and how the values were verified, never a fixed sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { getSeries } from '../../src/series/engine.js';
import { seriesSourceLine, sourcesSentence } from '../../src/chart/source-line.js';
import { groupedColumnSpec } from '../../src/chart/specs/grouped-column.js';
import { bundledStore } from '../helpers/bundled-store.js';
import type { SeriesResult } from '../../src/model/series.js';

/** Every document the plotted (non-null) points cite, as the store has it. */
const cited = (r: SeriesResult) => r.series.flatMap((s) => s.points.filter((p) => p.value !== null).flatMap((p) => p.sources));

describe('chart source line', () => {
  let store: Store;
  beforeAll(async () => {
    store = await bundledStore();
  });
  afterAll(() => store.close());

  it('names exactly the SEC forms the plotted points cite', async () => {
    for (const period of ['fy', 'quarter'] as const) {
      const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN', 'GOOGL', 'META'], period, from: '2024', to: '2025' });
      const forms = new Set(cited(r).flatMap((s) => (s.url.includes('sec.gov') && s.form && /^(10-K|10-Q)$/.test(s.form) ? [s.form] : [])));
      expect(forms.size).toBeGreaterThan(0);
      const line = seriesSourceLine(r);
      expect(line).toMatch(new RegExp(`^Sources?: Form ${[...forms].sort().join(' and ')} filings, SEC EDGAR`));
      for (const f of ['10-K', '10-Q']) if (!forms.has(f)) expect(line).not.toContain(f);
    }
  });

  it('says whose releases and which secondary sites, from the documents themselves', async () => {
    const r = await getSeries(store.db, { metric: 'revenue', tickers: ['BABA'], period: 'quarter', from: '2024-Q1', to: '2026-Q2' });
    const docs = cited(r);
    const line = seriesSourceLine(r);
    if (docs.some((s) => s.form === '6-K')) expect(line).toContain('Alibaba results releases (Form 6-K)');
    for (const s of docs.filter((d) => d.verified === 'secondary')) expect(line).toContain(new URL(s.url).hostname.replace(/^www\./, ''));
    // The verification sentence counts one level per plotted value.
    const plotted = r.series[0]!.points.filter((p) => p.value !== null).length;
    const counted = [...line.matchAll(/(\d+) (?:XBRL|filing|mapped|secondary)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(plotted);
  });

  it('changes with what is plotted: a chart of one document cites only it', async () => {
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' });
    const [only] = cited(r);
    expect(only).toBeDefined();
    expect(sourcesSentence([{ ref: only!, owner: 'Amazon' }])).toBe(`Source: Form ${only!.form} filings, SEC EDGAR.`);
    // A secondary site is named as such.
    expect(sourcesSentence([{ ref: { url: 'https://platformonomics.com/2025/x', form: null, verified: 'secondary' }, owner: 'Amazon' }])).toBe('Source: secondary sources: platformonomics.com.');
  });

  it('is the footer of the chart, with the data-as-of line under it, and bars keep their links', async () => {
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN', 'MSFT'], period: 'fy', from: '2023', to: '2025' });
    const spec = groupedColumnSpec(r) as { layer: { data?: { values: { text: string[] }[] } }[]; data: { values: { sourceUrl: string | null }[] } };
    const footer = spec.layer.at(-1)!.data!.values[0]!.text.join(' ');
    expect(footer).toContain(seriesSourceLine(r).split('\n')[0]!.split(' ').slice(0, 4).join(' '));
    expect(footer).toContain(`Data as of: figures to ${r.dataAsOf.newestPeriodEnd}`);
    const firstUrls = r.series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.sources[0]!.url));
    expect(spec.data.values.filter((v) => v.sourceUrl).map((v) => v.sourceUrl)).toEqual(firstUrls);
  });
});
