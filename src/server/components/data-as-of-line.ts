// "Data as of: figures to 2026-06-30; newest document filed 2026-07-30": the line every page with
// data shows (the wording is src/series/data-as-of.ts's, shared with charts and the CLI).
import type { DataAsOf } from '../../model/series.js';
import { dataAsOfText } from '../../series/data-as-of.js';
import { html, type SafeHtml } from '../html.js';

export function dataAsOfLine(d: DataAsOf): SafeHtml {
  const time = (date: string | null) => (date ? html`<time datetime="${date}">${date}</time>` : '');
  if (!d.newestPeriodEnd && !d.newestDocumentDate) return html`<p class="data-as-of">${dataAsOfText(d)}</p>`;
  return html`<p class="data-as-of" data-newest-period-end="${d.newestPeriodEnd ?? ''}" data-newest-document-date="${d.newestDocumentDate ?? ''}">Data as of: ${
    d.newestPeriodEnd ? html`figures to ${time(d.newestPeriodEnd)}` : ''
  }${d.newestPeriodEnd && d.newestDocumentDate ? '; ' : ''}${d.newestDocumentDate ? html`newest document filed ${time(d.newestDocumentDate)}` : ''}</p>`;
}
