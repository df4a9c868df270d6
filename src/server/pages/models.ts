// "Models and compute": the capability side of the race, from Epoch AI's data (CC BY 4.0).
// Training compute of notable models over time (log scale, US / China / other, Alibaba's and
// DeepSeek's models named), models released per year by the leading labs and companies, the
// open-weights share by country, the frontier to date, and the newest models, each table with
// a CSV twin. Without models data: an empty state naming the one command that loads it.
import type { ModelCatalog, ModelSeriesResult } from '../../model/model-series.js';
import { modelCatalog, MODELS_EMPTY_NOTICE, resolveOrg } from '../../series/model-catalog.js';
import { allCompanies } from '../../series/read-db.js';
import { getModelSeries } from '../../series/model-series.js';
import { chartSizeFor, chartWords, computeChartSpec, computeSize, defaultFrom, lineSize } from '../../views/models-chart.js';
import { MODEL_COLUMNS, modelJson, modelRows, type ModelJson } from '../../views/model-rows.js';
import { MODEL_SERIES_COLUMNS, modelSeriesRows } from '../../views/model-series-rows.js';
import { modelSeriesLineSpec } from '../../chart/specs/model-series-line.js';
import { DEFAULT_HIGHLIGHT } from '../../chart/specs/compute-over-time.js';
import { retrievalAsOfText } from '../../series/data-as-of.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type CsvTable, type Page, type PageRequest } from '../page.js';
import type { ServerContext } from '../server-context.js';
import { modelsChartFrame, type ModelsRetrieval } from '../components/models-chart-frame.js';
import { modelListTable, modelSeriesTable, modelsCredit, modelsEmptyState } from '../components/model-tables.js';
import { MODEL_QUERIES, modelsQueryString, parseModelFilter } from '../models-query.js';
import type { ModelFilter } from '../../series/model-catalog.js';

/** How many of the newest models the page lists (all are in the CSV twin). */
const LATEST = 25;

export interface ModelsPageData {
  loaded: boolean;
  notice: string | null;
  credit: string;
  dataAsOf: string | null;
  load: ModelCatalog['load'];
  filter: ModelFilter;
  /** The compute chart's models (those in the date range) and how many have no estimate. */
  compute: { from: string | null; highlight: string[]; models: ModelJson[]; withoutEstimate: number };
  perYear: ModelSeriesResult;
  openWeights: ModelSeriesResult;
  frontier: ModelSeriesResult;
  latest: ModelJson[];
  /** Names of the CSV twins (`/models.csv?table=`). */
  tables: string[];
}

/** The catalogue the page keeps, for building its charts again at render time. */
const catalogs = new WeakMap<ModelsPageData, ModelCatalog>();

async function load(ctx: ServerContext, req: PageRequest): Promise<ModelsPageData> {
  const filter = parseModelFilter(req.query);
  return ctx.memo.get(`models:${modelsQueryString({ ...filter, orgs: filter.orgs, countries: filter.countries })}`, async () => {
    const { db } = ctx.store;
    const from = await defaultFrom(db, filter);
    const [catalog, perYear, openWeights, frontier] = await Promise.all([
      modelCatalog(db, { ...filter, from }),
      getModelSeries(db, { ...filter, from, metric: 'models_released', period: 'cy', by: 'company', countries: filter.countries }),
      getModelSeries(db, { ...filter, from, metric: 'open_weights_share', period: 'cy', by: 'country' }),
      getModelSeries(db, { ...filter, from, metric: 'frontier_compute', period: 'cy', by: 'country' }),
    ]);
    // Filtered to some makers, the chart rings and names theirs; otherwise Alibaba's and DeepSeek's.
    const companies = filter.orgs?.length ? await allCompanies(db) : [];
    const highlight = filter.orgs?.length ? [...new Set(filter.orgs.map((q) => resolveOrg(catalog.models, companies, q)?.actor).filter((a): a is string => !!a))] : DEFAULT_HIGHLIGHT;
    const newest = [...catalog.models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? ''));
    const data: ModelsPageData = {
      loaded: catalog.load !== null,
      notice: catalog.load ? null : MODELS_EMPTY_NOTICE,
      credit: catalog.credit,
      dataAsOf: catalog.dataAsOf,
      load: catalog.load,
      filter,
      compute: { from: from ?? null, highlight: highlight.length ? highlight : DEFAULT_HIGHLIGHT, models: catalog.models.filter((m) => m.trainingComputeFlop !== null).map((m) => modelJson(m, catalog)), withoutEstimate: catalog.models.filter((m) => m.trainingComputeFlop === null).length },
      perYear,
      openWeights,
      frontier,
      latest: newest.slice(0, LATEST).map((m) => modelJson(m, catalog)),
      tables: TABLES.map((t) => t.name),
    };
    catalogs.set(data, catalog);
    return data;
  });
}

const TABLES: { name: string; build: (d: ModelsPageData, c: ModelCatalog | undefined) => Omit<CsvTable, 'name'> }[] = [
  { name: 'models', build: (d, c) => ({ columns: MODEL_COLUMNS, rows: c ? modelRows(c, [...c.models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? ''))) : [] }) },
  { name: 'per-year', build: (d) => ({ columns: MODEL_SERIES_COLUMNS, rows: modelSeriesRows(d.perYear) }) },
  { name: 'open-weights', build: (d) => ({ columns: MODEL_SERIES_COLUMNS, rows: modelSeriesRows(d.openWeights) }) },
  { name: 'frontier', build: (d) => ({ columns: MODEL_SERIES_COLUMNS, rows: modelSeriesRows(d.frontier) }) },
];

/** The two line charts of the page, each in its own section, frame and table. */
const SERIES_CHARTS: { id: string; heading: string; title: string; lede: SafeHtml; chart: string; series: string; result: (d: ModelsPageData) => ModelSeriesResult; table: string; caption: string; csv: string }[] = [
  {
    id: 'chart-per-year',
    heading: 'per-year-heading',
    title: 'Models released per year by the leading labs and companies',
    lede: html`Notable models per calendar year by the developers with the most of them. Google DeepMind, Google Brain and Google Research count as Alphabet, Meta AI and FAIR as Meta (<a href="/methodology#models">the organisation map</a>); labs such as OpenAI and DeepSeek count as themselves. A model made jointly counts for each developer.`,
    chart: 'per-year',
    series: 'metric=models_released&by=company',
    result: (d) => d.perYear,
    table: 'per-year-table',
    caption: 'Notable models released per calendar year',
    csv: 'per-year',
  },
  {
    id: 'chart-open',
    heading: 'open-heading',
    title: 'Open-weights share by country',
    lede: html`The share of each year’s models whose weights anyone can download (Epoch’s accessibility “Open weights”, unrestricted, restricted or non-commercial), among the models whose accessibility Epoch records. The dot’s size shows how many models a share is based on.`,
    chart: 'open-weights',
    series: 'metric=open_weights_share&by=country',
    result: (d) => d.openWeights,
    table: 'open-table',
    caption: 'Open-weights share of models released, by country group',
    csv: 'open-weights',
  },
];

/** Two query strings joined. */
const and = (a: string, b: string) => (a ? `${a}&${b}` : b);

function seriesData(search: string, series: string): { json: string; csv: string } {
  return { json: `/api/v1/models/series?${and(search, series)}`, csv: `/api/v1/models/series.csv?${and(search, series)}` };
}

function filterSearch(f: ModelFilter): string {
  return modelsQueryString({ org: f.orgs, country: f.countries, from: f.from, to: f.to, 'as-of': f.asOf });
}

async function render(d: ModelsPageData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const lede = html`<p class="lede">The capability side of the race: who releases notable AI models, how much compute they train them with, and whether the weights are open, from <a href="https://epoch.ai/data/ai-models">Epoch AI’s data</a>. Compute figures are Epoch’s estimates, with its confidence beside each; many recent frontier models have no public estimate, and a missing estimate is shown as missing, never as zero.</p>`;
  if (!d.loaded) {
    const main = html`<h1>Models and compute</h1>${lede}${modelsEmptyState()}`;
    return layout({ title: 'Models and compute', description: 'AI models and training compute from Epoch AI’s data.', main, section: 'models', twins: { json: '/models.json', csv: '/models.csv' } });
  }
  const catalog = catalogs.get(d) ?? (await modelCatalog(ctx.store.db, { ...d.filter, from: d.compute.from ?? undefined }));
  const search = filterSearch(d.filter);
  const csv = (table: string) => twinHref('/models', 'csv', req.search, table);
  const ringed = catalog.models.filter((m) => m.trainingComputeFlop !== null && m.actors.some((a) => d.compute.highlight.includes(a.name)));
  const plotted = d.compute.models.length;
  const retrieval: ModelsRetrieval = { credit: d.credit, dataAsOf: d.dataAsOf, retrieved: d.load?.retrieved ?? null, source: d.load?.source ?? null };
  const main = html`<h1>Models and compute</h1>
${lede}
${modelsCredit(retrieval)}
<nav aria-label="On this page" class="toc"><ul>
  <li><a href="#compute-heading">Training compute</a></li><li><a href="#per-year-heading">Models per year</a></li><li><a href="#open-heading">Open weights</a></li><li><a href="#frontier-heading">The frontier</a></li><li><a href="#latest-heading">Newest models</a></li><li><a href="#about-heading">About the data</a></li>
</ul></nav>

<section aria-labelledby="compute-heading">
  <h2 id="compute-heading">Training compute of notable models over time</h2>
  <p>Each dot is a model with an Epoch AI compute estimate (${plotted} models); the scale is logarithmic, so each gridline is ten times the one below. Colours say where the developers are based: <em>US</em> or <em>China</em> when the countries include one but not the other, <em>Other</em> for everything else (joint US–China models included). Models by ${d.compute.highlight.join(' and ')} are ringed and the largest named. ${d.compute.withoutEstimate} models in these years have no public estimate and cannot be drawn.</p>
  ${modelsChartFrame({
    id: 'chart-compute',
    chartQuery: and(search, `chart=compute&highlight=${encodeURIComponent(d.compute.highlight.join(','))}`),
    data: { json: `/api/v1/models${search ? `?${search}` : ''}`, csv: `/api/v1/models.csv${search ? `?${search}` : ''}` },
    words: chartWords(computeChartSpec(catalog, { highlight: d.compute.highlight, ...computeSize(chartSizeFor(undefined, 'compute')) })),
    table: modelListTable([...ringed].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? '')), { id: 'ringed', caption: `${d.compute.highlight.join(' and ')} models with a compute estimate (${ringed.length}; every model in the CSV)`, csvHref: csv('models') }),
    retrieval,
    origin: req.origin,
  })}
</section>

${SERIES_CHARTS.map((c) => html`<section aria-labelledby="${c.heading}">
  <h2 id="${c.heading}">${c.title}</h2>
  <p>${c.lede}</p>
  ${modelsChartFrame({
    id: c.id,
    chartQuery: and(search, `chart=${c.chart}`),
    data: seriesData(search, c.series),
    words: chartWords(modelSeriesLineSpec(c.result(d), lineSize(chartSizeFor()))),
    table: modelSeriesTable(c.result(d), { id: c.table, caption: c.caption, csvHref: csv(c.csv) }),
    retrieval,
    origin: req.origin,
  })}
</section>`)}

<section aria-labelledby="frontier-heading">
  <h2 id="frontier-heading">The frontier to date</h2>
  <p>The largest training compute of any model with a public estimate published by the end of each year, by country group; each figure links to the model’s source and names it.</p>
  ${modelSeriesTable(d.frontier, { id: 'frontier-table', caption: 'Frontier training compute to date (FLOP), by country group', csvHref: csv('frontier') })}
</section>

<section aria-labelledby="latest-heading">
  <h2 id="latest-heading">Newest models</h2>
  ${modelListTable(catalog.models.filter((m) => d.latest.some((x) => x.id === m.id)).sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? '')), { id: 'latest', caption: `The ${d.latest.length} newest of ${catalog.models.length} models (all in the CSV)`, csvHref: csv('models') })}
</section>

<section aria-labelledby="about-heading">
  <h2 id="about-heading">About the data</h2>
  <ul>
    <li>Epoch AI records notable models (state of the art, highly cited, historically significant or widely used) with estimates of parameters, training compute and cost, each with its confidence: Confident, Likely or Speculative.</li>
    <li>A compute estimate is usually 6 × parameters × training tokens, or accelerator-hours × peak throughput × utilisation. Estimates are revised: airace keeps every retrieval (<code>airace models loads</code>) and reads an earlier one with <code>as-of</code>.</li>
    <li>Costs come in two kinds that should not be added: the notable table’s cloud-rental cost in 2023 dollars, and the large-scale table’s cloud cost.</li>
    <li>${retrievalAsOfText(d.dataAsOf)}; refresh with <code>airace models sync</code>. The same data: <a href="/api/v1/models">JSON</a> · <a href="/api/v1/models.csv">CSV</a> · <a href="/api/v1/models/series?metric=frontier_compute&amp;country=US,China">series API</a>.</li>
  </ul>
</section>`;
  return layout({
    title: 'Models and compute',
    description: 'Training compute of notable AI models over time, models per year by lab and company, and the open-weights share by country, from Epoch AI’s data.',
    main,
    section: 'models',
    twins: { json: twinHref('/models', 'json', req.search), csv: twinHref('/models', 'csv', req.search) },
  });
}

export const modelsPage: Page<ModelsPageData> = {
  query: MODEL_QUERIES.page,
  load,
  render,
  tables: (d) => TABLES.map((t) => ({ name: t.name, ...t.build(d, catalogs.get(d)) })),
};

