// A chart drawn twice, for a wide column and for a phone, with CSS showing the one that fits:
// scaled down to a phone's width a 720 px chart's 11 px labels read at 5 px. Each size is its
// own spec (narrower plot, wrapped title and footer, fewer labels), rendered and cached as usual.
import type { TopLevelSpec } from 'vega-lite';
import { html, type SafeHtml } from '../html.js';
import { CHART_SIZES, type ChartSize } from '../../views/models-chart.js';
import type { ServerContext } from '../server-context.js';
import { chartFigure } from './chart-figure.js';
import type { ChartLinks } from './chart-links.js';

export { computeSize, lineSize, type ChartSize } from '../../views/models-chart.js';

export async function sizedChart(ctx: ServerContext, id: string, build: (size: ChartSize) => TopLevelSpec, links?: ChartLinks): Promise<SafeHtml> {
  const [wide, narrow] = await Promise.all([chartFigure(ctx, { id, spec: build(CHART_SIZES.wide), links }), chartFigure(ctx, { id: `${id}-narrow`, spec: build(CHART_SIZES.narrow), links })]);
  return html`<div class="sized-chart"><div class="chart-wide">${wide}</div><div class="chart-narrow">${narrow}</div></div>`;
}

