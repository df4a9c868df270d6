import { describe, expect, it } from 'vitest';
import { buildChart, CHART_TYPES } from '../../src/chart/chart.js';
import type { ChartRow } from '../../src/chart/chart-data.js';
import { groupedColumnSpec } from '../../src/chart/specs/grouped-column.js';
import { lineSpec } from '../../src/chart/specs/line.js';
import { stackedColumnSpec } from '../../src/chart/specs/stacked-column.js';
import { capexRows, capexSeries, withIncompleteAlphabet, withMissingAlphabet } from './fixture-series.js';

const rowsOf = (spec: object) => (spec as { data: { values: ChartRow[] } }).data.values;
// Layers are plain objects here; the tests only read a few keys.
type AnyLayer = { mark: { type: string }; encoding: Record<string, any>; transform?: unknown[] };
const layersOf = (spec: object) => (spec as { layer: AnyLayer[] }).layer;

describe('groupedColumnSpec', () => {
  const result = capexSeries();
  const spec = groupedColumnSpec(result);

  it('embeds exactly the values of data/facts.csv, in currency units', () => {
    const csv = capexRows();
    const present = rowsOf(spec).filter((r) => r.value !== null);
    expect(present).toHaveLength(csv.size);
    expect(csv.size).toBe(16);
    for (const row of present) {
      const fact = csv.get(`${row.ticker} ${row.label}`)!;
      expect(row.value).toBe(Number(fact.value) * 1e6);
      expect([row.start, row.end, row.sourceUrl]).toEqual([fact.period_start, fact.period_end, fact.source_url]);
    }
    const amazon2022 = rowsOf(spec).find((r) => r.ticker === 'AMZN' && r.label === 'FY2022');
    expect(amazon2022?.value).toBe(63_645_000_000);
  });

  it('keeps a missing value as null with its reason, never as zero', () => {
    const gap = rowsOf(groupedColumnSpec(withMissingAlphabet())).find((r) => r.ticker === 'GOOGL' && r.label === 'FY2025');
    expect(gap).toMatchObject({ value: null, missing: 'no-data', missingText: 'no data', complete: false });
  });

  it('orders periods by start date and groups companies with fixed colours', () => {
    const [bars] = layersOf(spec);
    expect(bars.mark.type).toBe('bar');
    expect(bars.encoding.x.scale.domain).toEqual(['FY2022', 'FY2023', 'FY2024', 'FY2025']);
    expect(bars.encoding.xOffset.field).toBe('name');
    expect(bars.encoding.color.scale).toEqual({
      domain: ['Amazon', 'Microsoft', 'Alphabet', 'Meta'],
      range: ['#E69F00', '#0072B2', '#009E73', '#CC79A7'],
    });
    expect(bars.encoding.y.axis.labelExpr).toContain('"$"');
  });

  it('carries title, subtitle, alt text, source line and tooltips, text as data', () => {
    const custom = groupedColumnSpec(result, { subtitle: 'Purchases of property and equipment; fiscal years', sourceLine: 'Source: test' });
    const meta = (custom.usermeta as any).airace;
    expect(meta.title).toBe('Capital expenditures of Amazon, Microsoft, Alphabet and Meta, fiscal years 2022–2025');
    expect(meta.subtitle).toBe('Purchases of property and equipment; fiscal years');
    expect(custom.description).toContain('Largest: Amazon FY2025, $131.8B.');
    // Every text is a data row drawn through a field, never a mark value Vega would compile.
    const texts = layersOf(custom).filter((l) => l.mark.type === 'text');
    for (const l of texts) expect(l.encoding.text, JSON.stringify(l.encoding.text)).toHaveProperty('field');
    const lines = texts.flatMap((l) => ((l as any).data?.values ?? []).flatMap((v: { text?: string | string[] }) => v.text));
    expect(lines).toContain('Source: test');
    expect(lines).toContain('Purchases of property and equipment; fiscal years');
    const titles = layersOf(spec)[0].encoding.tooltip.map((t: { title: string }) => t.title);
    expect(titles).toEqual(['Company', 'Period', 'Capital expenditures', 'Basis', 'Figure', 'Source', 'Verified']);
  });

  it('names a gap once, under the chart, instead of text in its slot', () => {
    const marked = groupedColumnSpec(withIncompleteAlphabet());
    const lines = layersOf(marked).flatMap((l) => ((l as any).data?.values ?? []).flatMap((v: { text?: string | string[] }) => v.text));
    expect(lines).toContain('Gap: Alphabet FY2025 (incomplete).');
    expect(layersOf(marked).some((l) => JSON.stringify(l.transform ?? []).includes('datum.value === null'))).toBe(false);
    expect(rowsOf(marked).find((r) => r.missing === 'incomplete')?.missingText).toBe('incomplete');
  });
});

describe('lineSpec and stackedColumnSpec', () => {
  it('break lines at gaps and name the gap in the note', () => {
    const spec = lineSpec(withIncompleteAlphabet());
    const [line] = layersOf(spec);
    expect(line.mark).toMatchObject({ type: 'line', invalid: 'break-paths-filter-domains' });
    expect(JSON.stringify(spec)).toContain('Gap: Alphabet FY2025 (incomplete).');
  });

  it('stack companies in series order', () => {
    const [bars] = layersOf(stackedColumnSpec(capexSeries()));
    expect(bars.encoding.y.stack).toBe('zero');
    expect(bars.encoding.order).toEqual({ field: 'stackOrder', sort: 'ascending' });
  });

  it('refuse to stack percentages and growth rates, but stack shares of a total', () => {
    expect(() => stackedColumnSpec({ ...capexSeries(), unit: 'percent', currency: null })).toThrow(/invalid type: stacked \(stacked columns add the companies’ figures up/);
    expect(() => stackedColumnSpec({ ...capexSeries(), metric: 'capex_yoy', unit: 'percent', currency: null })).toThrow(/invalid type/);
    expect(() => stackedColumnSpec({ ...capexSeries(), metric: 'capex_share', unit: 'percent', currency: null })).not.toThrow();
  });

  it('format percent axes with a percent sign', () => {
    const [line] = layersOf(lineSpec({ ...capexSeries(), unit: 'percent', currency: null }));
    expect(line.encoding.y.axis.labelExpr).toContain('"%"');
  });
});

describe('buildChart', () => {
  it('dispatches on the chart type', () => {
    const result = capexSeries();
    expect(CHART_TYPES).toEqual(['grouped', 'line', 'stacked']);
    expect(buildChart(result, { type: 'grouped', width: 500 })).toEqual(groupedColumnSpec(result, { width: 500 }));
    expect(buildChart(result, { type: 'line' })).toEqual(lineSpec(result));
    expect(buildChart(result, { type: 'stacked' })).toEqual(stackedColumnSpec(result));
  });

  it('names the valid types when given another', () => {
    expect(() => buildChart(capexSeries(), { type: 'pie' })).toThrow('unknown type: pie (valid: grouped, line, stacked)');
  });
});
