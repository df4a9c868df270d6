// Renders the charts a report describes to SVG and PNG files (for the CLI; the web page renders
// the specs itself). Names are stable: <article>-chart-<n>.svg, so re-running overwrites them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg, svgToPng } from '../chart/render.js';
import type { CheckReport } from './check-report.js';

export async function writeChartFiles(report: CheckReport, dir: string, baseName: string, options: { png?: boolean } = {}): Promise<CheckReport> {
  const charts = [];
  let n = 0;
  for (const chart of report.charts) {
    n++;
    if (!chart.spec) {
      charts.push(chart);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    const stem = join(dir, `${baseName}-chart-${n}`);
    const svg = await renderSvg(chart.spec);
    writeFileSync(`${stem}.svg`, svg);
    const files = [`${stem}.svg`];
    if (options.png !== false) {
      writeFileSync(`${stem}.png`, await svgToPng(svg, { scale: 2 }));
      files.push(`${stem}.png`);
    }
    charts.push({ ...chart, files });
  }
  return { ...report, charts };
}
