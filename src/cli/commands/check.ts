import { Option } from '@commander-js/extra-typings';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkArticle, MAX_ARTICLE_BYTES } from '../../check/check-article.js';
import { readArticle } from '../read-article.js';
import { writeChartFiles } from '../../check/write-charts.js';
import { reportToJson } from '../../check/report-json.js';
import { reportToText } from '../../check/report-text.js';
import { reportToMarkdown } from '../../check/report-markdown.js';
import { parseDateOption } from '../../check/article-date.js';
import { withStore, type Program } from '../cli-context.js';

export const CHECK_FORMATS = ['text', 'md', 'json'] as const;

export function registerCheck(program: Program): void {
  program
    .command('check')
    .description("check an article's numbers against the data, and redraw the charts it describes")
    .argument('<file>', 'article as plain text or markdown; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option('--charts-dir <dir>', 'where redrawn charts are written (default: a new folder <article>-charts beside the article, or ./article-charts for -)')
    .option('--force', 'replace chart files that already exist (without it, existing files are never overwritten)')
    .option('--no-charts', 'do not draw the charts the article describes')
    .option('--date <YYYY-MM-DD>', 'article date, if the article states none (resolves "this year" and the guidance at the time)')
    .action(async (file, _opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const date = opts.date ? parseDateOption(opts.date) : undefined;
      const text = await readArticle(file, MAX_ARTICLE_BYTES);
      let report = await withStore(opts, (s) => checkArticle(s.db, text, { date, charts: opts.charts }));
      if (opts.charts && report.charts.length) {
        const base = file === '-' ? 'article' : basename(file, extname(file));
        // Only where asked, or in a folder of their own: never scattered beside the article.
        const dir = opts.chartsDir ?? join(file === '-' ? process.cwd() : dirname(resolve(file)), `${base}-charts`);
        report = await writeChartFiles(report, dir, base, { force: opts.force === true });
      }
      if (opts.format === 'json') process.stdout.write(JSON.stringify(reportToJson(report), null, 2) + '\n');
      else if (opts.format === 'md') process.stdout.write(reportToMarkdown(report));
      else process.stdout.write(reportToText(report));
    });
}
