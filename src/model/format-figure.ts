// Figures as people read them, in one place for charts, tables, reports and the claim checker:
// money at a readable scale ("$63.6B", "RMB 1.0T"), percentages, multiples ("2.5x"), signed
// changes (percentage points are "pp" everywhere), and one scale chosen for a whole column so "RMB 996.3B" never
// sits beside "RMB 1.0T".
import { formatEnUs } from './number-format.js';

/** What goes before an amount. CNY uses "RMB" as Alibaba's releases do; unknown codes print as "EUR 5.0B". */
export function currencyPrefix(currency: string): string {
  switch (currency.toUpperCase()) {
    case 'USD':
      return '$';
    case 'CNY':
    case 'RMB':
      return 'RMB ';
    default:
      return `${currency.toUpperCase()} `;
  }
}

export interface MoneyScale {
  size: number;
  /** "T", "B", "M". */
  suffix: string;
  /** "trillions", "billions", "millions", for captions ("US$ billions"). */
  word: string;
}

export const MONEY_SCALES: readonly MoneyScale[] = [
  { size: 1e12, suffix: 'T', word: 'trillions' },
  { size: 1e9, suffix: 'B', word: 'billions' },
  { size: 1e6, suffix: 'M', word: 'millions' },
];

/** The scale of the largest figure (a column, an axis); null when every figure is under 100,000. */
export function moneyScaleFor(values: readonly (number | null | undefined)[]): MoneyScale | null {
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map(Math.abs));
  return MONEY_SCALES.find((s) => max >= s.size) ?? (max >= 1e5 ? MONEY_SCALES[2]! : null);
}

/**
 * The scale for a column of a table: that of the largest figure, except that trillions are used
 * only when every figure is at least 1T, so "RMB 996.3B" and "RMB 1,012.4B" share billions
 * instead of reading "RMB 1.0T" and "RMB 1.0T".
 */
export function columnScaleFor(values: readonly (number | null | undefined)[]): MoneyScale | null {
  const scale = moneyScaleFor(values);
  if (scale?.suffix !== 'T') return scale;
  const present = values.filter((v): v is number => typeof v === 'number' && v !== 0).map(Math.abs);
  return present.every((v) => v >= 1e12) ? scale : MONEY_SCALES[1]!;
}

/**
 * 280154e6, 'CNY', 3 → "RMB 280.154B"; 8, 'percent', 1 → "8.0%"; a CNY/USD rate → "RMB 7.2993/US$".
 * @param atScale print at this scale (1e9 → "B") whatever the size, so figures in one column, or a
 *   difference next to the claim it belongs to, read in the same terms ("-$0.219B" next to "$38.6B")
 */
export function formatFigure(value: number, unit: string, decimals = 1, atScale?: number): string {
  if (unit === 'percent') return `${value.toFixed(decimals)}%`;
  if (unit === 'x') return `${value.toFixed(Math.max(1, decimals))}x`;
  if (unit === 'pp') return `${value.toFixed(decimals)} pp`;
  if (unit === 'CNY/USD') return `RMB ${value.toFixed(4)}/US$`;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fixed = atScale ? MONEY_SCALES.find((s) => s.size === atScale) : undefined;
  const scale = fixed ?? moneyScaleFor([abs]);
  const digits = scale ? `${trimmed(abs / scale.size, decimals)}${scale.suffix}` : formatEnUs(abs, decimals);
  return `${sign}${currencyPrefix(unit)}${digits}`;
}

/** 63645000000, 'USD' → "$63.6B"; 280.2e9, 'CNY' → "RMB 280.2B"; negative values get a leading "-". */
export function formatMoney(value: number, currency: string, atScale?: number): string {
  return formatFigure(value, currency, 1, atScale);
}

/** A share price in its listing's currency, to the cent: 85.1, 'USD' → "$85.10"; 'HKD' → "HKD 81.50". */
export function formatPrice(value: number, currency: string): string {
  return `${currencyPrefix(currency)}${formatEnUs(value, 2, 2)}`;
}

/** Values are already in percent: 12.34 → "12.3%". */
export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

/** Formats a value in a series' unit: a currency code or `percent`; `atScale` as in formatFigure. */
export function formatValue(value: number, unit: string, atScale?: number): string {
  return unit === 'percent' ? formatPercent(value) : formatMoney(value, unit, atScale);
}

/** With the sign always shown: "+$0.23B", "-$1.2B", "+3.1 pp" for a change of a percentage. */
export function formatSigned(value: number, unit: string, decimals = 1, atScale?: number): string {
  const sign = value < 0 ? '-' : '+';
  if (unit === 'percent' || unit === 'pp') return `${sign}${Math.abs(value).toFixed(decimals)} pp`;
  if (unit === 'x') return `${sign}${Math.abs(value).toFixed(2)}x`;
  return `${sign}${formatFigure(Math.abs(value), unit, decimals, atScale)}`;
}

/** A change between two values of a series: "+$32.4B", "-$1.2B", "+3.1 pp". */
export function formatChange(change: number, unit: string): string {
  return formatSigned(change, unit, 1);
}

/** A tolerance band: "0.5 pp" for percentages, "$0.05B" for money at the claim's scale. */
export function formatBand(value: number, unit: string, decimals: number, atScale?: number): string {
  if (unit === 'percent' || unit === 'pp') return `${Math.abs(value).toFixed(decimals)} pp`;
  if (unit === 'x') return `${Math.abs(value).toFixed(2)}x`;
  return formatFigure(Math.abs(value), unit, decimals, atScale);
}

/** A relative difference: "+0.6%", "-0.02%" (two decimals below a tenth of a percent). */
export function formatRelative(relative: number): string {
  const pct = relative * 100;
  const digits = Math.abs(pct) < 0.1 && pct !== 0 ? 2 : 1;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(digits)}%`;
}

/** The number alone at a column's scale, for text tables whose header names the scale: 63.6 under "USD billions". */
export function formatScaled(value: number, scale: MoneyScale | null, digits = 1): string {
  const v = scale ? value / scale.size : value;
  return formatEnUs(v, digits, digits);
}

/** "USD billions", "percent": the header of a column of figures at one scale. */
export function scaleCaption(unit: string, scale: MoneyScale | null): string {
  if (unit === 'percent') return 'percent';
  return scale ? `${unit} ${scale.word}` : unit;
}

/**
 * Axis tick labels at one scale chosen from the largest tick: "$0", "$50B", "$100B"; "$0",
 * "$0.5T", "$1.8T"; "0%", "25%". Decimals only as many as the ticks need.
 */
export function tickLabels(ticks: readonly number[], unit: string): string[] {
  if (unit === 'percent') return ticks.map((t) => `${trimmed(t, decimalsNeeded(ticks))}%`);
  const scale = moneyScaleFor(ticks);
  const scaled = ticks.map((t) => (scale ? t / scale.size : t));
  const decimals = decimalsNeeded(scaled);
  return ticks.map((t, i) => {
    if (t === 0) return `${currencyPrefix(unit)}0`;
    const sign = t < 0 ? '-' : '';
    return `${sign}${currencyPrefix(unit)}${trimmed(Math.abs(scaled[i]!), decimals)}${scale?.suffix ?? ''}`;
  });
}

/** Fewest decimals (up to 2) that tell every value apart from its rounded neighbours. */
function decimalsNeeded(values: readonly number[]): number {
  for (let d = 0; d < 2; d++) if (values.every((v) => Math.abs(Number(v.toFixed(d)) - v) < 1e-9 * Math.max(1, Math.abs(v)))) return d;
  return 2;
}

function trimmed(v: number, decimals: number): string {
  return formatEnUs(v, decimals, decimals);
}

/** Short enough to label a bar: "$132B", "$65B", "$8.4B", "$1.8T", "12%", "-3.4%" (at most three significant figures). */
export function formatCompact(value: number, unit: string): string {
  const digits = (v: number) => (Math.abs(v) >= 10 ? 0 : 1);
  if (unit === 'percent') return `${value.toFixed(digits(value))}%`;
  const scale = moneyScaleFor([value]);
  const v = scale ? Math.abs(value) / scale.size : Math.abs(value);
  return `${value < 0 ? '-' : ''}${currencyPrefix(unit)}${trimmed(v, digits(v))}${scale?.suffix ?? ''}`;
}

/** A plain count on the same scale as money: 671e9 → "671B", 1.6e12 → "1.6T", 8192 → "8,192". */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  const scale = MONEY_SCALES.find((s) => abs >= s.size);
  if (!scale) return formatEnUs(value, 0);
  return `${value < 0 ? '-' : ''}${(abs / scale.size).toFixed(1).replace(/\.0$/, '')}${scale.suffix}`;
}

/** Training compute in FLOP, as Epoch writes it: 3.8e26 → "3.8e26"; `unit` appends " FLOP". */
export function formatFlop(value: number, { unit = false, digits = 1 }: { unit?: boolean; digits?: number } = {}): string {
  const [mantissa, exponent] = value.toExponential(digits).split('e');
  return `${mantissa}e${Number(exponent)}${unit ? ' FLOP' : ''}`;
}

/** A models series value in its unit: FLOP as 3.8e26, a share as 42%, a count as is. */
export function formatModelValue(value: number, unit: 'FLOP' | 'models' | 'percent'): string {
  if (unit === 'FLOP') return formatFlop(value);
  if (unit === 'percent') return formatPercent(value, 0);
  return String(value);
}
