// Number formatting shared by charts, tables and generated text, so "$63.6B" reads the same everywhere.

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

const SCALES = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
] as const;

/** 63645000000, 'USD' → "$63.6B"; 280.2e9, 'CNY' → "RMB 280.2B"; negative values get a leading "-". */
export function formatMoney(value: number, currency: string): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scale = SCALES.find((s) => abs >= s.size);
  const digits = scale
    ? `${(abs / scale.size).toFixed(1)}${scale.suffix}`
    : abs.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return `${sign}${currencyPrefix(currency)}${digits}`;
}

/** A share price in its listing's currency, to the cent: 85.1, 'USD' → "$85.10"; 'HKD' → "HKD 81.50". */
export function formatPrice(value: number, currency: string): string {
  return `${currencyPrefix(currency)}${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Values are already in percent: 12.34 → "12.3%". */
export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

/** Formats a value in a series' unit: a currency code or `percent`. */
export function formatValue(value: number, unit: string): string {
  return unit === 'percent' ? formatPercent(value) : formatMoney(value, unit);
}

/** A change with its sign always shown: "+$32.4B", "-$1.2B", "+3.1 pp" for percent series. */
export function formatChange(change: number, unit: string): string {
  const sign = change < 0 ? '-' : '+';
  const abs = Math.abs(change);
  return unit === 'percent' ? `${sign}${abs.toFixed(1)} pp` : `${sign}${formatMoney(abs, unit)}`;
}

/** A plain count on the same scale as money: 671e9 → "671B", 1.6e12 → "1.6T", 8192 → "8,192". */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  const scale = SCALES.find((s) => abs >= s.size);
  if (!scale) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
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
