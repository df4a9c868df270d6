// The value axis, computed before Vega draws it so the layout can measure its labels: a
// zero-based "nice" domain, a tick count that suits the axis length, and labels at one scale
// ("$0", "$50B", "$100B"; "$0", "$0.5T", "$1.8T"; "0%", "25%").
import * as vega from 'vega';
import { currencyPrefix, moneyScaleFor } from '../model/format-figure.js';
import { measureText } from './text-metrics.js';
import { formatEnUs } from '../model/number-format.js';

export interface ValueScale {
  domain: [number, number];
  ticks: number[];
  /** Labels of the ticks, in order. */
  labels: string[];
  /** The Vega expression that writes those labels (the axis draws them itself). */
  labelExpr: string;
  /** Widest label in pixels at `fontSize`. */
  labelWidth: number;
  /** Pixel position of a value on an axis of `length` pixels (0 at the low end). */
  at(value: number, length: number): number;
}

/** About one tick per `spacing` pixels of axis, between 2 and 6 intervals. */
export function tickCountFor(length: number, spacing: number): number {
  return Math.max(2, Math.min(6, Math.floor(length / spacing)));
}

export function valueScale(values: readonly number[], unit: string, { tickCount, fontSize }: { tickCount: number; fontSize: number }): ValueScale {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // vega.scale(type) returns the constructor Vega itself uses, so the ticks match what it draws.
  const scale = (vega as unknown as { scale(type: string): () => any }).scale('linear')();
  scale.domain([lo, hi === lo ? lo + 1 : hi]).nice(tickCount);
  const domain = scale.domain() as [number, number];
  const ticks = (scale.ticks(tickCount) as number[]).filter((t) => t >= domain[0] && t <= domain[1]);
  const { labels, labelExpr } = tickFormat(ticks, unit);
  return {
    domain,
    ticks,
    labels,
    labelExpr,
    labelWidth: Math.max(...labels.map((l) => measureText(l, fontSize))),
    at: (value, length) => ((value - domain[0]) / (domain[1] - domain[0])) * length,
  };
}

/** Labels at the scale of the largest tick, with as few decimals as the ticks need. */
function tickFormat(ticks: number[], unit: string): { labels: string[]; labelExpr: string } {
  const percent = unit === 'percent';
  const scale = percent ? null : moneyScaleFor(ticks);
  const size = scale?.size ?? 1;
  const decimals = [0, 1, 2].find((d) => ticks.every((t) => Math.abs(Number((t / size).toFixed(d)) - t / size) < 1e-9)) ?? 2;
  const prefix = percent ? '' : currencyPrefix(unit);
  const suffix = percent ? '%' : (scale?.suffix ?? '');
  const label = (t: number) =>
    t === 0 ? `${prefix}0${percent ? '%' : ''}` : `${t < 0 ? '-' : ''}${prefix}${formatEnUs(Math.abs(t / size), decimals, decimals)}${suffix}`;
  // The same rule as a Vega expression; prefix and suffix are our own constants, never user text.
  const zero = JSON.stringify(`${prefix}0${percent ? '%' : ''}`);
  const labelExpr = `datum.value === 0 ? ${zero} : (datum.value < 0 ? '-' : '') + ${JSON.stringify(prefix)} + format(abs(datum.value) / ${size}, ',.${decimals}f') + ${JSON.stringify(suffix)}`;
  return { labels: ticks.map(label), labelExpr };
}
