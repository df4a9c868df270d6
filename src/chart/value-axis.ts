// The value axis reads in billions ("$50B", "RMB 50B") or percent, matching formatMoney,
// while the data keeps full currency units so tooltips and downloads stay exact.
import { currencyPrefix } from '../model/format-figure.js';

/** A Vega expression for axis labels of a series in `unit` (a currency code or `percent`). */
export function valueAxisLabelExpr(unit: string): string {
  if (unit === 'percent') return "format(datum.value, ',.6~r') + '%'";
  const prefix = JSON.stringify(currencyPrefix(unit));
  return `(datum.value < 0 ? '-' : '') + ${prefix} + format(abs(datum.value) / 1e9, ',.6~r') + 'B'`;
}

/** Vega-Lite y axis for a series in `unit`. */
export function valueAxis(unit: string) {
  return { labelExpr: valueAxisLabelExpr(unit) };
}
