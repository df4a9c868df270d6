// Models as they appear on pages: a series as a table (periods down, groups across, each value
// linked to the Epoch row behind it), a list of models, Epoch's credit with "data as of", and
// the empty state that names the one command that loads the data.
import type { CatalogModel, ModelSeriesPoint, ModelSeriesResult } from '../../model/model-series.js';
import { formatCount, formatFlop, formatModelValue } from '../../model/format-figure.js';
import { retrievalAsOfText } from '../../series/data-as-of.js';
import { MODELS_LOAD_COMMAND } from '../../series/model-catalog.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { scrollTable } from './scroll-table.js';

/** Training compute as a reader writes it: 3.8 × 10²⁶ FLOP, the exponent raised; `unit` adds FLOP. */
export function flopHtml(value: number, unit = true): SafeHtml {
  const [mantissa, exponent] = formatFlop(value).split('e');
  return html`<span class="flop" title="${formatFlop(value, { unit: true, digits: 3 })}">${mantissa} × 10<sup>${exponent}</sup>${unit ? ' FLOP' : ''}</span>`;
}

export function modelsEmptyState(headingId = 'models-empty'): SafeHtml {
  return html`<div class="empty-state" role="status" aria-labelledby="${headingId}">
  <p id="${headingId}"><strong>No models data is loaded yet.</strong> These charts come from Epoch AI’s public table of notable AI models, which airace downloads on request.</p>
  <p>Load it with one command: <code>${MODELS_LOAD_COMMAND}</code></p>
  <p class="table-note">Offline, or with a copy already downloaded: <code>airace models import FILE</code>. The rest of airace works without it.</p>
</div>`;
}

/** The credit Epoch's licence asks for, the retrieval and how current it is. */
export function modelsCredit(c: { credit: string; dataAsOf: string | null; retrieved: string | null; source: string | null }): SafeHtml {
  if (!c.retrieved) return html``;
  const href = safeUrl(c.source);
  return html`<p class="credit">${c.credit} ${retrievalAsOfText(c.dataAsOf)} (retrieved ${c.retrieved} from ${href ? html`<a href="${href}">${c.source}</a>` : c.source}; <a href="/api/v1/models/loads">every retrieval</a>).</p>`;
}

function pointCell(p: ModelSeriesPoint | undefined, unit: ModelSeriesResult['unit']): SafeHtml {
  if (!p) return html`<td class="num"><span class="missing">—</span></td>`;
  if (p.value === null) {
    const text = p.missing?.reason === 'no-estimate' ? 'no estimate' : p.missing?.reason === 'no-accessibility' ? 'not recorded' : '—';
    return html`<td class="num"><span class="missing" title="${p.missing?.detail ?? ''}">${text}</span></td>`;
  }
  const value = unit === 'FLOP' ? flopHtml(p.value, false) : formatModelValue(p.value, unit);
  const one = p.sources.length === 1 ? p.sources[0]! : null;
  const href = one ? safeUrl(one.url) : null;
  const title = one
    ? `${one.model} (${one.organization ?? 'no organisation'}, ${one.publicationDate}): ${one.value !== null ? formatFlop(one.value, { unit: true, digits: 2 }) : ''}${one.confidence ? `, Epoch confidence ${one.confidence}` : ''} · ${one.table} line ${one.line}`
    : `${p.counted} of ${p.models} models counted`;
  const of = unit === 'percent' ? html` <span class="period-hint">of ${p.counted}</span>` : '';
  return html`<td class="num">${href ? html`<a href="${href}" title="${title}">${value}</a>` : html`<span title="${title}">${value}</span>`}${of}${one && unit === 'FLOP' ? html`<span class="model-name">${one.model}</span>` : ''}</td>`;
}

export function modelSeriesTable(r: ModelSeriesResult, { id, caption, csvHref }: { id: string; caption: string; csvHref: string }): SafeHtml {
  const labels = [...new Set(r.series.flatMap((s) => s.points.map((p) => p.label)))];
  const table = html`<table id="${id}">
  <caption id="${id}-caption">${caption} <a class="csv-link" href="${csvHref}">CSV</a></caption>
  <thead><tr><th scope="col">Period</th>${r.series.map((s) => html`<th scope="col" class="num">${s.ticker ? html`<a href="/company/${s.ticker}">${s.label}</a>` : s.label}</th>`)}</tr></thead>
  <tbody>${labels.map((label) => html`<tr><th scope="row">${label}</th>${r.series.map((s) => pointCell(s.points.find((p) => p.label === label), r.unit))}</tr>`)}</tbody>
</table>`;
  return html`${scrollTable(table, id)}${r.notes.length ? html`<ul class="table-note">${r.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
}

export function modelListTable(models: CatalogModel[], { id, caption, csvHref }: { id: string; caption: string; csvHref: string }): SafeHtml {
  const table = html`<table id="${id}" class="models">
  <caption id="${id}-caption">${caption} <a class="csv-link" href="${csvHref}">CSV</a></caption>
  <thead><tr><th scope="col">Model</th><th scope="col">Published</th><th scope="col">By</th><th scope="col">Country</th><th scope="col" class="num">Parameters</th><th scope="col" class="num">Training compute</th><th scope="col">Epoch confidence</th><th scope="col">Weights</th></tr></thead>
  <tbody>${models.map((m) => {
    const href = safeUrl(m.links[0]);
    return html`<tr>
      <th scope="row">${href ? html`<a href="${href}">${m.displayName}</a>` : m.displayName}</th>
      <td>${m.publicationDate ?? '—'}</td>
      <td>${m.actors.map((a, i) => html`${i ? ', ' : ''}${a.ticker ? html`<a href="/company/${a.ticker}">${a.name}</a>` : a.name}`)}</td>
      <td>${m.countryGroup}</td>
      <td class="num">${m.parameters === null ? html`<span class="missing">—</span>` : formatCount(m.parameters)}</td>
      <td class="num">${m.trainingComputeFlop === null ? html`<span class="missing">no estimate</span>` : flopHtml(m.trainingComputeFlop)}</td>
      <td>${m.confidence ?? ''}</td>
      <td>${m.openWeights === null ? html`<span class="missing">not recorded</span>` : m.openWeights ? 'open' : 'closed'}</td>
    </tr>`;
  })}</tbody>
</table>`;
  return scrollTable(table, id);
}
