// `airace models …`: the models side of the race, from Epoch AI's data (CC BY 4.0).
//   sync     download Epoch's table (AIRACE_EPOCH_URL), conditionally, in one transaction
//   import   load a downloaded table (Epoch's format or the transcribed selection)
//   list     the models, filtered by organisation, country and date
//   series   models released, frontier compute, open-weights share… by country, company or lab
//   chart    the same as a chart: compute over time, models per year, open-weights share
//   loads    every retrieval stored (each is kept; --as-of reads an earlier one)
import type { Command } from 'commander';
import { Option } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyword } from '../../model/keyword.js';
import { InvalidOptionError } from '../../model/errors.js';
import { MODEL_DATASETS, type ModelDataset } from '../../model/ai-model.js';
import { MODEL_GROUPINGS, MODEL_METRICS, MODEL_PERIODS, type ModelGrouping, type ModelMetric, type ModelPeriod } from '../../model/model-series.js';
import { parseDateBound, parseRetrievalDate } from '../../series/date-bound.js';
import { MODELS_EMPTY_NOTICE, modelCatalog, type ModelFilter } from '../../series/model-catalog.js';
import { getModelSeries } from '../../series/model-series.js';
import { listModelLoads } from '../../store/models-repository.js';
import { importModelsFile } from '../../ingest/models/import-models.js';
import { syncModels } from '../../ingest/models/sync-models.js';
import { EpochClient } from '../../ingest/models/epoch-client.js';
import { epochConfigFromEnv } from '../../ingest/models/epoch-config.js';
import { withSyncLock } from '../../store/sync-lock.js';
import { MODEL_COLUMNS, modelListJson, modelRows } from '../../views/model-rows.js';
import { MODEL_SERIES_COLUMNS, modelSeriesRows, modelSeriesTable } from '../../views/model-series-rows.js';
import { MODELS_CHARTS, modelsChart, type ModelsChartKind } from '../../views/models-chart.js';
import { formatCount, formatFlop } from '../../model/format-figure.js';
import { renderPng, renderSvg, renderVegaLiteJson } from '../../chart/render.js';
import { checkChartText, DEFAULT_SCALE, MAX_CHART_TEXT, MAX_SCALE, MIN_SCALE, parseScale } from '../../chart/chart-limits.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { packageRoot } from '../../config/paths.js';
import { withStore, type GlobalOptions } from '../cli-context.js';
import { parseList } from '../../model/list-input.js';
import { createProgressReporter } from '../progress-reporter.js';
import { interruptSignal } from '../interrupt-signal.js';

interface FilterOptions extends GlobalOptions {
  org?: string;
  country?: string;
  from?: string;
  to?: string;
  asOf?: string;
}

const FORMATS = ['table', 'csv', 'json'];

function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--org <names>', 'organisations, companies or labs, comma-separated: Google DeepMind, Alphabet (all of Google’s), GOOGL, OpenAI, DeepSeek')
    .option('--country <names>', 'US, China, Other (airace’s grouping), or a country as Epoch names it (France); comma-separated')
    .option('--from <date>', 'first publication date: a year (2020) or a day (2020-06-01)')
    .option('--to <date>', 'last publication date: a year (2025 = to 2025-12-31) or a day')
    .option('--as-of <date>', 'read the newest retrieval on or before this day instead of the newest (every retrieval is kept)');
}

/** Every filter checked before the store opens, so usage errors never touch the database. */
/** Organisation names hold spaces ("Google DeepMind"), so lists split on commas only. */
const nonEmpty = (items: string[]) => (items.length ? items : undefined);

function filterOf(o: FilterOptions): ModelFilter {
  return {
    orgs: nonEmpty(parseList(o.org, { spaces: false })),
    countries: nonEmpty(parseList(o.country, { spaces: false })),
    from: o.from === undefined ? undefined : parseDateBound('from', o.from),
    to: o.to === undefined ? undefined : parseDateBound('to', o.to),
    asOf: o.asOf === undefined ? undefined : parseRetrievalDate('as-of', o.asOf),
  };
}


function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function registerModels(program: Command): void {
  const models = program.command('models').description('AI models and training compute from Epoch AI’s data (CC BY 4.0): sync, import, list, series, chart');

  models
    .command('sync')
    .description('download Epoch AI’s models table (AIRACE_EPOCH_URL; default Epoch’s Notable AI Models CSV) and store it as a new retrieval')
    .option('--force', 'download even when Epoch says the file has not changed (ignores stored ETag / Last-Modified)')
    .addOption(new Option('--dataset <name>', 'which Epoch table the URL serves, when its name does not say').choices([...MODEL_DATASETS]))
    .action(async (o: { force?: boolean; dataset?: ModelDataset }, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalOptions;
      const client = new EpochClient(epochConfigFromEnv(process.env, version()));
      const r = await withStore(global, async (store) => {
        const progress = createProgressReporter();
        const stop = interruptSignal(() => progress.log('Stopping (press Ctrl-C again to quit at once)...'));
        let started = false;
        progress.log(`Downloading ${client.config.url}`);
        try {
          return await withSyncLock(store, 'models', () =>
            syncModels(store, client, {
              force: o.force,
              dataset: o.dataset,
              signal: stop.signal,
              onRetry: (i) => progress.log(`${i.reason}; retrying in ${(i.delayMs / 1000).toFixed(1)} s (attempt ${i.attempt + 1} of ${i.maxAttempts})`),
              onProgress: (received, total) => {
                if (!started && total) progress.start(total, 'bytes');
                started = true;
                progress.update(received, `${formatCount(received)}B`);
              },
            }),
          { onWait: (w) => progress.log(`Waiting for another models sync of this database to finish (${w.holder})...`) });
        } finally {
          progress.stop();
          stop.dispose();
        }
      });
      if (r.notModified) {
        process.stdout.write(`Unchanged: Epoch AI says ${r.url} has not changed since the retrieval of ${r.retrieved} (${r.rows} models); confirmed current today.\n`);
        return;
      }
      process.stdout.write(loadSummary(r.status === 'loaded' ? `Stored a new retrieval of ${r.url}` : `Unchanged: ${r.url} serves the same table as the retrieval of ${r.retrieved}; confirmed current today`, r));
    });

  models
    .command('import')
    .description('load a downloaded Epoch AI models table (its published CSV, or the transcribed models.csv); a malformed row loads nothing')
    .argument('<file>', 'the CSV file')
    .option('--retrieved <date>', 'when the file was downloaded from Epoch (YYYY-MM-DD or YYYY-MM); default: its snapshot column, a date in its name, or its modification day')
    .addOption(new Option('--dataset <name>', 'which Epoch table the file is, when its name does not say').choices([...MODEL_DATASETS]))
    .action(async (file: string, o: { retrieved?: string; dataset?: ModelDataset }, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalOptions;
      const retrieved = o.retrieved === undefined ? undefined : parseRetrievalDate('retrieved', o.retrieved);
      const r = await withStore(global, (store) => importModelsFile(store, file, { retrieved, dataset: o.dataset }));
      const lead = r.status === 'loaded' ? `Imported ${file} as the retrieval of ${r.retrieved} (retrieval date from the ${r.retrievedFrom})` : `Already stored: ${file} with retrieval date ${r.retrieved}; nothing changed`;
      process.stdout.write(loadSummary(lead, r));
    });

  addFilterOptions(models.command('list').description('the models of the newest retrieval, with Epoch’s estimates and sources'))
    .option('--limit <n>', 'at most this many, newest first (table format only)', '40')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (o: FilterOptions & { limit: string; format: string }, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as typeof o;
      const filter = filterOf(opts);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new InvalidOptionError('limit', opts.limit, ['a positive whole number']);
      const catalog = await withStore(opts, (s) => modelCatalog(s.db, filter));
      const newestFirst = [...catalog.models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? ''));
      if (opts.format === 'json') return void process.stdout.write(JSON.stringify(modelListJson(catalog, newestFirst, catalog.load ? null : MODELS_EMPTY_NOTICE), null, 2) + '\n');
      if (opts.format === 'csv') return void process.stdout.write(toCsv(MODEL_COLUMNS, modelRows(catalog, newestFirst)));
      if (!catalog.load) return void process.stdout.write(`${MODELS_EMPTY_NOTICE}\n`);
      if (!newestFirst.length) return void process.stdout.write('No models match.\n');
      const shown = newestFirst.slice(0, limit);
      const rows = shown.map((m) => [
        m.publicationDate ?? '',
        m.displayName,
        m.actors.map((a) => a.name).join(', '),
        m.countryGroup,
        m.parameters === null ? '—' : formatCount(m.parameters),
        m.trainingComputeFlop === null ? '— (no estimate)' : formatFlop(m.trainingComputeFlop),
        m.confidence ?? '',
        m.openWeights === null ? '' : m.openWeights ? 'open' : 'closed',
      ]);
      const without = newestFirst.filter((m) => m.trainingComputeFlop === null).length;
      process.stdout.write(
        `${newestFirst.length} models${shown.length < newestFirst.length ? ` (newest ${shown.length} shown; --limit for more, --format csv for all with links)` : ''}; ${without} without a public compute estimate\n\n` +
          textTable(['published', 'model', 'by', 'country', 'params', 'compute (FLOP)', 'confidence', 'weights'], rows) +
          `\n\nTable: ${catalog.load.source} (retrieved ${catalog.load.retrieved}; data as of ${catalog.dataAsOf}). Each row's link and line are in --format csv or json.\n${catalog.credit}\n`,
      );
    });

  addFilterOptions(models.command('series').description('a models metric by country, company or lab over calendar years or quarters, with the Epoch rows behind each value'))
    .requiredOption('-m, --metric <metric>', `metric: ${MODEL_METRICS.join(', ')}`)
    .option('--by <grouping>', `series per ${MODEL_GROUPINGS.join(', ')} (default: country, or company with --org)`)
    .option('-p, --period <period>', `period: ${MODEL_PERIODS.join(', ')}`, 'cy')
    .option('--top <n>', 'with --by company or organization and no --org: the n with most models', '8')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (o: FilterOptions & { metric: string; by?: string; period: string; top: string; format: string }, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as typeof o;
      const request = {
        ...filterOf(opts),
        metric: keyword(opts.metric, 'metric', MODEL_METRICS) as ModelMetric,
        by: opts.by === undefined ? undefined : (keyword(opts.by, 'by', MODEL_GROUPINGS) as ModelGrouping),
        period: keyword(opts.period, 'period', MODEL_PERIODS) as ModelPeriod,
        top: positive('top', opts.top),
      };
      const result = await withStore(opts, (s) => getModelSeries(s.db, request));
      if (opts.format === 'json') return void process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      if (opts.format === 'csv') return void process.stdout.write(toCsv(MODEL_SERIES_COLUMNS, modelSeriesRows(result)));
      process.stdout.write(modelSeriesTable(result) + '\n');
    });

  addFilterOptions(models.command('chart').description('draw a models chart as SVG, PNG or Vega-Lite JSON, with alt text, Epoch’s credit and data as of'))
    .requiredOption('-o, --out <file>', 'output file: .svg, .png or .vl.json')
    .option('-t, --type <chart>', `chart: ${MODELS_CHARTS.join(', ')} (series draws --metric by --by)`, 'compute')
    .option('-m, --metric <metric>', `with --type series: ${MODEL_METRICS.join(', ')}`)
    .option('--by <grouping>', `with --type series or per-year: ${MODEL_GROUPINGS.join(', ')}`)
    .option('-p, --period <period>', `period: ${MODEL_PERIODS.join(', ')}`, 'cy')
    .option('--highlight <names>', 'with --type compute: makers whose models are ringed and named (default Alibaba,DeepSeek)')
    .option('--title <text>', `chart title (at most ${MAX_CHART_TEXT} characters)`)
    .option('--subtitle <text>', `chart subtitle (at most ${MAX_CHART_TEXT} characters)`)
    .option('--scale <n>', `PNG pixel density, ${MIN_SCALE} to ${MAX_SCALE}`, String(DEFAULT_SCALE))
    .action(async (o: FilterOptions & { out: string; type: string; metric?: string; by?: string; period: string; highlight?: string; title?: string; subtitle?: string; scale: string }, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as typeof o;
      const ext = ['.svg', '.png', '.vl.json'].find((e) => opts.out.toLowerCase().endsWith(e));
      if (!ext) throw new InvalidOptionError('out', opts.out, ['a file ending in .svg, .png or .vl.json']);
      const scale = ext === '.png' ? parseScale(opts.scale) : DEFAULT_SCALE;
      const request = {
        ...filterOf(opts),
        chart: keyword(opts.type, 'type', MODELS_CHARTS) as ModelsChartKind,
        metric: opts.metric === undefined ? undefined : (keyword(opts.metric, 'metric', MODEL_METRICS) as ModelMetric),
        by: opts.by === undefined ? undefined : (keyword(opts.by, 'by', MODEL_GROUPINGS) as ModelGrouping),
        period: keyword(opts.period, 'period', MODEL_PERIODS) as ModelPeriod,
        highlight: nonEmpty(parseList(opts.highlight, { spaces: false })),
        title: opts.title === undefined ? undefined : checkChartText('title', opts.title),
        subtitle: opts.subtitle === undefined ? undefined : checkChartText('subtitle', opts.subtitle),
      };
      const chart = await withStore(opts, (s) => modelsChart(s.db, request));
      if (!chart.loaded) throw new Error(`nothing to draw: ${MODELS_EMPTY_NOTICE}`);
      if (ext === '.vl.json') writeFileSync(opts.out, renderVegaLiteJson(chart.spec));
      else if (ext === '.svg') writeFileSync(opts.out, await renderSvg(chart.spec));
      else writeFileSync(opts.out, await renderPng(chart.spec, { scale }));
      process.stdout.write(`Wrote ${opts.out}\nAlt text: ${chart.spec.description}\n`);
    });

  models
    .command('loads')
    .description('every retrieval of Epoch’s table stored, newest first (the newest is the one shown unless --as-of asks otherwise)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (o: { format: string }, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as GlobalOptions & { format: string };
      const loads = await withStore(opts, (s) => listModelLoads(s.db));
      if (opts.format === 'json') return void process.stdout.write(JSON.stringify({ loads }, null, 2) + '\n');
      const columns = ['id', 'retrieved', 'confirmed', 'source', 'source_kind', 'format', 'datasets', 'rows', 'sha256', 'loaded_at'];
      const rows = loads.map((l) => [l.id, l.retrieved, l.confirmed, l.source, l.sourceKind, l.format, l.datasets.join(';'), l.rows, l.sha256, l.loadedAt]);
      if (opts.format === 'csv') return void process.stdout.write(toCsv(columns, rows));
      if (!loads.length) return void process.stdout.write(`${MODELS_EMPTY_NOTICE}\n`);
      process.stdout.write(textTable(columns.slice(0, 8), rows.map((r) => r.slice(0, 8).map(String))) + '\n');
    });
}

function positive(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidOptionError(name, v, ['a positive whole number']);
  return n;
}

function loadSummary(lead: string, r: { rows: number; format: string; datasets: string[]; columns: string[]; ignoredColumns: number; withCompute: number; withoutCompute: number; withoutDate: number }): string {
  return [
    `${lead}.`,
    `  ${r.rows} models (${r.format} format; Epoch tables: ${r.datasets.join(', ') || 'not stated'})`,
    `  ${r.withCompute} with a training-compute estimate, ${r.withoutCompute} without one (kept as unknown, never zero)${r.withoutDate ? `; ${r.withoutDate} without a publication date` : ''}`,
    `  columns read: ${r.columns.join(', ')}${r.ignoredColumns ? `; ${r.ignoredColumns} other columns (notes, abstracts, authors…) not read` : ''}`,
    '',
  ].join('\n');
}

