// Text that ends up in a chart (titles, names, notes) is data: control characters would make
// the SVG ill-formed (and the PNG renderer fail), so they become spaces, and runs of
// whitespace collapse. Drawing it through data fields, never `value`s, keeps Vega from
// reading a title such as "constructor" as a name of its own (see chart-frame.ts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;

export function chartText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * For the few strings that must go into a Vega spec as values (titles of small multiples):
 * a text equal to a property every object has ("constructor", "toString") gets a zero-width
 * space, which Vega then reads as the plain text it is.
 */
export function vegaValueText(text: string): string {
  const clean = chartText(text);
  return clean in Object.prototype ? `${clean}\u200b` : clean;
}
