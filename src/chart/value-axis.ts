// A value axis whose ticks Vega picks (the plan-vs-actual panels): billions ("$50B", "RMB 50B")
// or percent, with zero as "$0". Series charts measure their own ticks (value-scale.ts).
import { currencyPrefix } from '../model/format-figure.js';

/** A Vega expression for axis labels of a series in `unit` (a currency code or `percent`). */
export function valueAxisLabelExpr(unit: string): string {
  if (unit === 'percent') return "format(datum.value, ',.6~r') + '%'";
  const prefix = JSON.stringify(currencyPrefix(unit));
  return `datum.value === 0 ? ${prefix} + '0' : (datum.value < 0 ? '-' : '') + ${prefix} + format(abs(datum.value) / 1e9, ',.6~r') + 'B'`;
}
