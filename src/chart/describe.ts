// Alt text and a long description generated from the data, so every chart can be read
// without seeing it. Wording is deterministic: same data, same text (snapshots rely on it).
import type { SeriesResult } from '../model/series.js';
import type { ChartType } from './chart-type.js';
import { chartRows, periodLabels, type ChartRow } from './chart-data.js';
import { BASIS_WORDS, metricSummary, metricWords } from '../series/labels.js';
import { listOf, periodSpan, unitWords } from './chart-options.js';
import { formatChange, formatPercent, formatValue } from '../model/format-figure.js';

export interface ChartDescription {
  /** One paragraph for alt/aria-label: what is shown, extremes, biggest change, gaps. */
  alt: string;
  /** Every value by company, plus definitions, gaps and derivations. */
  long: string;
}

const TYPE_NAMES: Record<ChartType, string> = {
  grouped: 'Grouped column chart',
  line: 'Line chart',
  stacked: 'Stacked column chart',
};

/** At most this many gaps are listed in the alt text; the long description lists all. */
const ALT_MISSING_LIMIT = 3;

export function describeChart(result: SeriesResult, { type }: { type: ChartType }): ChartDescription {
  const rows = chartRows(result);
  const present = rows.filter(isPresent);
  const missing = rows.filter((r) => r.value === null);
  const fmt = (v: number) => formatValue(v, result.unit);
  const at = (r: PresentRow) => `${r.name} ${r.label}, ${fmt(r.value)}`;

  const labels = periodLabels(result);
  const range = labels.length === 0 ? 'no periods' : periodSpan(result);
  const unit = result.unit === 'percent' ? 'percent' : unitWords(result.unit);
  const what =
    `${TYPE_NAMES[type]} of ${metricWords(result.metric)} in ${unit} for ` +
    `${listOf(result.series.map((s) => s.name)) || 'no companies'}, ${range}.`;

  const facts: string[] = [];
  if (present.length === 0) {
    facts.push('No values are available.');
  } else {
    const largest = present.reduce((a, b) => (b.value > a.value ? b : a));
    const smallest = present.reduce((a, b) => (b.value < a.value ? b : a));
    facts.push(`Largest: ${at(largest)}.`, `Smallest: ${at(smallest)}.`);
    const change = biggestChange(rows);
    if (change) {
      const pct = change.from.value === 0 ? 'from zero' : formatPercentChange(change.delta / Math.abs(change.from.value) * 100);
      facts.push(
        `Biggest change: ${change.to.name}, ${change.from.label} to ${change.to.label}, ` +
          `${formatChange(change.delta, result.unit)} (${pct}).`,
      );
    }
  }

  const gaps = missing.map((r) => `${r.name} ${r.label} (${r.missingText})`);
  const altGaps =
    gaps.length === 0
      ? []
      : gaps.length <= ALT_MISSING_LIMIT
        ? [`Not shown: ${listOf(gaps)}.`]
        : [`Not shown: ${gaps.length} values with no complete data.`];

  const alt = [what, ...facts, ...altGaps].join(' ');

  const byCompany = result.series.map((s) => {
    const values = rows
      .filter((r) => r.ticker === s.ticker)
      .map((r) => `${r.label} ${r.value === null ? r.missingText : fmt(r.value)}`);
    return `${s.name}: ${values.join('; ') || 'no values'}.`;
  });
  const definitions = result.series
    .filter((s) => s.definition)
    .map((s) => `${s.name} uses its own definition: ${s.definition}.`);
  const longGaps = result.series.flatMap((s) =>
    s.points
      .filter((p) => p.value === null)
      .map((p) => {
        const partial = p.partialValue === null ? '' : `; the available parts sum to ${fmt(p.partialValue)}`;
        return `${s.name} ${p.label}: ${p.missing?.reason ?? 'no-data'}${p.missing?.detail ? ` (${p.missing.detail})` : ''}${partial}`;
      }),
  );
  const derived = present.filter((r) => r.derived).map((r) => `${r.name} ${r.label} (${r.derivation ?? 'computed'})`);

  const long = [
    `${what} Basis: ${BASIS_WORDS[result.basis]}.`,
    `Definition: ${metricSummary(result.metric)}`,
    ...definitions,
    ...byCompany,
    ...facts,
    ...(longGaps.length ? [`Missing or incomplete values, not drawn: ${longGaps.join('; ')}.`] : []),
    ...(derived.length ? [`Computed by airace rather than reported: ${derived.join('; ')}.`] : []),
  ].join('\n');

  return { alt, long };
}

type PresentRow = ChartRow & { value: number };

function isPresent(r: ChartRow): r is PresentRow {
  return r.value !== null;
}

/**
 * The largest absolute move between consecutive periods of one company; first wins ties.
 * A gap breaks the chain: FY2022 → FY2024 across a missing FY2023 is not a change between consecutive periods.
 */
function biggestChange(rows: ChartRow[]) {
  let best: { from: PresentRow; to: PresentRow; delta: number } | null = null;
  for (let i = 1; i < rows.length; i++) {
    const [from, to] = [rows[i - 1], rows[i]];
    if (from.ticker !== to.ticker || !isPresent(from) || !isPresent(to)) continue;
    const delta = to.value - from.value;
    if (!best || Math.abs(delta) > Math.abs(best.delta)) best = { from, to, delta };
  }
  return best;
}

function formatPercentChange(pct: number): string {
  return `${pct < 0 ? '-' : '+'}${formatPercent(Math.abs(pct))}`;
}
