import { writeFileSync } from 'node:fs';
import { chartMeta } from '../../chart/chart-meta.js';
import type { TopLevelSpec } from 'vega-lite';
import { getSeries } from '../../series/engine.js';
import { chartEvents } from '../../series/chart-events.js';
import { planVsActualData } from '../../series/plan-vs-actual-data.js';
import { buildChart, CHART_TYPES } from '../../chart/chart.js';
import { renderPng, renderSvg, renderVegaLiteJson } from '../../chart/render.js';
import { chartPreset, PRESET_NAMES } from '../../chart/presets.js';
import { presetAnnotations } from '../../chart/preset-annotations.js';
import { FIGURE_PRESET_NAMES, figurePreset, isFigurePreset } from '../../chart/figure-presets.js';
import { planVsActualSpec } from '../../chart/specs/plan-vs-actual.js';
import { keyword } from '../../model/keyword.js';
import { InvalidOptionError, UnknownChoiceError } from '../../model/errors.js';
import { withStore, type Program } from '../cli-context.js';
import { checkChartText, DEFAULT_SCALE, MAX_CHART_TEXT, MAX_SCALE, MIN_SCALE, parseScale } from '../../chart/chart-limits.js';
import { computeSeries, seriesRequest } from '../../series/compute-series.js';
import { addSeriesOptions } from './series.js';
import { parseKinds } from './events.js';

const OUTPUTS = ['.svg', '.png', '.vl.json'] as const;

export function registerChart(program: Program): void {
  addSeriesOptions(program.command('chart').description('draw a chart as SVG, PNG or Vega-Lite JSON, with alt text and a source line'))
    .option('-t, --type <type>', `chart type: ${CHART_TYPES.join(', ')}`, 'grouped')
    .requiredOption('-o, --out <file>', 'output file: .svg, .png or .vl.json')
    .option('--preset <name>', `a named chart: ${[...PRESET_NAMES, ...FIGURE_PRESET_NAMES].join(', ')}`)
    .option('--title <text>', `chart title (at most ${MAX_CHART_TEXT} characters)`)
    .option('--subtitle <text>', `chart subtitle (at most ${MAX_CHART_TEXT} characters)`)
    .option('--scale <n>', `PNG pixel density, ${MIN_SCALE} to ${MAX_SCALE}`, String(DEFAULT_SCALE))
    .option(
      '--annotate [kinds]',
      'mark events at their dates: all events naming the companies shown, or only these kinds (model,guidance,...), then also events about companies outside the store (OpenAI, DeepSeek...); a preset may choose its own events',
    )
    .action(async (_opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const ext = OUTPUTS.find((e) => opts.out.toLowerCase().endsWith(e));
      if (!ext) throw new InvalidOptionError('out', opts.out, OUTPUTS.map((e) => `a file ending in ${e}`), `expected a file ending in ${OUTPUTS.join(', ')}`);
      // The same bounds as the API: checked before any work, so a bad value costs nothing.
      const scale = ext === '.png' ? parseScale(opts.scale) : DEFAULT_SCALE;
      const custom = { ...(opts.title ? { title: checkChartText('title', opts.title) } : {}), ...(opts.subtitle ? { subtitle: checkChartText('subtitle', opts.subtitle) } : {}) };
      let spec: TopLevelSpec;
      let marked = '';
      if (opts.preset && isFigurePreset(opts.preset)) {
        const figure = figurePreset(opts.preset);
        if (opts.annotate) throw new InvalidOptionError('annotate', String(opts.annotate), ['no --annotate with this preset'], `the ${figure.name} figure marks its own statements and has no period axis`);
        const data = await withStore(opts, (s) => planVsActualData(s.db, figure));
        spec = planVsActualSpec(data.histories, data.pledge, { ...figure.options, ...custom });
      } else {
        if (opts.preset && !PRESET_NAMES.includes(opts.preset.toLowerCase())) throw new UnknownChoiceError('preset', opts.preset, [...PRESET_NAMES, ...FIGURE_PRESET_NAMES]);
        const preset = opts.preset ? chartPreset(opts.preset) : null;
        const request = preset ? preset.request : seriesRequest(opts);
        const type = preset ? preset.type : keyword(opts.type, 'type', CHART_TYPES);
        // A bare --annotate on a preset draws the preset's own events; named kinds use the usual rule.
        const annotate = presetAnnotations(opts.annotate === undefined ? null : opts.annotate === true ? true : (parseKinds(opts.annotate) ?? []), preset);
        const { result, events } = await withStore(opts, async (s) => {
          const result = preset ? await getSeries(s.db, request) : await computeSeries(s.db, opts);
          return { result, events: annotate ? await chartEvents(s.db, result, annotate) : undefined };
        });
        spec = buildChart(result, { type, ...(preset?.options ?? {}), ...custom, ...(events ? { annotations: events } : {}) });
        if (events) marked = markedLine(spec, events.length);
      }
      if (ext === '.vl.json') writeFileSync(opts.out, renderVegaLiteJson(spec));
      else if (ext === '.svg') writeFileSync(opts.out, await renderSvg(spec));
      else writeFileSync(opts.out, await renderPng(spec, { scale }));
      process.stdout.write(`Wrote ${opts.out}\n${marked}Alt text: ${spec.description}\n`);
    });
}

/** "Marked 5 events (2 outside the chart's periods not drawn)". */
function markedLine(spec: TopLevelSpec, selected: number): string {
  const info = chartMeta(spec)?.annotations;
  const placed = info?.placed.length ?? 0;
  const omitted = info?.omitted.length ?? selected - placed;
  return `Marked ${placed} event${placed === 1 ? '' : 's'}${omitted ? ` (${omitted} outside the chart's periods, not drawn)` : ''}\n`;
}
