// A models series over periods as lines: models released per year by the leading labs and
// companies, the open-weights share by country, the frontier compute to date (log scale). A
// missing value breaks the line (it is unknown, not zero); the footer counts what was left out.
import type { TopLevelSpec } from 'vega-lite';
import type { ModelSeriesResult } from '../../model/model-series.js';
import { retrievalAsOfText } from '../../series/data-as-of.js';
import { modelsChartFrame, type ModelsLayer } from './models-frame.js';
import { formatModelValue } from '../../model/format-figure.js';

export interface ModelSeriesChartOptions {
  title?: string;
  subtitle?: string;
  width?: number;
  height?: number;
  /** Legend entries per row, above the plot (a phone-sized chart); a legend beside the plot when unset. */
  legendColumns?: number;
  /** At most this many period labels on the x axis (every other one, every third…). */
  maxPeriodLabels?: number;
}

const METRIC_TITLES: Record<ModelSeriesResult['metric'], string> = {
  models_released: 'Notable AI models released',
  frontier_compute: 'Frontier training compute to date',
  max_compute: 'Largest training compute of the period',
  median_compute: 'Median training compute',
  open_weights_share: 'Share of models with open weights',
};

export function modelSeriesLineSpec(r: ModelSeriesResult, o: ModelSeriesChartOptions = {}): TopLevelSpec {
  const width = o.width ?? 720;
  const height = o.height ?? 360;
  const labels = [...new Set(r.series.flatMap((s) => s.points.map((p) => p.label)))];
  const rows = r.series.flatMap((s) =>
    s.points.map((p) => ({
      series: s.label,
      label: p.label,
      value: p.value,
      valueText: p.value === null ? (p.missing?.detail ?? 'missing') : formatModelValue(p.value, r.unit),
      basis: r.metric === 'open_weights_share' ? `${p.counted} of ${p.models} models with a known accessibility` : r.unit === 'FLOP' ? `${p.counted} of ${p.models} models with an estimate` : `${p.models} models`,
      source: p.sources.length === 1 ? `${p.sources[0]!.model} (${p.sources[0]!.publicationDate})` : p.sources.length ? `${p.sources.length} models` : '—',
      href: p.sources.length === 1 ? p.sources[0]!.url : null,
      counted: p.counted,
    })),
  );
  const log = r.unit === 'FLOP';
  const y =
    r.unit === 'percent'
      ? { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 100] }, axis: { labelExpr: "datum.value + '%'", tickCount: 5 } }
      : log
        ? { field: 'value', type: 'quantitative', title: null, scale: { type: 'log' }, axis: { labelExpr: "'1e' + round(log(datum.value) / LN10)" } }
        : { field: 'value', type: 'quantitative', title: null, axis: { tickMinStep: 1, format: 'd' } };
  const maxLabels = o.maxPeriodLabels ?? 12;
  const every = labels.length > maxLabels ? Math.ceil(labels.length / maxLabels) : 1;
  const encoding = {
    x: { field: 'label', type: 'ordinal', title: null, scale: { domain: labels }, axis: { labelAngle: 0, labelExpr: every > 1 ? `indexof(${JSON.stringify(labels)}, datum.value) % ${every} === 0 ? datum.value : ''` : undefined } },
    y,
    color: { field: 'series', type: 'nominal', title: r.by === 'country' ? 'Country' : 'Developer', scale: { domain: r.series.map((s) => s.label), range: r.series.map((s) => s.colour) }, ...(o.legendColumns ? { legend: { orient: 'top', columns: o.legendColumns, labelLimit: Math.max(60, Math.floor(width / o.legendColumns) - 30) } } : {}) },
    tooltip: [
      { field: 'series', title: r.by === 'country' ? 'Country' : 'Developer' },
      { field: 'label', title: 'Period' },
      { field: 'valueText', title: METRIC_TITLES[r.metric] },
      { field: 'basis', title: 'Based on' },
      { field: 'source', title: 'Source row' },
    ],
    href: { field: 'href' },
  };
  const share = r.metric === 'open_weights_share';
  const layers = [
    { data: { values: rows }, mark: { type: 'line', point: !share && { size: 40 }, strokeWidth: 2.2, invalid: 'break-paths-filter-domains' }, encoding },
    // A share of three models is not a share of eighty: the dot's area says how many were counted
    // (on a phone without its legend, which would not fit beside the colours; the table has the counts).
    ...(share ? [{ data: { values: rows }, mark: { type: 'point', filled: true, opacity: 1 }, encoding: { ...encoding, size: { field: 'counted', type: 'quantitative', title: 'Models counted', scale: { range: [15, 220] }, legend: o.legendColumns ? null : { orient: 'top', symbolType: 'circle' } } } }] : []),
  ] as unknown as ModelsLayer[];

  const missing = rows.filter((x) => x.value === null).length;
  const models = r.series.reduce((n, s) => n + s.points.reduce((k, p) => k + p.models, 0), 0);
  const counted = r.series.reduce((n, s) => n + s.points.reduce((k, p) => k + p.counted, 0), 0);
  const leftOut =
    r.metric === 'models_released' || models === counted
      ? null
      : `${models - counted} of ${models} models in these periods have no ${share ? 'recorded accessibility' : 'public compute estimate'} and are left out${r.metric === 'frontier_compute' ? ' (the frontier may be higher)' : ''}.`;
  const first = labels[0] ?? '';
  const last = labels.at(-1) ?? '';
  const alt = `Line chart: ${METRIC_TITLES[r.metric].toLowerCase()} by ${r.by === 'country' ? 'country group' : 'developer'}, ${first}–${last}, for ${r.series.map((s) => s.label).join(', ')}.${missing ? ` ${missing} points have no value and break their line.` : ''}`;
  const long = [
    alt,
    ...r.series.map((s) => `${s.label}: ${s.points.map((p) => `${p.label} ${p.value === null ? `none (${p.missing?.reason})` : formatModelValue(p.value, r.unit)}`).join(', ')}`),
  ].join('\n');
  return modelsChartFrame({
    kind: `models-${r.metric}`,
    title: o.title ?? `${METRIC_TITLES[r.metric]}, ${first}–${last}`,
    subtitle: o.subtitle ?? r.definition,
    width,
    height,
    alt,
    long,
    footer: [
      `${retrievalAsOfText(r.dataAsOf)}.${missing ? ` A gap in a line is a period with no value (no models, or none with ${r.unit === 'percent' ? 'a known accessibility' : 'an estimate'}), never zero.` : ''}`,
      ...(leftOut ? [leftOut] : []),
      ...(r.coverageEnd && r.coverageEnd < (r.series[0]?.points.at(-1)?.end ?? '') ? [`${last} runs to ${r.coverageEnd}, the newest model in the table.`] : []),
      r.credit,
    ],
    layers,
  });
}

