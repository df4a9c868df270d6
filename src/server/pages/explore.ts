// Explore: a GET form (works without JavaScript; the URL holds the whole state), the chart,
// its table, downloads through the API with the same query, and an embed snippet.
import type { DataAsOf } from '../../model/series.js';
import type { Company } from '../../model/company.js';
import type { SeriesResult } from '../../model/series.js';
import type { RaceEvent } from '../../model/race-event.js';
import { PERIODS } from '../../model/series.js';
import { METRICS, METRIC_IDS } from '../../series/metrics.js';
import { listCompanies } from '../../store/companies-repository.js';
import { buildChart, CHART_TYPES } from '../../chart/chart.js';
import { PRESET_NAMES } from '../../chart/presets.js';
import { TRANSFORMS } from '../../series/analytics.js';
import { ApiError } from '../api-error.js';
import { seriesResultFor } from '../series-result.js';
import { chartEventsFor } from '../chart-spec.js';
import { describeChart } from '../../chart/describe.js';
import { periodName } from '../../chart/chart-data.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type Page, type PageRequest } from '../page.js';
import type { ServerContext } from '../server-context.js';
import { chartOptionsOf, parseChartQuery, queryString, type ChartQuery, type RawQuery } from '../series-query.js';
import { chartFigure } from '../components/chart-figure.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';
import { seriesTable } from '../components/series-table.js';
import { PRICE_PARAMS, loadPriceSection, priceSection, type PriceSectionData } from '../components/price-section.js';
import { SHARE_PRICE_COLUMNS, sharePriceRows } from '../../views/price-rows.js';

const TYPE_LABELS: Record<string, string> = { grouped: 'Grouped columns', line: 'Line', stacked: 'Stacked columns' };
const TRANSFORM_LABELS: Record<string, string> = { yoy: 'Year-over-year growth (%)', share: 'Share of the companies shown (%)' };

/** "Capital expenditures", or "Capital expenditures, year-over-year growth (%)" for a transform. */
function metricTitle(q: ChartQuery): string {
  const label = METRICS.get(q.metric)?.label ?? q.metric;
  return q.transform ? `${label}, ${TRANSFORM_LABELS[q.transform]!.charAt(0).toLowerCase()}${TRANSFORM_LABELS[q.transform]!.slice(1)}` : label;
}

export interface ExploreData {
  query: ChartQuery;
  /** The canonical query string; the page's URL after an update. */
  queryString: string;
  links: ChartLinks;
  /** `<iframe>` markup for other sites. */
  embedSnippet: string;
  alt: string;
  result: SeriesResult;
  /** Events marked on the chart (`annotate`); empty without it. */
  events: RaceEvent[];
  /** Share prices of the companies shown (or `?prices=`), rebased to 100 at `?prices-from=`. */
  prices: PriceSectionData;
  /** How current the figures shown are (the series result's). */
  dataAsOf: DataAsOf;
  /** Choices the form offers. */
  choices: { metrics: { id: string; label: string }[]; companies: { ticker: string; name: string }[]; periods: readonly string[]; transforms: readonly string[]; types: readonly string[] };
}

function choices(companies: Company[]): ExploreData['choices'] {
  return {
    metrics: METRIC_IDS.map((id) => ({ id, label: METRICS.get(id)!.label })),
    // Companies by name, then groups (the store lists groups first, then tickers).
    companies: [...companies].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'company' ? -1 : 1)).map((c) => ({ ticker: c.ticker, name: c.name })),
    periods: PERIODS,
    transforms: TRANSFORMS,
    types: CHART_TYPES,
  };
}

export function embedSnippet(origin: string, links: ChartLinks, title: string): string {
  return `<iframe src="${origin}${links.embed.replace(/&/g, '&amp;')}" title="${title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" width="100%" height="620" loading="lazy" frameborder="0"></iframe>`;
}

async function load(ctx: ServerContext, req: PageRequest): Promise<ExploreData> {
  const { db } = ctx.store;
  const companies = await listCompanies(db);
  const query = parseChartQuery(req.query, companies);
  if (query.figure) throw new ApiError(400, `invalid preset: ${query.preset} is a figure, not a series (it is on the overview)`, 'preset', PRESET_NAMES);
  const result = await seriesResultFor(db, query);
  const events = await chartEventsFor(db, query, result);
  const links = chartLinks(query);
  const spec = exploreChart(result, query, events);
  const title = typeof spec.title === 'object' && spec.title && 'text' in spec.title ? String(spec.title.text) : result.metric;
  return {
    query,
    queryString: queryString(query, { chart: true }),
    links,
    embedSnippet: embedSnippet(req.origin, links, title),
    alt: describeChart(result, { type: query.type }).alt,
    result,
    events,
    prices: await loadPriceSection(db, req.query, query.companies),
    dataAsOf: result.dataAsOf,
    choices: choices(companies),
  };
}

function exploreChart(result: SeriesResult, q: ChartQuery, events: RaceEvent[]) {
  return buildChart(result, { ...chartOptionsOf(q), ...(q.annotate ? { annotations: events } : {}) });
}

/** The form's current values: the parsed query, or the raw input when it did not parse. */
interface FormState {
  metric: string;
  companies: string[];
  period: string;
  from: string;
  to: string;
  currency: string;
  transform: string;
  type: string;
  /** The `annotate` value ('' for none): the checkbox keeps a list of kinds given in the URL. */
  annotate: string;
}

function stateOf(q: ChartQuery): FormState {
  return { metric: q.metric, companies: q.companies, period: q.period, from: q.from ?? '', to: q.to ?? '', currency: q.currency ?? '', transform: q.transform ?? '', type: q.type, annotate: q.annotate === true ? 'true' : (q.annotate?.join(',') ?? '') };
}

function rawState(q: RawQuery): FormState {
  const one = (k: string) => {
    const v = q[k];
    return v === undefined ? '' : String(Array.isArray(v) ? v[v.length - 1] : v);
  };
  const c = q.companies;
  const companies = c === undefined ? ['AMZN', 'MSFT', 'GOOGL', 'META'] : (Array.isArray(c) ? c : [c]).flatMap((x) => String(x).split(',')).map((x) => x.trim().toUpperCase());
  return { metric: one('metric') || 'capex', companies, period: one('period') || 'fy', from: one('from'), to: one('to'), currency: one('currency'), transform: one('transform'), type: one('type') || 'grouped', annotate: q.annotate === undefined || ['false', '0', 'off'].includes(one('annotate').toLowerCase()) ? '' : one('annotate') || 'true' };
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

function form(s: FormState, c: ExploreData['choices']): SafeHtml {
  return html`<form method="get" action="/explore" id="explore-form" class="controls" aria-labelledby="controls-heading">
  <h2 id="controls-heading">Chart settings</h2>
  <div class="field"><label for="metric">Metric</label>
    <select id="metric" name="metric">${c.metrics.map((m) => option(m.id, m.label, s.metric))}</select>
    <a class="hint" href="/methodology#${s.metric}">Definition</a></div>
  <fieldset class="field companies"><legend>Companies</legend>
    ${c.companies.map((co) => html`<div class="check"><input type="checkbox" id="company-${co.ticker}" name="companies" value="${co.ticker}"${s.companies.includes(co.ticker) ? html` checked` : ''}><label for="company-${co.ticker}">${co.name}</label></div>`)}
  </fieldset>
  <div class="field"><label for="period">Period</label>
    <select id="period" name="period">${c.periods.map((p) => option(p, periodName(p as ChartQuery['period']), s.period))}</select></div>
  <div class="field range">
    <div><label for="from">From</label><input id="from" name="from" value="${s.from}" size="8" autocomplete="off" aria-describedby="range-hint"></div>
    <div><label for="to">To</label><input id="to" name="to" value="${s.to}" size="8" autocomplete="off" aria-describedby="range-hint"></div>
    <p id="range-hint" class="hint">A year (2022) or a quarter (2024-Q3); empty for all data.</p>
  </div>
  <div class="field"><label for="currency">Currency</label>
    <select id="currency" name="currency">${option('', 'Reporting currency', s.currency)}${option('USD', 'US dollars', s.currency)}${option('CNY', 'Renminbi (Alibaba only)', s.currency)}</select></div>
  <div class="field"><label for="transform">Values</label>
    <select id="transform" name="transform">${option('', 'As reported', s.transform)}${c.transforms.map((t) => option(t, TRANSFORM_LABELS[t] ?? t, s.transform))}</select></div>
  <div class="field"><label for="type">Chart type</label>
    <select id="type" name="type">${c.types.map((t) => option(t, TYPE_LABELS[t] ?? t, s.type))}</select></div>
  <div class="field check"><input type="checkbox" id="annotate" name="annotate" value="${s.annotate || 'true'}"${s.annotate ? html` checked` : ''} aria-describedby="annotate-hint"><label for="annotate">Mark events</label></div>
  <p id="annotate-hint" class="hint">Model releases, guidance, pledges and policy moves that name the companies shown, each linked to its source.</p>
  <button type="submit">Update chart</button>
</form>`;
}

function statusText(d: ExploreData): string {
  const names = d.result.series.map((s) => s.name).join(', ');
  return `Showing ${metricTitle(d.query)} for ${names}, ${periodName(d.result.period)}.`;
}

async function results(d: ExploreData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const spec = exploreChart(d.result, d.query, d.events);
  return html`<div id="explore-results" class="results">
  ${await chartFigure(ctx, { id: 'chart-explore', spec, links: d.links })}
  <div class="embed">
    <label for="embed-snippet">Embed this chart on another site</label>
    <textarea id="embed-snippet" readonly rows="3">${d.embedSnippet}</textarea>
    <p class="hint"><a href="${d.links.embed}">Preview the embed</a></p>
  </div>
  ${seriesTable(d.result, { id: 'explore-table', caption: `${metricTitle(d.query)}, ${periodName(d.result.period)}, ${d.result.unit}`, csvHref: twinHref('/explore', 'csv', req.search) })}
  <p class="definition"><strong>Definition:</strong> ${d.result.definition} <a href="/methodology#${d.query.metric}">More on this metric</a></p>
  ${d.result.series.filter((s) => s.definition).map((s) => html`<p class="definition"><strong>${s.name}:</strong> ${s.definition}</p>`)}
</div>`;
}

function page(main: SafeHtml, canonical: string, req: PageRequest, dataAsOf?: DataAsOf): SafeHtml {
  return layout({
    title: 'Explore',
    description: 'Chart any metric for any companies and periods; download it or embed it.',
    main,
    section: 'explore',
    twins: { json: twinHref('/explore', 'json', req.search), csv: twinHref('/explore', 'csv', req.search) },
    canonical,
    scripts: true,
    dataAsOf,
  });
}

async function render(d: ExploreData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const main = html`<h1>Explore</h1>
<div class="explore">
  ${form(stateOf(d.query), d.choices)}
  <div class="explore-output">
    <p id="explore-status" role="status">${statusText(d)}</p>
    ${await results(d, ctx, req)}
  </div>
</div>
${await priceSection(ctx, d.prices, { id: 'prices', heading: 'Share prices', action: '/explore', keep: mainQuery(req), syncHint: `airace prices sync ${d.query.companies.join(' ')}` })}`;
  return page(main, `/explore?${d.queryString}`, req, d.result.dataAsOf);
}

/** The chart's own parameters, which the share-price form carries along. */
function mainQuery(req: PageRequest): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.search)) if (k !== PRICE_PARAMS.listings && k !== PRICE_PARAMS.from) keep[k] = keep[k] ? `${keep[k]},${v}` : v;
  return keep;
}

async function renderError(error: ApiError, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const companies = await listCompanies(ctx.store.db);
  const main = html`<h1>Explore</h1>
<div class="explore">
  ${form(rawState(req.query), choices(companies))}
  <div class="explore-output">
    <p id="explore-status" role="status">Could not draw this chart: ${error.message}</p>
    <div id="explore-results" class="results">
      <div class="error" role="alert">
        <h2>Check the ${error.parameter ?? 'query'}</h2>
        <p>${error.message}</p>
        ${error.allowed.length ? html`<p>Allowed: ${error.allowed.join(', ')}</p>` : ''}
      </div>
    </div>
  </div>
</div>`;
  return page(main, `/explore${req.search ? `?${req.search}` : ''}`, req);
}

export const explorePage: Page<ExploreData> = {
  load,
  render,
  renderError,
  tables: (d) => [
    { name: 'series', columns: SERIES_CSV_COLUMNS, rows: seriesRows(d.result) },
    { name: 'prices', columns: SHARE_PRICE_COLUMNS, rows: d.prices.result ? sharePriceRows(d.prices.result) : [] },
  ],
};
