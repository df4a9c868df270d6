// The x scale Vega will draw a chart with, rebuilt outside Vega so annotation markers can be
// laid out in pixels before rendering. Its parameters are read from the compiled spec (not
// restated here), and the scale is Vega's own implementation, so the two cannot disagree.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { placeDate, type PeriodSpan } from './period-timeline.js';

export interface PeriodXScale {
  /** band (columns) or point (lines). */
  type: 'band' | 'point';
  /** Left edge of a label's band, or the position of its point. */
  at(label: string): number;
  /** Width of the stretch of pixels a label's time maps onto (the band; a point's step). */
  span: number;
}

interface VegaScaleDef {
  name: string;
  type: string;
  domain: unknown;
  [key: string]: unknown;
}

const PASS_THROUGH = ['paddingInner', 'paddingOuter', 'padding', 'align', 'round'] as const;

export function periodXScale(spec: TopLevelSpec, width: number): PeriodXScale {
  const compiled = compile(spec).spec as { scales?: VegaScaleDef[] };
  const def = compiled.scales?.find((s) => s.name === 'x');
  if (!def || (def.type !== 'band' && def.type !== 'point') || !Array.isArray(def.domain)) {
    throw new Error('annotations need a chart whose x axis is a list of periods');
  }
  // vega.scale(type) returns the constructor Vega itself uses for that scale type.
  const scale = (vega as unknown as { scale(type: string): () => any }).scale(def.type)();
  scale.domain(def.domain).range([0, width]);
  for (const key of PASS_THROUGH) if (typeof def[key] === 'number' || typeof def[key] === 'boolean') scale[key](def[key]);
  const type = def.type;
  return { type, at: (label) => scale(label), span: type === 'band' ? scale.bandwidth() : scale.step() };
}

/**
 * The x pixel of a date: inside the band of the period containing it, at the fraction of the
 * period elapsed (a band's left edge is the period's first day). On a line chart a point
 * stands for its whole period, so the period spreads over one step centred on the point.
 */
export function xOfDate(x: PeriodXScale, timeline: PeriodSpan[], date: string): number | null {
  const place = placeDate(timeline, date);
  if (!place) return null;
  const left = x.type === 'band' ? x.at(place.label) : x.at(place.label) - x.span / 2;
  return left + place.fraction * x.span;
}
