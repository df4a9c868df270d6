// A chart with events marked on its time axis: the call for code that already holds the
// events (the web server lists them once and draws many charts).
import type { TopLevelSpec } from 'vega-lite';
import type { RaceEvent } from '../model/race-event.js';
import type { SeriesResult } from '../model/series.js';
import type { ChartOptions } from './chart-options.js';
import { buildChart } from './chart.js';

/** Same as buildChart(result, { type, ...options, annotations: events }). */
export function annotatedChart(result: SeriesResult, events: RaceEvent[], { type, ...options }: ChartOptions & { type: string }): TopLevelSpec {
  return buildChart(result, { type, ...options, annotations: events });
}
