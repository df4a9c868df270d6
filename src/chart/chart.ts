// Entry point for views: pick a chart type by name and get a Vega-Lite spec.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../model/series.js';
import type { ChartOptions } from './chart-options.js';
import { CHART_TYPES, isChartType, type ChartType } from './chart-type.js';
import { groupedColumnSpec } from './specs/grouped-column.js';
import { lineSpec } from './specs/line.js';
import { stackedColumnSpec } from './specs/stacked-column.js';
import { UnknownChoiceError } from '../model/errors.js';

export { CHART_TYPES, isChartType, type ChartType } from './chart-type.js';

const BUILDERS: Record<ChartType, (result: SeriesResult, options: ChartOptions) => TopLevelSpec> = {
  grouped: groupedColumnSpec,
  line: lineSpec,
  stacked: stackedColumnSpec,
};

export function buildChart(result: SeriesResult, { type, ...options }: ChartOptions & { type: string }): TopLevelSpec {
  if (!isChartType(type)) throw new UnknownChoiceError('type', String(type), CHART_TYPES);
  return BUILDERS[type](result, options);
}
