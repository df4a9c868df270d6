// How one value appears in a table or sentence: the formatted figure, linked to its document of
// record ("every number traces to its source in one click"), with the exact value, period and
// derivation on hover, its caveats beside it, then what the documents are, where the value was
// read and how it was verified (source-links.ts); the reason in place of a missing value.
import type { SeriesPoint } from '../../model/series.js';
import { sourceRefOf, type StoredFact } from '../../model/fact.js';
import { formatValue } from '../../model/format-figure.js';
import { MISSING_WORDS } from '../../series/labels.js';
import { pointCaveats, sourceCaveats } from '../../series/caveats.js';
import { hostOf } from '../../model/document-url.js';
import { uniqueDocuments } from '../../model/document-label.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { caveatMarks, citations, NO_NAMES, type CompanyNames } from './source-links.js';
import { formatEnUs } from '../../model/number-format.js';


/** 82999000000, USD → "82,999,000,000 USD"; percentages keep two decimals. */
export function exactValue(value: number, unit: string): string {
  if (unit === 'percent') return `${value.toFixed(2)}%`;
  return `${formatEnUs(value, 2)} ${unit}`;
}

/** Formats a figure in a unit that may be a currency, `percent`, or a rate such as CNY/USD; `atScale` puts a column of money at one scale. */
export function formatUnit(value: number, unit: string, atScale?: number): string {
  if (/^[A-Z]{3}$/.test(unit) || unit === 'percent') return formatValue(value, unit, atScale);
  return `${formatEnUs(value, 4)} ${unit}`;
}

function pointTitle(p: SeriesPoint, unit: string): string {
  const parts = [`${p.label} (${p.start} – ${p.end})`];
  if (p.value !== null) parts.push(exactValue(p.value, unit));
  parts.push(p.derived ? `derived: ${p.derivation ?? 'computed by airace'}` : 'reported');
  if (p.fx) parts.push(`converted at ${p.fx.rate} ${p.fx.pair} (${p.fx.date})`);
  const documents = uniqueDocuments(p.sources).length;
  if (documents > 1) parts.push(`${documents} documents; the link opens the first, all are listed beside it`);
  return parts.join(' · ');
}

/** Footnote marks: * derived by airace, ‡ converted to another currency. */
function marks(p: SeriesPoint): SafeHtml {
  return html`${p.derived ? html`<span class="mark" aria-hidden="true">*</span>` : ''}${p.fx ? html`<span class="mark" aria-hidden="true">‡</span>` : ''}`;
}

export function pointValue(p: SeriesPoint | null | undefined, unit: string, names: CompanyNames = NO_NAMES, atScale?: number): SafeHtml {
  if (!p) return html`<span class="missing">—</span>`;
  if (p.value === null) {
    const reason = p.missing?.reason ?? 'no-data';
    // The parts that exist cite their documents too: a shown sum always says where it comes from.
    const partial = p.partialValue !== null ? html` <span class="partial">(available parts: ${formatUnit(p.partialValue, unit, atScale)})</span>${citations(p.sources, names)}` : '';
    return html`<span class="missing" title="${p.missing?.detail ?? ''}">${MISSING_WORDS[reason] ?? reason}</span>${partial}`;
  }
  const url = safeUrl(p.sources[0]?.url);
  const text = formatUnit(p.value, unit, atScale);
  const body = url
    ? html`<a class="value" href="${url}" title="${pointTitle(p, unit)}" data-value="${p.value}" data-verified="${p.sources[0]!.verified}">${text}</a>`
    : html`<span class="value" title="${pointTitle(p, unit)}" data-value="${p.value}">${text}</span>`;
  return html`<span class="figure">${body}${marks(p)}${caveatMarks(pointCaveats(p).filter((c) => c.kind !== 'derived' && c.kind !== 'converted'))}${citations(p.sources, names)}</span>`;
}

export function pointCell(p: SeriesPoint | null | undefined, unit: string, names: CompanyNames = NO_NAMES, atScale?: number): SafeHtml {
  return html`<td class="num">${pointValue(p, unit, names, atScale)}</td>`;
}

/** A stored fact's value, linked to its document of record, with its caveats. */
export function factValue(f: StoredFact): SafeHtml {
  const url = safeUrl(f.sourceUrl);
  const title = `${f.periodStart ?? ''} – ${f.periodEnd} · ${exactValue(f.value, f.unit)} · ${f.basis}, ${f.confidence} confidence`;
  const text = formatUnit(f.value, f.unit);
  const value = url ? html`<a class="value" href="${url}" title="${title}" data-value="${f.value}" data-verified="${f.verified}">${text}</a>` : html`<span title="${title}">${text}</span>`;
  return html`${value}${caveatMarks(sourceCaveats(sourceRefOf(f)))}`;
}

/** The host of a source URL, as short link text. */
export function sourceHost(url: string): string {
  return hostOf(url);
}

export const MARKS_LEGEND =
  '* computed by airace (hover for how) · ‡ converted at the rate the company states · beside each figure: its caveats, the document of record, where the value was read if elsewhere, and how it was verified (XBRL, filing, mapped, secondary: see Methodology) · hover a figure for its exact value and period';
