// The Vega-Lite spec for a chart query: a series chart from buildChart (with its events marked
// when the query says `annotate`), or a named figure (plan-vs-actual) from its own data and
// spec builder, as `airace chart --preset` does.
import type { TopLevelSpec } from 'vega-lite';
import type { RaceEvent } from '../model/race-event.js';
import type { SeriesResult } from '../model/series.js';
import type { ReadDb } from '../series/read-db.js';
import { buildChart } from '../chart/chart.js';
import { chartPreset } from '../chart/presets.js';
import { presetAnnotations } from '../chart/preset-annotations.js';
import { figurePreset } from '../chart/figure-presets.js';
import { planVsActualSpec } from '../chart/specs/plan-vs-actual.js';
import { planVsActualData, type PlanVsActualData } from '../series/plan-vs-actual-data.js';
import { chartEvents } from '../series/chart-events.js';
import { chartOptionsOf, type ChartQuery } from './series-query.js';
import { seriesResultFor } from './series-result.js';
import type { Company } from '../model/company.js';

export interface ChartBuild {
  spec: TopLevelSpec;
  /** The series drawn; null for a figure preset, which is not one series. */
  result: SeriesResult | null;
  /** The events the query asked to mark (before the chart leaves out those outside its periods). */
  events: RaceEvent[];
  /** For file names: the preset, or metric-period. */
  name: string;
  /** A figure preset's own data (guidance histories, the pledge); null for a series chart. */
  figure: PlanVsActualData | null;
}

/** The events `q.annotate` selects for a chart of `result`; none without it. */
export async function chartEventsFor(db: ReadDb, q: ChartQuery, result: SeriesResult): Promise<RaceEvent[]> {
  const request = presetAnnotations(q.annotate ?? null, q.preset && !q.figure ? chartPreset(q.preset) : null);
  return request ? chartEvents(db, result, request) : [];
}

/** `known`: the companies the query was validated against, so the engine does not read them again. */
export async function chartSpecFor(db: ReadDb, q: ChartQuery, known?: Company[]): Promise<ChartBuild> {
  if (q.figure && q.preset) {
    const figure = figurePreset(q.preset);
    const data = await planVsActualData(db, figure);
    const custom = { ...(q.title ? { title: q.title } : {}), ...(q.subtitle ? { subtitle: q.subtitle } : {}) };
    return { spec: planVsActualSpec(data.histories, data.pledge, { ...figure.options, ...custom, ...(q.width ? { width: q.width } : {}) }), result: null, events: [], name: figure.name, figure: data };
  }
  const result = await seriesResultFor(db, q, known);
  const events = await chartEventsFor(db, q, result);
  return { spec: buildChart(result, { ...chartOptionsOf(q), ...(q.annotate ? { annotations: events } : {}) }), result, events, name: q.preset ?? `${result.metric}-${result.period}`, figure: null };
}
