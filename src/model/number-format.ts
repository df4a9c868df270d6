// Number.prototype.toLocaleString builds a new Intl.NumberFormat on every call (tens of
// microseconds), and a page formats thousands of figures. The same formatting, one formatter
// per option set, built once.
const formatters = new Map<string, Intl.NumberFormat>();

/** `value.toLocaleString('en-US', { minimumFractionDigits, maximumFractionDigits })`, with a kept formatter. */
export function formatEnUs(value: number, maximumFractionDigits?: number, minimumFractionDigits?: number): string {
  const key = `${minimumFractionDigits ?? ''}/${maximumFractionDigits ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, f);
  }
  return f.format(value);
}
