// The chart types a series can be drawn as. Its own module, so the spec builders and the
// description can name a type without importing chart.ts, which imports them (no cycle).

export const CHART_TYPES = ['grouped', 'line', 'stacked'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}
