// Renders the charts a report describes to SVG and PNG files (for the CLI; the web page renders
// the specs itself). Names are stable: <article>-chart-<n>.svg; a file already there is never
// overwritten unless asked (`force`), so a check cannot silently replace someone's work.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg, svgToPng } from '../chart/render.js';
import { InvalidOptionError } from '../model/errors.js';
import type { CheckReport } from './check-report.js';

export interface WriteChartsOptions {
  png?: boolean;
  /** Replace files that already exist. */
  force?: boolean;
}

/** The files the charts of a report would be written to. */
export function chartFilesFor(report: CheckReport, dir: string, baseName: string, png = true): string[] {
  return report.charts.flatMap((chart, i) => {
    if (!chart.spec) return [];
    const stem = join(dir, `${baseName}-chart-${i + 1}`);
    return png ? [`${stem}.svg`, `${stem}.png`] : [`${stem}.svg`];
  });
}

export async function writeChartFiles(report: CheckReport, dir: string, baseName: string, options: WriteChartsOptions = {}): Promise<CheckReport> {
  const existing = chartFilesFor(report, dir, baseName, options.png !== false).filter((f) => existsSync(f));
  if (existing.length && !options.force) {
    throw new InvalidOptionError('charts-dir', dir, ['a folder without those chart files', '--force to replace them'], `would overwrite ${existing.join(', ')}; give --force to replace them or --charts-dir for another folder`);
  }
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
