import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/chart/wrap-text.js';
import { groupedColumnSpec } from '../../src/chart/specs/grouped-column.js';
import { capexSeries } from './fixture-series.js';

describe('wrapText', () => {
  it('breaks at spaces within the character budget and keeps every word', () => {
    const text = 'Capex = cash paid for property and equipment (cash-flow statement), excluding finance leases.';
    const lines = wrapText(text, 300, 12); // budget: 300 / (12 * 0.5) = 50 characters
    expect(lines.every((l) => l.length <= 50)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps a short title as one line and wraps a long subtitle in the spec', () => {
    const spec = groupedColumnSpec(capexSeries(), { subtitle: 'word '.repeat(60).trim() });
    const title = spec.title as { text: unknown; subtitle: unknown };
    expect(title.text).toBe('Capex, FY2022–FY2025');
    expect(Array.isArray(title.subtitle) && title.subtitle.length).toBe(3);
  });
});
