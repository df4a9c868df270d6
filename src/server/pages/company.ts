// One company: every metric by fiscal year and by quarter, capex charts, the events of the
// race that name it, and every stored fact with its provenance (the version the engine uses
// is marked).
import type { Company } from '../../model/company.js';
import { sourceRefOf } from '../../model/fact.js';
import type { DataAsOf, SeriesResult } from '../../model/series.js';
import { combineDataAsOf } from '../../series/data-as-of.js';
import { getSeries } from '../../series/engine.js';
import { METRICS, METRIC_IDS } from '../../series/metrics.js';
import { findCompany } from '../../series/company-lookup.js';
import { listCompanyFacts } from '../../series/fact-listing.js';
import { allCompanies } from '../../series/read-db.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { FACT_COLUMNS, factJson, factRows, type FactJson } from '../../views/fact-rows.js';
import { ApiError } from '../api-error.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type Page, type PageRequest } from '../page.js';
import type { ServerContext } from '../server-context.js';
import { chartOptionsOf, parseChartQuery, type ChartQuery } from '../series-query.js';
import { DEFAULTS, QUERIES } from '../query-parameters.js';
import { chartFrame } from '../components/chart-frame.js';
import { chartSummary, type ChartSummary } from '../chart-summary.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';
import { scrollTable } from '../components/scroll-table.js';
import { MARKS_LEGEND, factValue, pointCell } from '../components/value-link.js';
import { companyNames, documentCitation, type CompanyNames } from '../components/source-links.js';
import { periodLabels } from '../../chart/chart-data.js';
import { columnScaleFor } from '../../model/format-figure.js';
import { BASIS_WORDS, metricLabel } from '../../series/labels.js';
import { listEvents } from '../../series/events.js';
import { EVENT_COLUMNS, eventJson, eventRows, type EventJson } from '../../views/event-rows.js';
import { eventTable } from '../components/event-table.js';
import { loadPriceSection, priceSection, type PriceSectionData } from '../components/price-section.js';
import { SHARE_PRICE_COLUMNS, sharePriceRows } from '../../views/price-rows.js';
import { companyModels, type CompanyModels } from '../../views/company-models.js';
import { MONEY_AND_MODELS_COLUMNS, moneyAndModels, moneyAndModelsRows } from '../components/money-and-models.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CompanyChart {
  query: ChartQuery;
  links: ChartLinks;
  result: SeriesResult;
  /** Title, alt text and periods, worked out once with the data. */
  summary: ChartSummary;
}

export interface CompanyData {
  company: Company;
  /** Currency of money figures on this page; `?currency=USD` converts a non-US company. */
  currency: string;
  currencies: string[];
  charts: CompanyChart[];
  /** One result per metric that has any value, by fiscal year and by calendar quarter. */
  byYear: SeriesResult[];
  byQuarter: SeriesResult[];
  /** Metrics with no value for this company. */
  noData: string[];
  facts: FactJson[];
  /** Events naming the company (a group: any member), oldest first, as `airace events --companies`. */
  events: EventJson[];
  /** Its listings' share prices, rebased to 100 (`?prices=` and `?prices-from=` change them). */
  prices: PriceSectionData;
  /** How current the figures and facts on the page are. */
  dataAsOf: DataAsOf;
  /** Capex by calendar year beside the models the company released (Epoch AI's data). */
  models: CompanyModels;
}

function currencyParam(req: PageRequest, company: Company): string {
  const raw = req.query.currency;
  const v = typeof raw === 'string' && raw ? raw.toUpperCase() : company.currency;
  const allowed = [...new Set([company.currency, 'USD'])];
  if (!allowed.includes(v)) throw new ApiError(400, `invalid currency: ${String(raw)} (allowed: ${allowed.join(', ')})`, 'currency', allowed);
  return v;
}

const hasValue = (r: SeriesResult) => r.series.some((s) => s.points.some((p) => p.value !== null));

async function load(ctx: ServerContext, req: PageRequest): Promise<CompanyData> {
  const { db } = ctx.store;
  const companies = await allCompanies(db);
  const company = findCompany(companies, req.params.ticker ?? '');
  if (!company) throw new ApiError(404, `unknown company: ${req.params.ticker}`, 'ticker', companies.map((c) => c.ticker));
  const currency = currencyParam(req, company);
  const prices = await loadPriceSection(db, req.query, company.kind === 'group' ? company.members : [company.ticker]);
  const data = await ctx.memo.get(`company:${company.ticker}:${currency}`, async () => {
    const series = (period: 'fy' | 'quarter') => Promise.all(METRIC_IDS.map((metric) => getSeries(db, { metric, tickers: [company.ticker], period, currency: METRICS.get(metric)!.unit === 'money' ? currency : undefined })));
    const [years, quarters, listing, events, models] = await Promise.all([series('fy'), series('quarter'), listCompanyFacts(db, { ticker: company.ticker }), listEvents(db, { companies: [company.ticker] }), companyModels(db, company, currency)]);
    const chartQueries = [
      parseChartQuery({ metric: 'capex', companies: company.ticker, period: 'fy', currency, type: 'grouped' }, companies),
      parseChartQuery({ metric: 'capex', companies: company.ticker, period: 'quarter', currency, type: 'line' }, companies),
    ];
    const charts = chartQueries.map((query, i) => {
      const result = (i === 0 ? years : quarters)[0]!;
      return { query, links: chartLinks(query), result, summary: chartSummary(result, chartOptionsOf(query)) };
    });
    return {
      company,
      currency,
      currencies: [...new Set([company.currency, 'USD'])],
      charts,
      byYear: years.filter(hasValue),
      byQuarter: quarters.filter(hasValue),
      noData: METRIC_IDS.filter((_, i) => !hasValue(years[i]!) && !hasValue(quarters[i]!)),
      facts: listing.facts.map((f) => factJson(f, listing.used.has(f.id))),
      events: events.map(eventJson),
      dataAsOf: combineDataAsOf([...years, ...quarters].map((r) => r.dataAsOf)),
      models,
    };
  });
  return { ...data, prices };
}

/** Periods down, metrics across (the reader's view of the company); newest first. */
function metricsTable(results: SeriesResult[], id: string, caption: string, csvHref: string, names: CompanyNames): SafeHtml {
  if (!results.length) return html`<p>No values.</p>`;
  // Time order across every metric (each may cover different periods), newest first.
  const labels = periodLabels({ ...results[0]!, series: results.flatMap((r) => r.series) }).reverse();
  const scales = results.map((r) => (r.unit === 'percent' ? undefined : columnScaleFor(r.series[0]?.points.map((p) => p.value) ?? [])?.size));
  const table = html`<table id="${id}">
  <caption id="${id}-caption">${caption} <a class="csv-link" href="${csvHref}">CSV</a></caption>
  <thead><tr><th scope="col">Period</th>${results.map((r) => html`<th scope="col" class="num"><a href="/methodology#${r.metric}">${metricLabel(r.metric)}</a>${r.unit === 'percent' ? ' (%)' : ''}</th>`)}</tr></thead>
  <tbody>${labels.map((label) => html`<tr><th scope="row">${label}</th>${results.map((r, i) => pointCell(r.series[0]?.points.find((p) => p.label === label), r.unit, names, scales[i]))}</tr>`)}</tbody>
</table>`;
  return html`${scrollTable(table, id)}<p class="table-note">${MARKS_LEGEND}</p>`;
}

function factsTable(d: CompanyData, csvHref: string, names: CompanyNames): SafeHtml {
  const table = html`<table id="facts" class="facts">
  <caption id="facts-caption">All ${d.facts.length} stored facts for ${d.company.name}, every version, with provenance <a class="csv-link" href="${csvHref}">CSV</a></caption>
  <thead><tr><th scope="col">Metric</th><th scope="col">Period</th><th scope="col" class="num">Value</th><th scope="col">Basis</th><th scope="col">Confidence</th><th scope="col">Used</th><th scope="col">Document of record</th><th scope="col">Note</th></tr></thead>
  <tbody>${d.facts.map(
    (f) => html`<tr${f.used ? '' : html` class="alternative"`}>
      <th scope="row">${METRICS.has(f.metric) ? html`<a href="/methodology#${f.metric}">${metricLabel(f.metric)}</a>` : f.metric}</th>
      <td class="date">${f.periodStart ?? ''} – ${f.periodEnd}</td>
      <td class="num">${factValue(f)}</td>
      <td>${BASIS_WORDS[f.basis]}</td>
      <td>${f.confidence}</td>
      <td>${f.used ? 'used' : f.supersededBy ? 'earlier version' : 'alternative'}</td>
      <td>${documentCitation(sourceRefOf(f), names.get(f.ticker) ?? f.ticker)}${f.accession ? html` <span class="accession">${f.accession}</span>` : ''} · ${f.sourceKind === 'sec' ? 'SEC sync' : 'bundled'}</td>
      <td class="note">${f.supersededBy ? html`<span class="superseded">${f.supersededBy}</span>` : ''}${f.note ?? ''}</td>
    </tr>`,
  )}</tbody>
</table>`;
  return scrollTable(table, 'facts');
}

async function render(d: CompanyData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const c = d.company;
  const names = companyNames(await allCompanies(ctx.store.db));
  const figures = d.charts.map((ch, i) => chartFrame({ id: `chart-${i}`, links: ch.links, ...ch.summary, result: ch.result, names, origin: req.origin }));
  const switchCurrency = d.currencies.filter((x) => x !== d.currency);
  const main = html`<h1>${c.name} <span class="ticker">${c.ticker}</span></h1>
<p class="lede">${c.kind === 'group' ? html`A group: ${c.members.join(', ')}, summed.` : html`Fiscal year ends in ${MONTHS[c.fiscalYearEndMonth - 1] ?? '?'}; reports in ${c.currency}${c.cik ? html`; SEC CIK ${c.cik}` : ''}.`}
  Figures in ${d.currency}${switchCurrency.map((x) => html` · <a href="${req.path}?currency=${x}">show in ${x}</a>`)}.</p>
<nav aria-label="On this page" class="toc"><ul>
  <li><a href="#charts-heading">Charts</a></li><li><a href="#prices-heading">Share price</a></li><li><a href="#models-heading">Money and models</a></li><li><a href="#events-heading">Events</a></li><li><a href="#years-heading">By fiscal year</a></li><li><a href="#quarters-heading">By quarter</a></li><li><a href="#facts-heading">Facts and sources</a></li>
</ul></nav>
<section aria-labelledby="charts-heading">
  <h2 id="charts-heading">Capex</h2>
  <p><a href="/methodology#capex">What capex means here</a>. <a href="/explore?metric=capex&amp;companies=${[...new Set([c.ticker, ...DEFAULTS.companies])].join(',')}">Compare with other companies</a>.</p>
  ${figures}
</section>
${priceSection(d.prices, { id: 'prices', heading: 'Share price', action: req.path, keep: d.currency !== c.currency ? { currency: d.currency } : {}, syncHint: `airace prices sync ${c.kind === 'group' ? c.members.join(' ') : c.ticker}` })}
${moneyAndModels(d.models, c.name, 'models-heading', twinHref(req.path, 'csv', req.search, 'models'))}
<section aria-labelledby="events-heading">
  <h2 id="events-heading">Events</h2>
  ${
    d.events.length
      ? html`<p>Guidance changes, pledges, model releases and other events that name ${c.kind === 'group' ? 'a member of the group' : c.name}, from the <a href="/#timeline-heading">timeline</a>. Every event links to its source.</p>
  ${eventTable(d.events, { id: 'events', caption: `Events naming ${c.name}`, csvHref: twinHref(req.path, 'csv', req.search, 'events') })}`
      : html`<p>No event in the <a href="/#timeline-heading">timeline</a> names ${c.name}.</p>`
  }
</section>
<section aria-labelledby="years-heading">
  <h2 id="years-heading">Every metric by fiscal year</h2>
  ${metricsTable(d.byYear, 'years', `${c.name} by fiscal year, ${d.currency}`, twinHref(req.path, 'csv', req.search, 'series'), names)}
  ${d.noData.length ? html`<p>No data for: ${d.noData.map((m) => metricLabel(m).toLowerCase()).join(', ')}.</p>` : ''}
</section>
<section aria-labelledby="quarters-heading">
  <h2 id="quarters-heading">Every metric by calendar quarter</h2>
  <p>Quarters the company did not state are derived from year-to-date figures (<a href="/methodology#ytd-quarters">how</a>).</p>
  ${metricsTable(d.byQuarter, 'quarters', `${c.name} by calendar quarter, ${d.currency}`, twinHref(req.path, 'csv', req.search, 'series'), names)}
</section>
<section aria-labelledby="facts-heading">
  <h2 id="facts-heading">Facts and sources</h2>
  <p>Every stored figure, including alternative sources for the same period. <em>Used</em> marks the version the series engine takes; the others stay as evidence.</p>
  ${factsTable(d, twinHref(req.path, 'csv', req.search, 'facts'), names)}
</section>`;
  return layout({ title: `${c.name} (${c.ticker})`, description: `${c.name}: capex, revenue and cash flow by year and quarter, with sources.`, main, section: 'company', twins: { json: twinHref(req.path, 'json', req.search), csv: twinHref(req.path, 'csv', req.search) }, dataAsOf: d.dataAsOf });
}

export const companyPage: Page<CompanyData> = {
  query: QUERIES.companyPage,
  load,
  render,
  companyParameter: 'ticker',
  tables: (d) => [
    { name: 'series', columns: SERIES_CSV_COLUMNS, rows: [...d.byYear, ...d.byQuarter].flatMap(seriesRows) },
    { name: 'facts', columns: FACT_COLUMNS, rows: factRows(d.facts, new Set(d.facts.filter((f) => f.used).map((f) => f.id))) },
    { name: 'events', columns: EVENT_COLUMNS, rows: eventRows(d.events) },
    { name: 'prices', columns: SHARE_PRICE_COLUMNS, rows: d.prices.result ? sharePriceRows(d.prices.result) : [] },
    { name: 'models', columns: MONEY_AND_MODELS_COLUMNS, rows: moneyAndModelsRows(d.models) },
  ],
};
