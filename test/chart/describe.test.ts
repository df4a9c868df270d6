import { describe, expect, it } from 'vitest';
import { describeChart } from '../../src/chart/describe.js';
import { capexSeries, withGap, withMissingAlphabet } from './fixture-series.js';

describe('describeChart', () => {
  const result = withMissingAlphabet();

  it('says what is shown, the extremes, the biggest change and the gap', () => {
    const { alt } = describeChart(result, { type: 'grouped' });
    expect(alt).toBe(
      'Grouped column chart of capital expenditures in US dollars for Amazon, Microsoft, Alphabet and Meta, fiscal years 2022–2025. ' +
        'Largest: Amazon FY2025, $131.8B. Smallest: Microsoft FY2022, $23.9B. ' +
        'Biggest change: Amazon, FY2024 to FY2025, +$48.8B (+58.8%). ' +
        'Not shown: Alphabet FY2025 (no data).',
    );
  });

  it('lists every value and the reason for each gap in the long description', () => {
    const { long } = describeChart(result, { type: 'line' });
    expect(long).toMatch(/^Line chart of capital expenditures in US dollars/);
    // Plain words for screen readers too: no XBRL tag names.
    expect(long).not.toMatch(/PaymentsToAcquire/);
    expect(long).toContain('Meta: FY2022 $31.2B; FY2023 $27.0B; FY2024 $37.3B; FY2025 $69.7B.');
    expect(long).toContain('Alphabet FY2025: no-data (no GOOGL figure for FY2025 (synthetic test case))');
  });

  it('does not count a change across a gap as a change between consecutive periods', () => {
    const gappy = withGap(withMissingAlphabet(), 'AMZN', 'FY2024', { reason: 'incomplete', detail: 'Q4 missing' });
    const { alt } = describeChart(gappy, { type: 'grouped' });
    // Amazon FY2023 → FY2025 (+$79.1B) would win if the gap were skipped over.
    expect(alt).toContain('Biggest change: Meta, FY2024 to FY2025, +$32.4B (+87.1%).');
    expect(alt).toContain('Not shown: Amazon FY2024 (incomplete) and Alphabet FY2025 (no data).');
  });

  it('copes with a result without values', () => {
    const empty = { ...capexSeries(), series: [] };
    expect(describeChart(empty, { type: 'stacked' }).alt).toBe(
      'Stacked column chart of capital expenditures in US dollars for no companies, no periods. No values are available.',
    );
  });
});
