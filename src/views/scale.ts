// Picks a readable scale (millions or billions) for a set of money values and labels it.

export interface Scale {
  divisor: number;
  suffix: 'B' | 'M' | '';
  label: string;
}

export function scaleFor(values: (number | null)[], unit: string): Scale {
  if (unit === 'percent') return { divisor: 1, suffix: '', label: 'percent' };
  const max = Math.max(0, ...values.filter((v): v is number => v !== null).map(Math.abs));
  return max >= 1e9 ? { divisor: 1e9, suffix: 'B', label: `${unit} billions` } : { divisor: 1e6, suffix: 'M', label: `${unit} millions` };
}

export function formatScaled(v: number, scale: Scale, digits = 1): string {
  return (v / scale.divisor).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
