// A chart as it appears on a page: the server-rendered SVG (works without JavaScript), its
// long description, download links, and the Vega-Lite spec in a JSON data block from which
// app.js draws the interactive view (tooltips, links on every mark).
import type { TopLevelSpec } from 'vega-lite';
import { html, jsonScript, raw, type SafeHtml } from '../html.js';
import type { ServerContext } from '../server-context.js';
import type { ChartLinks } from './chart-links.js';

function longDescriptionOf(spec: TopLevelSpec): string {
  const meta = spec.usermeta as { airace?: { longDescription?: unknown } } | undefined;
  return typeof meta?.airace?.longDescription === 'string' ? meta.airace.longDescription : '';
}

export async function chartFigure(ctx: ServerContext, { id, spec, links }: { id: string; spec: TopLevelSpec; links?: ChartLinks }): Promise<SafeHtml> {
  const svg = await ctx.charts.svg(spec);
  const long = longDescriptionOf(spec);
  return html`<figure class="chart" id="${id}" data-chart>
  <div class="chart-view">${raw(svg)}</div>
  <figcaption>
    ${long ? html`<details class="chart-description"><summary>Chart description and values</summary><ul>${long.split('\n').map((line) => html`<li>${line}</li>`)}</ul></details>` : ''}
    ${links ? downloads(links) : ''}
  </figcaption>
  ${jsonScript(spec, html`class="chart-spec"`)}
</figure>`;
}

export function downloads(links: ChartLinks): SafeHtml {
  return html`<p class="downloads">Download:
    <a href="${links.svg}" download>SVG</a> ·
    <a href="${links.png}" download>PNG</a> ·
    <a href="${links.vegaLite}" download>Vega-Lite JSON</a> ·
    <a href="${links.csv}" download>CSV</a> ·
    <a href="${links.json}">JSON</a></p>`;
}
