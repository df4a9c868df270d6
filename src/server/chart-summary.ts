// What a page needs to know about a chart without drawing it (the browser fetches the drawing
// for its own width): its title, its alt text and the periods it shows.
import type { SeriesResult } from '../model/series.js';
import { resolveChartOptions, type ChartOptions } from '../chart/chart-options.js';
import type { ChartType } from '../chart/chart-type.js';
import { describeChart } from '../chart/describe.js';
import { visiblePeriods } from '../chart/period-axis.js';

export interface ChartSummary {
  title: string;
  alt: string;
  periods: string[];
}

export function chartSummary(result: SeriesResult, options: ChartOptions & { type: ChartType }): ChartSummary {
  const { type, ...rest } = options;
  return { title: resolveChartOptions(result, rest).title, alt: describeChart(result, { type }).alt, periods: visiblePeriods(result) };
}
