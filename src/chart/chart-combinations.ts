// Which metric × values × chart type combinations make a chart that means something, decided
// before anything is computed: the explore form disables the others with the reason, and the
// API answers them with a 400 naming the parameter, never a 500.
import type { Transform } from '../series/analytics.js';
import type { ChartType } from './chart-type.js';

export interface Refusal {
  parameter: 'type' | 'transform';
  reason: string;
}

export interface Combination {
  /** The metric's unit before any transform. */
  unit: 'money' | 'percent';
  transform?: Transform | null;
  type?: ChartType;
}

export const STACK_REASON = 'stacked columns add the companies’ figures up, which means nothing for percentages or growth rates';
export const SHARE_REASON = 'a share of the total needs figures that add up; this metric is already a percentage';

export function combinationRefusal({ unit, transform, type }: Combination): Refusal | null {
  if (transform === 'share' && unit === 'percent') return { parameter: 'transform', reason: SHARE_REASON };
  if (type === 'stacked' && (transform === 'yoy' || (unit === 'percent' && transform !== 'share'))) return { parameter: 'type', reason: STACK_REASON };
  return null;
}
