// How one value appears in a table or sentence: the formatted figure, linked to its first
// source ("every number traces to its source in one click"), with the exact value, period
// and derivation on hover, and the reason in place of a missing value.
import type { SeriesPoint } from '../../model/series.js';
import type { StoredFact } from '../../model/fact.js';
import { formatValue } from '../../model/format-figure.js';
import { MISSING_WORDS } from '../../series/labels.js';
import { html, safeUrl, type SafeHtml } from '../html.js';


/** 82999000000, USD → "82,999,000,000 USD"; percentages keep two decimals. */
export function exactValue(value: number, unit: string): string {
  if (unit === 'percent') return `${value.toFixed(2)}%`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
}

/** Formats a figure in a unit that may be a currency, `percent`, or a rate such as CNY/USD; `atScale` puts a column of money at one scale. */
export function formatUnit(value: number, unit: string, atScale?: number): string {
  if (/^[A-Z]{3}$/.test(unit) || unit === 'percent') return formatValue(value, unit, atScale);
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${unit}`;
}

function pointTitle(p: SeriesPoint, unit: string): string {
  const parts = [`${p.label} (${p.start} – ${p.end})`];
  if (p.value !== null) parts.push(exactValue(p.value, unit));
  parts.push(p.derived ? `derived: ${p.derivation ?? 'computed by airace'}` : 'reported');
  if (p.fx) parts.push(`converted at ${p.fx.rate} ${p.fx.pair} (${p.fx.date})`);
  if (p.sources.length > 1) parts.push(`${p.sources.length} sources; the link opens the first`);
  return parts.join(' · ');
}

/** Footnote marks: * derived by airace, ‡ converted to another currency. */
function marks(p: SeriesPoint): SafeHtml {
  return html`${p.derived ? html`<span class="mark" aria-hidden="true">*</span>` : ''}${p.fx ? html`<span class="mark" aria-hidden="true">‡</span>` : ''}`;
}

export function pointValue(p: SeriesPoint | null | undefined, unit: string, atScale?: number): SafeHtml {
  if (!p) return html`<span class="missing">—</span>`;
  if (p.value === null) {
    const reason = p.missing?.reason ?? 'no-data';
    const partial = p.partialValue !== null ? html` <span class="partial">(available parts: ${formatUnit(p.partialValue, unit, atScale)})</span>` : '';
    return html`<span class="missing" title="${p.missing?.detail ?? ''}">${MISSING_WORDS[reason] ?? reason}</span>${partial}`;
  }
  const url = safeUrl(p.sources[0]?.url);
  const text = formatUnit(p.value, unit, atScale);
  const body = url ? html`<a href="${url}" title="${pointTitle(p, unit)}" data-value="${p.value}">${text}</a>` : html`<span title="${pointTitle(p, unit)}" data-value="${p.value}">${text}</span>`;
  return html`${body}${marks(p)}`;
}

export function pointCell(p: SeriesPoint | null | undefined, unit: string, atScale?: number): SafeHtml {
  return html`<td class="num">${pointValue(p, unit, atScale)}</td>`;
}

/** A stored fact's value, linked to its source. */
export function factValue(f: StoredFact): SafeHtml {
  const url = safeUrl(f.sourceUrl);
  const title = `${f.periodStart ?? ''} – ${f.periodEnd} · ${exactValue(f.value, f.unit)} · ${f.basis}, ${f.confidence} confidence`;
  const text = formatUnit(f.value, f.unit);
  return url ? html`<a href="${url}" title="${title}" data-value="${f.value}">${text}</a>` : html`<span title="${title}">${text}</span>`;
}

/** The host of a source URL, as short link text. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export const MARKS_LEGEND = '* computed by airace (hover for how) · ‡ converted at the rate the company states · hover a figure for its exact value and period';
