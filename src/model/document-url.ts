// Links to documents of record must be clean: https, and free of the tracking parameters that
// search engines and newsletters append (they identify the reader's visit, not the document).
// One home for the rule: the bundled-data loader rejects such links, the copy script strips them.

/** Query parameters that track a visit; `utm_*` covers the whole Urchin family. */
const TRACKING = [/^utm_/i, /^srsltid$/i, /^gclid$/i, /^fbclid$/i, /^msclkid$/i, /^dclid$/i, /^gbraid$/i, /^wbraid$/i, /^yclid$/i, /^mc_(cid|eid)$/i, /^_hsenc$/i, /^_hsmi$/i, /^igshid$/i];

export function isTrackingParameter(name: string): boolean {
  return TRACKING.some((re) => re.test(name));
}

/** Names of the tracking parameters in `url`, in order; [] for a URL that does not parse. */
export function trackingParametersIn(url: string): string[] {
  const parsed = parseUrl(url);
  return parsed ? [...parsed.searchParams.keys()].filter(isTrackingParameter) : [];
}

/** `url` without its tracking parameters (other parameters and the fragment kept as written). */
export function withoutTrackingParameters(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed || trackingParametersIn(url).length === 0) return url;
  const [head, fragment] = splitOnce(url, '#');
  const [base, query] = splitOnce(head, '?');
  const kept = (query ?? '').split('&').filter((pair) => pair && !isTrackingParameter(decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' '))));
  return `${base}${kept.length ? `?${kept.join('&')}` : ''}${fragment === undefined ? '' : `#${fragment}`}`;
}

/** The host without `www.`, lower case: what a link to the document says it points at. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname.replace(/^www\./, '').toLowerCase() ?? url;
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
