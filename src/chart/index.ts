// The chart module's public API.
export { buildChart, CHART_TYPES, isChartType, type ChartType } from './chart.js';
export { resolveChartOptions, type ChartOptions, type ResolvedChartOptions } from './chart-options.js';
export { seriesSourceLine, sourcesSentence, verificationSentence } from './source-line.js';
export { describeChart, type ChartDescription } from './describe.js';
export { formatChange, formatMoney, formatPercent, formatValue } from './format-money.js';
export { renderPng, renderSvg, renderVegaLiteJson, svgToPng } from './render.js';
export { groupedColumnSpec } from './specs/grouped-column.js';
export { lineSpec } from './specs/line.js';
export { stackedColumnSpec } from './specs/stacked-column.js';
export { annotatedChart } from './annotated-chart.js';
export { formatEventDate } from './format-event-date.js';
export { figurePreset, FIGURE_PRESET_NAMES, isFigurePreset, type PlanVsActualPreset } from './figure-presets.js';
export { guidanceText, planVsActualSpec, type PlanVsActualOptions } from './specs/plan-vs-actual.js';
