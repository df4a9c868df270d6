// One frame per chart, the same on every page and in the embed (Our World in Data's grapher
// habit): Chart · Table · Sources · Download in one figure. "Data as of" is in the chart's own
// footer (so a downloaded SVG or PNG carries it) and in the page's line, not again under the frame.
//
// The chart is drawn on the server for the width it is shown at: without JavaScript the
// browser picks one of three widths (<picture>); with it, app.js asks /api/v1/chart.svg for the
// frame's exact width and inlines the SVG, whose marks are links (keyboard-reachable) with an
// aria-label each. The Table tab is the same figures as a table, every value linked to its source.
import type { SeriesResult } from '../../model/series.js';
import { chartSources, type ChartSource } from '../../views/chart-sources.js';
import { html, type SafeHtml } from '../html.js';
import type { ChartLinks } from './chart-links.js';
import { seriesTable } from './series-table.js';
import { documentCitation, type CompanyNames } from './source-links.js';
import { embedCode } from './embed-code.js';

export interface FrameInput {
  id: string;
  /** The chart's API links (image at a width, data, embed); null for a chart with no image route (share prices), drawn inline as `chart`. */
  links: ChartLinks | null;
  /** The chart already drawn (SVG), for a chart with no image route. */
  chart?: SafeHtml;
  /** A Download panel of its own (the data routes of a chart with no image route). */
  downloads?: SafeHtml;
  /** Short alt text (the chart's description). */
  alt: string;
  /** The chart's title, for the embed code's iframe title. */
  title: string;
  /** The series drawn, for the Table and Sources tabs; null for a figure (plan-vs-actual) with its own table. */
  result: SeriesResult | null;
  /** Periods the chart shows (the table and sources follow them). */
  periods?: string[];
  /** A table panel of its own (a figure's), instead of the series table. */
  table?: SafeHtml;
  /** Documents behind a figure, instead of the series' sources. */
  sources?: ChartSource[];
  /** A Sources panel of its own (a third party's table, as the models charts'), instead of a list of documents. */
  sourcesPanel?: SafeHtml;
  /** `http://host:port`, for an embed code that works on other sites. */
  origin: string;
  /** Widths the chart image is offered at without JavaScript: phone, tablet, the page's full width. */
  widths?: [number, number, number];
  /** Hide the Download tab's embed code (the embed page itself). */
  embed?: boolean;
  /** Company names, so the table's documents say whose release each is. */
  names?: CompanyNames;
}

const TABS = [
  { key: 'chart', label: 'Chart' },
  { key: 'table', label: 'Table' },
  { key: 'sources', label: 'Sources' },
  { key: 'download', label: 'Download' },
] as const;

const withWidth = (url: string, width: number) => `${url}${url.includes('?') ? '&' : '?'}width=${width}`;

/** The chart without JavaScript: the browser picks the width nearest the screen's. */
function picture(f: FrameInput & { links: ChartLinks }): SafeHtml {
  const [phone, tablet, wide] = f.widths ?? [360, 640, 800];
  return html`<picture>
    <source media="(max-width: 30rem)" srcset="${withWidth(f.links.svg, phone)}">
    <source media="(max-width: 50rem)" srcset="${withWidth(f.links.svg, tablet)}">
    <img src="${withWidth(f.links.svg, wide)}" alt="${f.alt}" loading="lazy" decoding="async">
  </picture>`;
}

/** A document as every figure cites it (what it is, read-at, verification mark), then what it supports. */
function sourceItem(s: ChartSource): SafeHtml {
  const covers = s.covers.length > 6 ? `${s.covers.slice(0, 6).join(', ')} and ${s.covers.length - 6} more` : s.covers.join(', ');
  return html`<li>${documentCitation(s.ref, s.owner)} <span class="covers">· ${covers}</span>${s.kind === 'sec' ? html` <span class="kind">(synced from SEC EDGAR)</span>` : ''}</li>`;
}

function sourcesPanel(sources: ChartSource[], links: ChartLinks | null): SafeHtml {
  if (!sources.length) return html`<p>No sources: nothing is drawn.</p>`;
  return html`<p>The ${sources.length === 1 ? 'document' : `${sources.length} documents`} of record behind the figures shown, newest filing first. Each value in the table links to its own.</p>
<ul class="source-list">${sources.map(sourceItem)}</ul>
${links ? html`<p class="hint">Every stored version of a figure, with its accession number: <a href="${links.json}">the series as JSON</a>.</p>` : ''}`;
}

function downloadPanel(f: FrameInput & { links: ChartLinks }): SafeHtml {
  const l = f.links;
  return html`<ul class="download-list">
  <li><a href="${l.svg}" download>SVG</a> <span class="hint">vector, every mark linked to its source</span></li>
  <li><a href="${withWidth(l.png, 800)}" download>PNG</a> <span class="hint">800 px wide, at twice the pixel density</span></li>
  <li><a href="${l.csv}" download>CSV</a> <span class="hint">the figures, one row per company and period, with sources</span></li>
  <li><a href="${l.json}">JSON</a> · <a href="${l.vegaLite}" download>Vega-Lite</a> <span class="hint">to restyle the chart</span></li>
</ul>
${
  f.embed === false || !l.embed
    ? ''
    : html`<label for="${f.id}-embed">Embed code</label>
<textarea id="${f.id}-embed" class="embed-code" readonly rows="4">${embedCode(f.origin, l.embed, f.title)}</textarea>
<p class="hint">Paste it into a page: the chart fills the column it sits in and resizes its frame to fit. <a href="${l.embed}">Preview the embed</a>.</p>`
}`;
}

export function chartFrame(f: FrameInput): SafeHtml {
  const shown = f.periods ? new Set(f.periods) : undefined;
  const sources = f.sources ?? (f.result ? chartSources(f.result, shown) : []);
  const links = f.links;
  const table = f.table ?? (f.result ? seriesTable(f.result, { id: `${f.id}-values`, caption: f.title, csvHref: links?.csv, periods: f.periods, names: f.names }) : html``);
  // Without JavaScript the panels follow one another, each under its own heading; app.js turns
  // the links above them into tabs (role=tablist) and shows one panel at a time.
  const panel = (key: (typeof TABS)[number]['key'], body: SafeHtml) =>
    html`<section class="frame-panel frame-${key}" id="${f.id}-${key}" aria-labelledby="${f.id}-tab-${key}">${key === 'chart' ? '' : html`<h3 class="panel-heading">${TABS.find((t) => t.key === key)!.label}</h3>`}${body}</section>`;
  return html`<figure class="frame" id="${f.id}" data-chart${links ? html` data-src="${links.svg}"` : ''}>
  <nav class="frame-tabs" aria-label="Chart, table, sources and downloads">
    ${TABS.map((t) => html`<a class="frame-tab" id="${f.id}-tab-${t.key}" href="#${f.id}-${t.key}">${t.label}</a>`)}
  </nav>
  ${panel('chart', html`<div class="chart-view">${f.chart ?? (links ? picture({ ...f, links }) : '')}</div>`)}
  ${panel('table', table)}
  ${panel('sources', f.sourcesPanel ?? sourcesPanel(sources, links))}
  ${panel('download', f.downloads ?? (links ? downloadPanel({ ...f, links }) : html``))}
  <figcaption class="frame-foot">${links?.explore ? html`<a href="${links.explore}">Explore this chart</a> · ` : ''}<a href="/methodology">How the figures are made</a></figcaption>
</figure>`;
}
