// The Vega-Lite spec for a chart query: a series chart from buildChart, or a named figure
// (plan-vs-actual) from its own data and spec builder, as `airace chart --preset` does.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../model/series.js';
import type { Db } from '../store/database.js';
import { buildChart } from '../chart/chart.js';
import { figurePreset } from '../chart/figure-presets.js';
import { planVsActualSpec } from '../chart/specs/plan-vs-actual.js';
import { planVsActualData } from '../series/plan-vs-actual-data.js';
import { chartOptionsOf, type ChartQuery } from './series-query.js';
import { seriesResultFor } from './series-result.js';

export interface ChartBuild {
  spec: TopLevelSpec;
  /** The series drawn; null for a figure preset, which is not one series. */
  result: SeriesResult | null;
  /** For file names: the preset, or metric-period. */
  name: string;
}

export async function chartSpecFor(db: Db, q: ChartQuery): Promise<ChartBuild> {
  if (q.figure && q.preset) {
    const figure = figurePreset(q.preset);
    const data = await planVsActualData(db, figure);
    const custom = { ...(q.title ? { title: q.title } : {}), ...(q.subtitle ? { subtitle: q.subtitle } : {}) };
    return { spec: planVsActualSpec(data.histories, data.pledge, { ...figure.options, ...custom }), result: null, name: figure.name };
  }
  const result = await seriesResultFor(db, q);
  return { spec: buildChart(result, chartOptionsOf(q)), result, name: q.preset ?? `${result.metric}-${result.period}` };
}
