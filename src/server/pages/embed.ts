// The chart alone, for <iframe> embedding on other sites (the only page that allows framing).
// Any chart query works, figure presets included. Links open outside the frame: sources
// rarely allow being framed themselves.
import type { TopLevelSpec } from 'vega-lite';
import { knownCompaniesFor } from '../known-companies.js';
import { html, type SafeHtml } from '../html.js';
import { chartScripts, head } from '../layout.js';
import type { Page, PageRequest } from '../page.js';
import { QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import { parseChartQuery, type ChartQuery } from '../series-query.js';
import { chartSpecFor } from '../chart-spec.js';
import { chartFigure } from '../components/chart-figure.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';

export interface EmbedData {
  query: ChartQuery;
  links: ChartLinks;
  spec: TopLevelSpec;
}

async function load(ctx: ServerContext, req: PageRequest): Promise<EmbedData> {
  const query = parseChartQuery(req.query, await knownCompaniesFor(ctx.store.db, req.query));
  const { spec } = await chartSpecFor(ctx.store.db, query);
  return { query, links: chartLinks(query), spec };
}

async function render(d: EmbedData, ctx: ServerContext): Promise<SafeHtml> {
  const title = typeof d.spec.title === 'object' && d.spec.title && 'text' in d.spec.title ? String(d.spec.title.text) : 'Chart';
  return html`<!doctype html>
<html lang="en">
<head>
${head(`${title} · airace`, d.spec.description, html`<base target="_blank">${chartScripts()}`)}
</head>
<body class="embed-page">
<main id="main">
${await chartFigure(ctx, { id: 'chart-embed', spec: d.spec })}
<p class="embed-credit"><a href="${d.links.explore}">Open in airace</a> · <a href="${d.links.csv}">data (CSV)</a></p>
</main>
</body>
</html>
`;
}

async function renderError(error: { message: string }): Promise<SafeHtml> {
  return html`<!doctype html><html lang="en"><head>${head('Chart error · airace', undefined)}</head><body class="embed-page"><main id="main"><p class="error" role="alert">${error.message}</p></main></body></html>`;
}

export const embedPage: Page<EmbedData> = { query: QUERIES.chart, load, render, renderError, tables: () => [] };
