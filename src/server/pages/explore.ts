// Explore: a GET form (works without JavaScript; the URL holds the whole state) and the chart
// in its frame (chart, table, sources, downloads and embed code). Combinations that would make
// a meaningless chart (a stack of growth rates) are disabled in the form with the reason.
import type { DataAsOf } from '../../model/series.js';
import type { Company } from '../../model/company.js';
import type { SeriesResult } from '../../model/series.js';
import type { RaceEvent } from '../../model/race-event.js';
import { PERIODS } from '../../model/series.js';
import { lastValue, parseList, FLAG_WORDS } from '../../model/list-input.js';
import { METRICS, METRIC_IDS } from '../../series/metrics.js';
import { TRANSFORMS } from '../../series/analytics.js';
import { PERIOD_WORDS, TRANSFORM_WORDS, metricLabel } from '../../series/labels.js';
import { allCompanies } from '../../series/read-db.js';
import { CHART_TYPES, type ChartType } from '../../chart/chart-type.js';
import { PRESET_NAMES } from '../../chart/presets.js';
import { combinationRefusal } from '../../chart/chart-combinations.js';
import { ApiError } from '../api-error.js';
import { seriesResultFor } from '../series-result.js';
import { chartEventsFor } from '../chart-spec.js';
import { chartSummary } from '../chart-summary.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { html, jsonScript, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type Page, type PageRequest } from '../page.js';
import { DEFAULTS, QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import { chartOptionsOf, parseChartQuery, queryString, type ChartQuery, type RawQuery } from '../series-query.js';
import { chartFrame } from '../components/chart-frame.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';
import { PRICE_PARAMS, loadPriceSection, priceSection, type PriceSectionData } from '../components/price-section.js';
import { SHARE_PRICE_COLUMNS, sharePriceRows } from '../../views/price-rows.js';

const TYPE_LABELS: Record<ChartType, string> = { grouped: 'Grouped columns', line: 'Line', stacked: 'Stacked columns' };

export interface ExploreData {
  query: ChartQuery;
  /** The canonical query string; the page's URL after an update. */
  queryString: string;
  links: ChartLinks;
  title: string;
  alt: string;
  /** The periods the chart shows. */
  periods: string[];
  result: SeriesResult;
  /** Events marked on the chart (`annotate`); empty without it. */
  events: RaceEvent[];
  /** Share prices of the companies shown (or `?prices=`), rebased to 100 at `?prices-from=`. */
  prices: PriceSectionData;
  /** How current the figures shown are (the series result's). */
  dataAsOf: DataAsOf;
  /** Choices the form offers. */
  choices: { metrics: { id: string; label: string; unit: 'money' | 'percent' }[]; companies: { ticker: string; name: string }[]; periods: readonly string[]; transforms: readonly string[]; types: readonly string[] };
}

function choices(companies: Company[]): ExploreData['choices'] {
  return {
    metrics: METRIC_IDS.map((id) => ({ id, label: METRICS.get(id)!.label, unit: METRICS.get(id)!.unit })),
    // Companies by name, then groups (the store lists groups first, then tickers).
    companies: [...companies].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'company' ? -1 : 1)).map((c) => ({ ticker: c.ticker, name: c.name })),
    periods: PERIODS,
    transforms: TRANSFORMS,
    types: CHART_TYPES,
  };
}

async function load(ctx: ServerContext, req: PageRequest): Promise<ExploreData> {
  const { db } = ctx.store;
  const companies = await allCompanies(db);
  const query = parseChartQuery(req.query, companies);
  if (query.figure) throw new ApiError(400, `invalid preset: ${query.preset} is a figure, not a series (it is on the overview)`, 'preset', PRESET_NAMES);
  const result = await seriesResultFor(db, query, companies);
  const events = await chartEventsFor(db, query, result);
  const summary = chartSummary(result, chartOptionsOf(query));
  return { query, queryString: queryString(query, { chart: true }), links: chartLinks(query), ...summary, result, events, prices: await loadPriceSection(db, req.query, query.companies), dataAsOf: result.dataAsOf, choices: choices(companies) };
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
  const one = (k: string) => lastValue(q[k]) ?? '';
  const companies = q.companies === undefined ? [...DEFAULTS.companies] : parseList(q.companies).map((x) => x.toUpperCase());
  const annotate = one('annotate');
  return {
    metric: one('metric').toLowerCase() || DEFAULTS.metric,
    companies,
    period: one('period').toLowerCase() || DEFAULTS.period,
    from: one('from'),
    to: one('to'),
    currency: one('currency'),
    transform: one('transform').toLowerCase(),
    type: one('type').toLowerCase() || DEFAULTS.type,
    annotate: q.annotate === undefined || (FLAG_WORDS.off as readonly string[]).includes(annotate.toLowerCase()) ? '' : annotate || 'true',
  };
}

function option(value: string, label: string, selected: string, disabledBecause?: string): SafeHtml {
  const text = disabledBecause ? `${label} (not with these values)` : label;
  return html`<option value="${value}"${value === selected ? html` selected` : ''}${disabledBecause ? html` disabled title="${disabledBecause}"` : ''}>${text}</option>`;
}

/** What the current metric and values rule out, said beside the control. */
function refusals(s: FormState, c: ExploreData['choices']) {
  const unit = c.metrics.find((m) => m.id === s.metric)?.unit ?? 'money';
  const transform = (TRANSFORMS as readonly string[]).includes(s.transform) ? (s.transform as (typeof TRANSFORMS)[number]) : null;
  const types = Object.fromEntries(CHART_TYPES.map((t) => [t, combinationRefusal({ unit, transform, type: t })?.reason])) as Record<ChartType, string | undefined>;
  const transforms = Object.fromEntries(TRANSFORMS.map((t) => [t, combinationRefusal({ unit, transform: t })?.reason])) as Record<string, string | undefined>;
  return { types, transforms };
}

function form(s: FormState, c: ExploreData['choices']): SafeHtml {
  const r = refusals(s, c);
  const typeNote = Object.entries(r.types).find(([, why]) => why);
  const transformNote = Object.entries(r.transforms).find(([, why]) => why);
  // The rules app.js applies as the controls change (the same function decided the markup).
  const rules = { percentMetrics: c.metrics.filter((m) => m.unit === 'percent').map((m) => m.id) };
  return html`<form method="get" action="/explore" id="explore-form" class="controls" aria-labelledby="controls-heading">
  <h2 id="controls-heading">Chart settings</h2>
  <div class="field"><label for="metric">Metric</label>
    <select id="metric" name="metric">${c.metrics.map((m) => option(m.id, m.label, s.metric))}</select>
    <a class="hint" href="/methodology#${s.metric}">What ${metricLabel(s.metric).toLowerCase()} means</a></div>
  <fieldset class="field companies"><legend>Companies</legend>
    ${c.companies.map((co) => html`<div class="check"><input type="checkbox" id="company-${co.ticker}" name="companies" value="${co.ticker}"${s.companies.includes(co.ticker) ? html` checked` : ''}><label for="company-${co.ticker}">${co.name}</label></div>`)}
  </fieldset>
  <div class="field"><label for="period">Period</label>
    <select id="period" name="period">${c.periods.map((p) => option(p, PERIOD_WORDS[p as keyof typeof PERIOD_WORDS].plural, s.period))}</select></div>
  <div class="field range">
    <div><label for="from">From</label><input id="from" name="from" value="${s.from}" size="8" autocomplete="off" aria-describedby="range-hint"></div>
    <div><label for="to">To</label><input id="to" name="to" value="${s.to}" size="8" autocomplete="off" aria-describedby="range-hint"></div>
    <p id="range-hint" class="hint">A year (2022) or a quarter (2024-Q3); empty for all data.</p>
  </div>
  <div class="field"><label for="currency">Currency</label>
    <select id="currency" name="currency">${option('', 'Reporting currency', s.currency)}${option('USD', 'US dollars', s.currency)}${option('CNY', 'Renminbi (Alibaba only)', s.currency)}</select></div>
  <div class="field"><label for="transform">Values</label>
    <select id="transform" name="transform" aria-describedby="transform-hint">${option('', 'As reported', s.transform)}${c.transforms.map((t) => option(t, TRANSFORM_WORDS[t as keyof typeof TRANSFORM_WORDS].label, s.transform, r.transforms[t]))}</select>
    <p id="transform-hint" class="hint" data-hint="transform">${transformNote ? `${TRANSFORM_WORDS[transformNote[0] as keyof typeof TRANSFORM_WORDS].label}: not here, as ${transformNote[1]}.` : ''}</p></div>
  <div class="field"><label for="type">Chart type</label>
    <select id="type" name="type" aria-describedby="type-hint">${c.types.map((t) => option(t, TYPE_LABELS[t as ChartType], s.type, r.types[t as ChartType]))}</select>
    <p id="type-hint" class="hint" data-hint="type">${typeNote ? `${TYPE_LABELS[typeNote[0] as ChartType]}: not here, as ${typeNote[1]}.` : ''}</p></div>
  <div class="field check"><input type="checkbox" id="annotate" name="annotate" value="${s.annotate || 'true'}"${s.annotate ? html` checked` : ''} aria-describedby="annotate-hint"><label for="annotate">Mark events</label></div>
  <p id="annotate-hint" class="hint">Model releases, guidance, pledges and policy moves that name the companies shown, each linked to its source.</p>
  <button type="submit">Update chart</button>
  ${jsonScript(rules, html`id="explore-rules"`)}
</form>`;
}

function statusText(d: ExploreData): string {
  return `Showing ${d.title}.`;
}

function results(d: ExploreData, req: PageRequest): SafeHtml {
  return html`<div id="explore-results" class="results">
  ${chartFrame({ id: 'chart-explore', links: d.links, alt: d.alt, title: d.title, result: d.result, periods: d.periods, origin: req.origin, widths: [360, 640, 820] })}
  <p class="definition"><strong>Definition:</strong> ${METRICS.get(d.query.metric)?.summary ?? ''} <a href="/methodology#${d.query.metric}">More on this metric</a></p>
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
    dataAsOf,
  });
}

async function render(d: ExploreData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const main = html`<h1>Explore</h1>
<div class="explore">
  ${form(stateOf(d.query), d.choices)}
  <div class="explore-output">
    <p id="explore-status" role="status">${statusText(d)}</p>
    ${results(d, req)}
  </div>
</div>
${priceSection(d.prices, { id: 'prices', heading: 'Share prices', action: '/explore', keep: mainQuery(req), syncHint: `airace prices sync ${d.query.companies.join(' ')}` })}`;
  return page(main, `/explore?${d.queryString}`, req, d.result.dataAsOf);
}

/** The chart's own parameters, which the share-price form carries along. */
function mainQuery(req: PageRequest): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.search)) if (k !== PRICE_PARAMS.listings && k !== PRICE_PARAMS.from) keep[k] = keep[k] ? `${keep[k]},${v}` : v;
  return keep;
}

async function renderError(error: ApiError, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const companies = await allCompanies(ctx.store.db);
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
  query: QUERIES.explorePage,
  load,
  render,
  renderError,
  tables: (d) => [
    { name: 'series', columns: SERIES_CSV_COLUMNS, rows: seriesRows(d.result) },
    { name: 'prices', columns: SHARE_PRICE_COLUMNS, rows: d.prices.result ? sharePriceRows(d.prices.result) : [] },
  ],
};
