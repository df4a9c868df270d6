// The models side of the race as a section of another page (the race page): the compute chart,
// the frontier to date in a sentence per country group, a link to the full page, Epoch's credit;
// or the empty state with the one command that loads the data.
import type { ModelsSummary } from '../../views/models-summary.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { flopHtml, modelSeriesTable, modelsCredit, modelsEmptyState } from './model-tables.js';
import { modelsChartFrame } from './models-chart-frame.js';

/** The compute chart's frame draws it at its own width from /api/v1/models/chart.svg. */
export function modelsSection(s: ModelsSummary, { headingId, origin }: { headingId: string; origin: string }): SafeHtml {
  const heading = html`<h2 id="${headingId}">Models and compute</h2>`;
  if (!s.loaded || !s.chart) {
    return html`<section aria-labelledby="${headingId}">${heading}<p>The money buys capability: who releases frontier models, and how much compute they train with. This comes from Epoch AI’s public data.</p>${modelsEmptyState(`${headingId}-empty`)}</section>`;
  }
  const frontier = s.frontier.series.map((series) => {
    const p = [...series.points].reverse().find((x) => x.value !== null);
    const src = p?.sources[0];
    if (!p || !src) return html`<li>${series.label}: no model with a public compute estimate.</li>`;
    const href = safeUrl(src.url);
    return html`<li>${series.label}: ${href ? html`<a href="${href}">${src.model}</a>` : src.model} (${src.organization}, ${src.publicationDate}), ${flopHtml(p.value!)}${src.confidence ? html` <span class="period-hint">Epoch: ${src.confidence}</span>` : ''}</li>`;
  });
  return html`<section aria-labelledby="${headingId}">
  ${heading}
  <p>The money buys capability. Training compute of notable AI models since ${s.from?.slice(0, 4) ?? 'the start'}, from Epoch AI’s estimates, coloured by where the developers are based, with Alibaba’s and DeepSeek’s models named. ${s.withoutEstimate} of ${s.models} models have no public estimate and are not drawn. <a href="/models">Models and compute in full</a>: models per year by lab and company, open weights by country, the newest models.</p>
  ${modelsChartFrame({
    id: 'chart-models',
    chartQuery: 'chart=compute',
    data: { json: '/api/v1/models/series?metric=frontier_compute&by=country', csv: '/api/v1/models/series.csv?metric=frontier_compute&by=country' },
    words: s.chart,
    table: modelSeriesTable(s.frontier, { id: 'models-frontier-table', caption: 'Frontier training compute to date (FLOP), by country group', csvHref: '/api/v1/models/series.csv?metric=frontier_compute&by=country' }),
    retrieval: s,
    origin,
  })}
  <p>The largest training run with a public estimate, to date:</p>
  <ul>${frontier}</ul>
  ${modelsCredit(s)}
</section>`;
}
