// The chart alone, for <iframe> embedding on other sites (the only page that allows framing):
// the same frame as on the dashboard (chart, table, sources, downloads), filling the width it
// is given, with a small "airace · source" credit. app.js reports the page's height to the
// host page, whose embed code resizes the iframe to fit. Any chart query works, figure presets
// included. Links open outside the frame: sources rarely allow being framed themselves.
import { chartMeta } from '../../chart/chart-meta.js';
import { knownCompaniesFor } from '../known-companies.js';
import { html, type SafeHtml } from '../html.js';
import { head } from '../layout.js';
import type { Page, PageRequest } from '../page.js';
import { QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import { parseChartQuery, type ChartQuery } from '../series-query.js';
import { chartSpecFor } from '../chart-spec.js';
import { chartFrame } from '../components/chart-frame.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';
import { planSources, type ChartSource } from '../../views/chart-sources.js';
import type { SeriesResult } from '../../model/series.js';

export interface EmbedData {
  query: ChartQuery;
  links: ChartLinks;
  title: string;
  alt: string;
  periods: string[] | null;
  result: SeriesResult | null;
  /** A figure's documents (a series chart's come from its result). */
  sources: ChartSource[] | null;
}

async function load(ctx: ServerContext, req: PageRequest): Promise<EmbedData> {
  const known = await knownCompaniesFor(ctx.store.db, req.query);
  const query = parseChartQuery(req.query, known);
  const built = await chartSpecFor(ctx.store.db, query, known);
  const meta = chartMeta(built.spec);
  return {
    query,
    links: chartLinks(query),
    title: meta?.title ?? 'Chart',
    alt: built.spec.description ?? '',
    periods: meta?.layout?.periods ?? null,
    result: built.result,
    sources: built.figure ? planSources(built.figure.histories, built.figure.pledge) : null,
  };
}

async function render(d: EmbedData, _ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const table = d.result ? undefined : html`<p>The figures behind this chart, with their sources: <a href="${d.links.csv}">CSV</a> · <a href="${d.links.json}">JSON</a>.</p>`;
  return html`<!doctype html>
<html lang="en">
<head>
${head(`${d.title} · airace`, d.alt, html`<base target="_blank">`)}
</head>
<body class="embed-page">
<main id="main">
${chartFrame({ id: 'chart-embed', links: d.links, alt: d.alt, title: d.title, result: d.result, periods: d.periods ?? undefined, table, sources: d.sources ?? undefined, origin: req.origin, embed: false })}
<p class="embed-credit"><a href="${d.links.explore}">airace</a> · <a href="${d.links.explore.startsWith('/explore') ? d.links.csv : d.links.json}">source data</a> · figures from company filings</p>
</main>
</body>
</html>
`;
}

async function renderError(error: { message: string }): Promise<SafeHtml> {
  return html`<!doctype html><html lang="en"><head>${head('Chart error · airace', undefined)}</head><body class="embed-page"><main id="main"><p class="error" role="alert">${error.message}</p></main></body></html>`;
}

export const embedPage: Page<EmbedData> = { query: QUERIES.chart, load, render, renderError, tables: () => [] };
