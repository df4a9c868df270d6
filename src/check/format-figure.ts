// Figures in reports: money at the scale people read it ("RMB 280.154B"), percentages, and
// signed differences. Builds on the chart module's currency prefixes so "RMB" and "$" match the charts.
import { currencyPrefix } from '../chart/format-money.js';

const SCALES = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
] as const;

/**
 * 280154e6, 'CNY', 3 → "RMB 280.154B"; 8, 'percent', 1 → "8.0%".
 * @param atScale print at this scale (1e9 → "B") whatever the size, so a small difference reads
 *   in the claim's terms ("-$0.219B" next to "$38.6B", not "-$219.1M")
 */
export function formatFigure(value: number, unit: string, decimals = 1, atScale?: number): string {
  if (unit === 'percent') return `${value.toFixed(decimals)}%`;
  if (unit === 'x') return `${value.toFixed(Math.max(1, decimals))}x`;
  if (unit === 'pp') return `${value.toFixed(decimals)} pp`;
  if (unit === 'CNY/USD') return `RMB ${value.toFixed(4)}/US$`;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fixed = atScale ? SCALES.find((s) => s.size === atScale) : undefined;
  const scale = fixed ?? SCALES.find((s) => abs >= s.size) ?? (abs >= 1e5 ? SCALES[2] : null);
  const digits = scale ? `${(abs / scale.size).toFixed(decimals)}${scale.suffix}` : abs.toLocaleString('en-US', { maximumFractionDigits: decimals });
  return `${sign}${currencyPrefix(unit)}${digits}`;
}

/** Same, with the sign always shown: "+$0.23B", "-0.4 pt". */
export function formatSigned(value: number, unit: string, decimals = 1, atScale?: number): string {
  const sign = value < 0 ? '-' : '+';
  if (unit === 'percent' || unit === 'pp') return `${sign}${Math.abs(value).toFixed(decimals)} pt`;
  if (unit === 'x') return `${sign}${Math.abs(value).toFixed(2)}x`;
  return `${sign}${formatFigure(Math.abs(value), unit, decimals, atScale)}`;
}

/** A tolerance band: "0.5 pt" for percentages, "$0.05B" for money at the claim's scale. */
export function formatBand(value: number, unit: string, decimals: number, atScale?: number): string {
  if (unit === 'percent' || unit === 'pp') return `${Math.abs(value).toFixed(decimals)} pt`;
  if (unit === 'x') return `${Math.abs(value).toFixed(2)}x`;
  return formatFigure(Math.abs(value), unit, decimals, atScale);
}

/** A relative difference: "+0.6%", "-0.02%" (two decimals below a tenth of a percent). */
export function formatRelative(relative: number): string {
  const pct = relative * 100;
  const digits = Math.abs(pct) < 0.1 && pct !== 0 ? 2 : 1;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(digits)}%`;
}

/** Decimals to show our figure with: two more than the claim states, so a rounding difference is visible. */
export function evidenceDecimals(claimDecimals: number, unit: string): number {
  return unit === 'percent' || unit === 'pp' ? Math.min(2, claimDecimals + 1) : Math.min(3, claimDecimals + 2);
}
