// The chart types airace draws, in their own module so the spec builders and the dispatcher
// (chart.ts) can both name them without importing each other.
export const CHART_TYPES = ['grouped', 'line', 'stacked'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}
