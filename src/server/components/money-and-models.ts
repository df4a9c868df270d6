// A company's "money and models" section: capex by calendar year beside the models it released
// (how many, the largest training compute, open weights), and its newest models; the empty
// state when no models data is loaded, a plain note when Epoch has no model mapped to it.
import type { CompanyModels } from '../../views/company-models.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { pointValue } from './value-link.js';
import { scrollTable } from './scroll-table.js';
import { flopHtml, modelsCredit, modelsEmptyState } from './model-tables.js';

export const MONEY_AND_MODELS_COLUMNS = ['year', 'capex_fiscal_year', 'capex', 'currency', 'capex_missing', 'capex_source', 'models_released', 'models_with_compute_estimate', 'largest_model', 'largest_training_compute_flop', 'largest_model_url', 'open_weights_models', 'models_with_known_accessibility', 'models_retrieved'] as const;

export function moneyAndModelsRows(m: CompanyModels): (string | number | null)[][] {
  return m.years.map((y) => [
    y.year, y.capex?.label ?? null, y.capex?.value ?? null, m.currency, y.capex?.missing?.reason ?? null, y.capex?.sources[0]?.url ?? null,
    y.models, y.estimated, y.largest?.model ?? null, y.largest?.value ?? null, y.largest?.url ?? null, y.openWeights, y.knownAccess, m.retrieved,
  ]);
}

export function moneyAndModels(m: CompanyModels, name: string, headingId: string, csvHref: string): SafeHtml {
  const heading = html`<h2 id="${headingId}">Money and models</h2>`;
  if (!m.loaded) return html`<section aria-labelledby="${headingId}">${heading}<p>What ${name} spends beside what it ships: capex next to the AI models it released, from Epoch AI’s data.</p>${modelsEmptyState(`${headingId}-empty`)}</section>`;
  if (!m.mapped) return html`<section aria-labelledby="${headingId}">${heading}<p>No model in Epoch AI’s table is mapped to ${name} (<a href="/methodology#models">the organisation map</a>).</p></section>`;
  const table = html`<table id="money-models">
  <caption id="money-models-caption">${name}: capex and notable AI models by calendar year <a class="csv-link" href="${csvHref}">CSV</a></caption>
  <thead><tr><th scope="col">Year</th><th scope="col" class="num">Capex, ${m.currency} <span class="period-hint">(fiscal year ending that year)</span></th><th scope="col" class="num">Models released</th><th scope="col">Largest training compute</th><th scope="col" class="num">Open weights</th></tr></thead>
  <tbody>${m.years.map((y) => {
    const href = y.largest ? safeUrl(y.largest.url) : null;
    const largest = y.largest
      ? html`${href ? html`<a href="${href}">${y.largest.model}</a>` : y.largest.model}: ${flopHtml(y.largest.value!)}${y.largest.confidence ? html` <span class="period-hint">${y.largest.confidence}</span>` : ''}`
      : y.models
        ? html`<span class="missing">no estimate for its ${y.models} model${y.models === 1 ? '' : 's'}</span>`
        : html`<span class="missing">—</span>`;
    return html`<tr><th scope="row">${y.year}</th><td class="num">${pointValue(y.capex, m.currency)}${y.capex && y.capex.label !== String(y.year) ? html` <span class="period-hint">${y.capex.label}</span>` : ''}</td><td class="num">${y.models}${y.models && y.estimated < y.models ? html` <span class="period-hint">${y.estimated} estimated</span>` : ''}</td><td>${largest}</td><td class="num">${y.knownAccess ? `${y.openWeights} of ${y.knownAccess}` : html`<span class="missing">—</span>`}</td></tr>`;
  })}</tbody>
</table>`;
  return html`<section aria-labelledby="${headingId}">
  ${heading}
  <p>What ${name} spends beside what it ships: per calendar year, the capex of the fiscal year that ends in it (<a href="/methodology#capex">definition</a>; <a href="/methodology#fiscal-years">fiscal years</a>) next to the ${m.total} notable AI models Epoch AI attributes to it. Models of Google DeepMind, Google Brain and Google Research count for Alphabet, Meta AI and FAIR for Meta (<a href="/methodology#models">the organisation map</a>). Compute is Epoch’s estimate, with its confidence; a model without one is counted but not sized. <a href="/models?org=${encodeURIComponent(m.newest[0]?.actors.find((a) => a.ticker)?.name ?? name)}">All its models on the models page</a>.</p>
  ${scrollTable(table, 'money-models')}
  <div>
      <h3 id="newest-models-heading">${name}’s newest models</h3>
      <ul class="newest-models">${m.newest.map((x) => {
        const href = safeUrl(x.links[0]);
        return html`<li>${href ? html`<a href="${href}">${x.name}</a>` : x.name} <span class="period-hint">${x.publicationDate}${x.trainingComputeFlop !== null ? html` · ${flopHtml(x.trainingComputeFlop)}` : ' · no compute estimate'}${x.openWeights === true ? ' · open weights' : ''}</span></li>`;
      })}</ul>
  </div>
  ${modelsCredit(m)}
</section>`;
}
