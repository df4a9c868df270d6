// A series result as an HTML table: periods down, companies across, each value linked to
// its source. The same rows as the CSV twin, in a reader's layout.
import type { SeriesResult } from '../../model/series.js';
import { periodLabels } from '../../chart/chart-data.js';
import { html, type SafeHtml } from '../html.js';
import { MARKS_LEGEND, pointCell } from './value-link.js';
import { scrollTable } from './scroll-table.js';
import { NO_NAMES, type CompanyNames } from './source-links.js';

export function seriesTable(result: SeriesResult, { id, caption, csvHref, names = NO_NAMES }: { id: string; caption: string | SafeHtml; csvHref?: string; names?: CompanyNames }): SafeHtml {
  const labels = periodLabels(result);
  const table = html`<table id="${id}">
  <caption id="${id}-caption">${caption}${csvHref ? html` <a class="csv-link" href="${csvHref}">CSV</a>` : ''}</caption>
  <thead><tr><th scope="col">Period</th>${result.series.map((s) => html`<th scope="col" class="num"><a href="/company/${s.ticker}">${s.name}</a></th>`)}</tr></thead>
  <tbody>
    ${labels.map(
      (label) => html`<tr><th scope="row">${label}</th>${result.series.map((s) => pointCell(s.points.find((p) => p.label === label), result.unit, names))}</tr>`,
    )}
  </tbody>
</table>`;
  return html`${scrollTable(table, id)}<p class="table-note">${MARKS_LEGEND}</p>`;
}
