import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/chart/wrap-text.js';
import { measureText } from '../../src/chart/text-metrics.js';
import { groupedColumnSpec } from '../../src/chart/specs/grouped-column.js';
import { capexSeries } from './fixture-series.js';

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than the width in the bundled font, and keeps every word', () => {
    const text = 'Capex = cash paid for property and equipment (cash-flow statement), excluding finance leases.';
    const lines = wrapText(text, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => measureText(l, 12) <= 300)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps a short title as one line and wraps a long subtitle to the chart width', () => {
    const spec = groupedColumnSpec(capexSeries(), { title: 'Capex', subtitle: 'word '.repeat(60).trim(), width: 400 });
    const subtitle = ((spec as any).layer as any[]).find((l) => l.mark.type === 'text' && l.data?.values?.some((v: any) => v.text?.startsWith('word')));
    expect(subtitle.data.values.length).toBeGreaterThan(3);
    for (const v of subtitle.data.values) expect(measureText(v.text, 13)).toBeLessThanOrEqual(400 - 20);
  });
});
