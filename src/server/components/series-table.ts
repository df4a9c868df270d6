// A series result as an HTML table: periods down, companies across, each value linked to
// its source. The same rows as the CSV twin, in a reader's layout; each column at one scale.
import type { SeriesResult } from '../../model/series.js';
import { periodLabels } from '../../chart/chart-data.js';
import { columnScaleFor } from '../../model/format-figure.js';
import { html, type SafeHtml } from '../html.js';
import { MARKS_LEGEND, pointCell } from './value-link.js';
import { scrollTable } from './scroll-table.js';
import { NO_NAMES, type CompanyNames } from './source-links.js';

export interface SeriesTableOptions {
  id: string;
  caption: string | SafeHtml;
  csvHref?: string;
  /** Only these periods (a chart's), in this order; all of the result's by default. */
  periods?: string[];
  /** Company names for the documents' labels (whose release a document is). */
  names?: CompanyNames;
}

export function seriesTable(result: SeriesResult, { id, caption, csvHref, periods, names = NO_NAMES }: SeriesTableOptions): SafeHtml {
  const labels = periods ?? periodLabels(result);
  const scales = result.series.map((s) => (result.unit === 'percent' ? null : columnScaleFor(s.points.map((p) => p.value))));
  const table = html`<table id="${id}">
  <caption id="${id}-caption">${caption}${csvHref ? html` <a class="csv-link" href="${csvHref}">CSV</a>` : ''}</caption>
  <thead><tr><th scope="col">Period</th>${result.series.map((s) => html`<th scope="col" class="num"><a href="/company/${s.ticker}">${s.name}</a></th>`)}</tr></thead>
  <tbody>
    ${labels.map(
      (label) => html`<tr><th scope="row">${label}</th>${result.series.map((s, i) => pointCell(s.points.find((p) => p.label === label), result.unit, names, scales[i]?.size))}</tr>`,
    )}
  </tbody>
</table>`;
  return html`${scrollTable(table, id)}<p class="table-note">${MARKS_LEGEND}</p>`;
}
