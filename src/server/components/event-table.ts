// Events as a table: date, kind, airace's title, the companies (stored ones link to their
// page), the amount and the source. The one rendering behind the overview's timeline and
// each company's events; rows come from eventJson, the shape of the API and the CLI's JSON.
import type { EventJson } from '../../views/event-rows.js';
import { formatEventDate } from '../../chart/format-event-date.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { scrollTable } from './scroll-table.js';
import { exactValue } from './value-link.js';
import { documentCitation } from './source-links.js';

export interface EventTableOptions {
  id: string;
  caption: string | SafeHtml;
  /** The table's CSV twin, linked from the caption. */
  csvHref?: string;
}

function companies(e: EventJson): SafeHtml {
  return html`${e.companies.map((c, i) => html`${i ? ', ' : ''}${c.ticker ? html`<a href="/company/${c.ticker}">${c.name === c.ticker ? c.ticker : c.name}</a>` : c.name}`)}`;
}

/** The amount links to the document it comes from, like every other figure on the site. */
function amount(e: EventJson): SafeHtml {
  if (e.amount === null || e.amountText === null) return html`<span class="missing">—</span>`;
  const href = safeUrl(e.sourceUrl);
  const title = `${exactValue(e.amount, e.currency ?? '')}${e.note ? ` · ${e.note}` : ''}`;
  return href ? html`<a class="value" href="${href}" title="${title}" data-value="${e.amount}" data-verified="${e.verified}">${e.amountText}</a>` : html`<span title="${title}">${e.amountText}</span>`;
}

function source(e: EventJson): SafeHtml {
  return html`${documentCitation(e.source)}${e.note ? html`<details class="event-note"><summary>Note</summary><p>${e.note}</p></details>` : ''}`;
}

export function eventRow(e: EventJson): SafeHtml {
  return html`<tr id="event-${e.id}">
    <th scope="row"><time datetime="${e.date}">${formatEventDate(e.date)}</time></th>
    <td>${e.kind}</td>
    <td>${e.title}</td>
    <td>${companies(e)}</td>
    <td class="num">${amount(e)}</td>
    <td class="event-source">${source(e)}</td>
  </tr>`;
}

export function eventTable(events: EventJson[], o: EventTableOptions): SafeHtml {
  const table = html`<table id="${o.id}" class="events">
  <caption id="${o.id}-caption">${o.caption}${o.csvHref ? html` <a class="csv-link" href="${o.csvHref}">CSV</a>` : ''}</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Event</th><th scope="col">Companies</th><th scope="col" class="num">Amount</th><th scope="col">Source</th></tr></thead>
  <tbody>${events.map(eventRow)}</tbody>
</table>`;
  return scrollTable(table, o.id);
}
