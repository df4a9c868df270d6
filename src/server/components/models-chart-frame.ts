// A models chart in the one chart frame every chart has (chart-frame.ts): Chart · Table ·
// Sources · Download, the chart drawn by /api/v1/models/chart.svg for the
// frame's width. Its source is a third party's table, so the Sources tab names Epoch AI's
// retrieval and credit instead of filings; each value in the table links to its model's row.
import type { ModelsChartWords } from '../../views/models-chart.js';
import { EPOCH_DATA_URL } from '../../model/ai-model.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { chartFrame } from './chart-frame.js';
import type { ChartLinks } from './chart-links.js';

export interface ModelsRetrieval {
  credit: string;
  dataAsOf: string | null;
  retrieved: string | null;
  /** The Epoch table's URL, or the file imported. */
  source: string | null;
}

export interface ModelsFrameInput {
  id: string;
  /** `chart=compute&org=…`: the models chart's query, which its links share. */
  chartQuery: string;
  /** The JSON and CSV behind the chart: `/api/v1/models?…` or `/api/v1/models/series?…`. */
  data: { json: string; csv: string };
  /** The chart's title and alt text (its spec's, at the default width). */
  words: ModelsChartWords;
  table: SafeHtml;
  retrieval: ModelsRetrieval;
  origin: string;
}

export function modelsChartLinks(chartQuery: string, data: { json: string; csv: string }): ChartLinks {
  return {
    svg: `/api/v1/models/chart.svg?${chartQuery}`,
    png: `/api/v1/models/chart.png?${chartQuery}`,
    vegaLite: `/api/v1/models/chart.vl.json?${chartQuery}`,
    csv: data.csv,
    json: data.json,
    // The embed page and explore draw the money series; a models chart has neither.
    embed: '',
    explore: '',
  };
}

function sourcesPanel(r: ModelsRetrieval, links: ChartLinks): SafeHtml {
  const href = safeUrl(r.source);
  return html`<p>Every figure comes from Epoch AI’s table of notable AI models (<a href="${EPOCH_DATA_URL}">epoch.ai/data/ai-models</a>), one row per model; each value in the table links to its model’s own source.</p>
<ul class="source-list"><li>${href ? html`<a href="${href}">${r.source}</a>` : r.source} <span class="doc">retrieved ${r.retrieved}</span> <span class="covers">· <a href="/api/v1/models/loads">every retrieval</a></span></li></ul>
<p class="credit">${r.credit}</p>
<p class="hint">Every row behind the chart, with its table and line: <a href="${links.json}">JSON</a> · <a href="${links.csv}">CSV</a>.</p>`;
}

export function modelsChartFrame(f: ModelsFrameInput): SafeHtml {
  const links = modelsChartLinks(f.chartQuery, f.data);
  return chartFrame({
    id: f.id,
    links,
    alt: f.words.alt,
    title: f.words.title,
    result: null,
    table: f.table,
    sourcesPanel: sourcesPanel(f.retrieval, links),
    origin: f.origin,
    // Wider than a money chart: the compute chart's dots and labels want the room.
    widths: [360, 640, 910],
  });
}
