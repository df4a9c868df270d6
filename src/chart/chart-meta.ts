// What airace keeps in a Vega-Lite spec's `usermeta.airace`: the chart's own text (drawn as text
// marks, so Vega-Lite's title is unused), its long description, its layout and the events it
// marks. Builders write it and renderers, pages and the CLI read it through this one module.
import type { TopLevelSpec } from 'vega-lite';
import type { LaneLayout } from './annotation-layout.js';
import type { PlacedAnnotation } from './annotation-layers.js';

export interface ChartLayoutMeta {
  width: number;
  plotWidth?: number;
  plotHeight?: number;
  orientation?: 'vertical' | 'horizontal';
  /** Every period on the axis, in order. */
  periods?: string[];
  /** The period labels drawn (thinned where they would collide). */
  axisLabels?: string[];
}

export interface ChartAnnotationsMeta {
  mode: LaneLayout['mode'] | 'none';
  placed: PlacedAnnotation[];
  /** Events outside the chart's periods, not drawn. */
  omitted: string[];
}

export interface ChartMeta {
  /** What drew it: a chart type (grouped, line…), plan-vs-actual, price-line or a models chart. */
  type: string;
  longDescription: string;
  metric?: string;
  unit?: string;
  title?: string;
  subtitle?: string;
  layout?: ChartLayoutMeta;
  /** The series a price chart draws, and the day it is rebased to (null when not rebased). */
  series?: string;
  rebase?: string | null;
  annotations?: ChartAnnotationsMeta;
}

/** The spec's airace metadata; null for a spec no airace builder made. */
export function chartMeta(spec: TopLevelSpec): ChartMeta | null {
  // The one place usermeta is read: every airace builder writes it through withChartMeta.
  const meta = (spec.usermeta as { airace?: ChartMeta } | undefined)?.airace;
  return meta ?? null;
}

/** The usermeta of a spec written as one literal: `{ …, usermeta: chartUsermeta(meta) }`. */
export function chartUsermeta(meta: ChartMeta): { airace: ChartMeta } {
  return { airace: meta };
}

/** The spec with `meta` as its airace metadata (replacing any before). */
export function withChartMeta<S extends TopLevelSpec>(spec: S, meta: ChartMeta): S {
  return { ...spec, usermeta: { ...spec.usermeta, ...chartUsermeta(meta) } };
}
