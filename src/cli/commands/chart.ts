import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { getSeries } from '../../series/engine.js';
import { buildChart, CHART_TYPES } from '../../chart/chart.js';
import { renderPng, renderSvg, renderVegaLiteJson } from '../../chart/render.js';
import { chartPreset, PRESET_NAMES } from '../../chart/presets.js';
import { keyword } from '../../model/keyword.js';
import { withStore } from '../cli-context.js';
import { addSeriesOptions, computeSeries, seriesRequest, type SeriesOptions } from './series.js';

const OUTPUTS = ['.svg', '.png', '.vl.json'] as const;

interface ChartCliOptions extends SeriesOptions {
  type: string;
  out: string;
  preset?: string;
  title?: string;
  subtitle?: string;
  scale: string;
}

export function registerChart(program: Command): void {
  addSeriesOptions(program.command('chart').description('draw a chart as SVG, PNG or Vega-Lite JSON, with alt text and a source line'))
    .option('-t, --type <type>', `chart type: ${CHART_TYPES.join(', ')}`, 'grouped')
    .requiredOption('-o, --out <file>', 'output file: .svg, .png or .vl.json')
    .option('--preset <name>', `a named chart: ${PRESET_NAMES.join(', ')}`)
    .option('--title <text>', 'chart title')
    .option('--subtitle <text>', 'chart subtitle')
    .option('--scale <n>', 'PNG pixel density', '2')
    .action(async (o: ChartCliOptions, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as ChartCliOptions;
      const ext = OUTPUTS.find((e) => opts.out.toLowerCase().endsWith(e));
      if (!ext) throw new Error(`invalid out: ${opts.out} (expected a file ending in ${OUTPUTS.join(', ')})`);
      const preset = opts.preset ? chartPreset(opts.preset) : null;
      const request = preset ? preset.request : seriesRequest(opts);
      const type = preset ? preset.type : keyword(opts.type, 'type', CHART_TYPES);
      const result = await withStore(opts, (s) => (preset ? getSeries(s.db, request) : computeSeries(s.db, opts)));
      const options = { ...(preset?.options ?? {}), ...(opts.title ? { title: opts.title } : {}), ...(opts.subtitle ? { subtitle: opts.subtitle } : {}) };
      const spec = buildChart(result, { type, ...options });
      if (ext === '.vl.json') writeFileSync(opts.out, renderVegaLiteJson(spec));
      else if (ext === '.svg') writeFileSync(opts.out, await renderSvg(spec));
      else writeFileSync(opts.out, await renderPng(spec, { scale: Number(opts.scale) }));
      process.stdout.write(`Wrote ${opts.out}\nAlt text: ${spec.description}\n`);
    });
}
