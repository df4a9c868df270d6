// Fitting a chart whose spec sets the plot's width to the whole width its frame asks for: the
// value axis and a legend take what their labels need, which only a drawing knows. The chart is
// drawn at an estimated plot width, measured, and redrawn once with the plot changed by the miss.
// Used by the charts Vega-Lite lays out itself (models, share prices); the money charts work
// their layout out in pixels instead (chart-layout.ts).
import type { TopLevelSpec } from 'vega-lite';

/** The width of a drawn chart (its SVG's). */
export type MeasureWidth = (spec: TopLevelSpec) => Promise<number>;

/** The narrowest plot drawn. */
export const MIN_PLOT = 160;

/** The spec for `width` CSS pixels in all, from a first plot width `estimate`; never wider than asked (a wider drawing is scaled down to fit its frame). */
export async function fitToWidth(width: number, estimate: number, build: (plotWidth: number) => TopLevelSpec, measure: MeasureWidth): Promise<TopLevelSpec> {
  const spec = build(estimate);
  const miss = width - (await measure(spec));
  if (miss >= 0 && miss <= 3) return spec;
  return build(Math.max(MIN_PLOT, estimate + miss - 1));
}
