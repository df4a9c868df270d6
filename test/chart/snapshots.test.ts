// Golden outputs for each chart type on the bundled capex data (see snapshot.ts).
import { describe, it } from 'vitest';
import { buildChart, CHART_TYPES } from '../../src/chart/chart.js';
import { renderSvg, renderVegaLiteJson } from '../../src/chart/render.js';
import type { SeriesResult } from '../../src/model/series.js';
import { capexSeries, withIncompleteAlphabet } from './fixture-series.js';
import { assertSnapshot, normaliseSvg } from './snapshot.js';

async function snapshot(name: string, result: SeriesResult, type: string) {
  const spec = buildChart(result, { type });
  assertSnapshot(name, 'vl.json', renderVegaLiteJson(spec));
  assertSnapshot(name, 'svg', normaliseSvg(await renderSvg(spec)));
}

describe('chart snapshots', () => {
  for (const type of CHART_TYPES) {
    it(`capex-${type}`, () => snapshot(`capex-${type}`, capexSeries(), type));
  }
  it('capex-grouped-incomplete', () => snapshot('capex-grouped-incomplete', withIncompleteAlphabet(), 'grouped'));
});
