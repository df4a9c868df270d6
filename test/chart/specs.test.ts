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

  it('carries title, subtitle, alt text, source line and tooltips', () => {
    const custom = groupedColumnSpec(result, { subtitle: 'Purchases of property and equipment; fiscal years', sourceLine: 'Source: test' });
    expect(custom.title).toEqual({ text: 'Capex, FY2022–FY2025', subtitle: 'Purchases of property and equipment; fiscal years' });
    expect(custom.description).toContain('Largest: Amazon FY2025, $131.8B.');
    expect(JSON.stringify(layersOf(custom).at(-1))).toContain('Source: test');
    const titles = layersOf(spec)[0].encoding.tooltip.map((t: { title: string }) => t.title);
    expect(titles).toEqual(['Company', 'Period', 'capex', 'Basis', 'Figure', 'Source', 'Verified']);
  });

  it('marks an incomplete value in its empty slot', () => {
    const marked = groupedColumnSpec(withIncompleteAlphabet());
    const markers = layersOf(marked)[1];
    expect(markers.mark.type).toBe('text');
    expect(markers.transform?.[0]).toEqual({ filter: 'datum.value === null' });
    expect(rowsOf(marked).find((r) => r.missing === 'incomplete')?.missingText).toBe('incomplete');
  });
});

describe('lineSpec and stackedColumnSpec', () => {
  it('break lines at gaps and name the gap under the period label', () => {
    const spec = lineSpec(withIncompleteAlphabet());
    const [line] = layersOf(spec);
    expect(line.mark).toMatchObject({ type: 'line', invalid: 'break-paths-filter-domains' });
    expect(line.encoding.x.axis.labelExpr).toBe('datum.value === "FY2025" ? ["FY2025","Alphabet: incomplete"] : datum.label');
  });

  it('stack companies in series order', () => {
    const [bars] = layersOf(stackedColumnSpec(capexSeries()));
    expect(bars.encoding.y.stack).toBe('zero');
    expect(bars.encoding.order).toEqual({ field: 'stackOrder', sort: 'ascending' });
  });

  it('refuse to stack percentages', () => {
    expect(() => stackedColumnSpec({ ...capexSeries(), unit: 'percent', currency: null })).toThrow(/stacked needs a money metric/);
  });

  it('format percent axes with a percent sign', () => {
    const [line] = layersOf(lineSpec({ ...capexSeries(), unit: 'percent', currency: null }));
    expect(line.encoding.y.axis.labelExpr).toBe("format(datum.value, ',.6~r') + '%'");
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
