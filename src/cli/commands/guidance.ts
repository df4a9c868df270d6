// `airace guidance GOOGL 2025`: how a company's capex guidance for a year changed, statement by
// statement, against what it actually spent.
import type { Command } from 'commander';
import { Option } from 'commander';
import { guidanceHistory, type GuidanceHistory } from '../../series/guidance-history.js';
import { GUIDANCE_COLUMNS, guidanceRows } from '../../views/guidance-rows.js';
import { columnScaleFor, formatScaled, scaleCaption } from '../../model/format-figure.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type GlobalOptions } from '../cli-context.js';
import { parseYear } from '../../series/period-range.js';

export function registerGuidance(program: Command): void {
  program
    .command('guidance')
    .description('capex guidance for a year as it changed over time (from events and facts), against the actual figure')
    .argument('<ticker>', 'ticker or company name (Google works for GOOGL)')
    .argument('<year>', "the guided year: the company's fiscal year ending in it (2025)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (ticker: string, yearText: string, o: { format: string }, cmd: Command) => {
      const year = parseYear('year', yearText);
      const h = await withStore(cmd.optsWithGlobals() as GlobalOptions, (s) => guidanceHistory(s.db, { ticker, year }));
      if (o.format === 'json') return void process.stdout.write(JSON.stringify(h, null, 2) + '\n');
      if (o.format === 'csv') return void process.stdout.write(toCsv(GUIDANCE_COLUMNS, guidanceRows(h), h.dataAsOf));
      process.stdout.write(guidanceTable(h) + '\n');
    });
}

function guidanceTable(h: GuidanceHistory): string {
  const scale = columnScaleFor([...h.steps.flatMap((s) => [s.low, s.high]), h.actual?.value ?? null]);
  const fmt = (low: number, high: number) => (low === high ? formatScaled(low, scale) : `${formatScaled(low, scale)}–${formatScaled(high, scale)}`);
  const urls: string[] = [];
  const ref = (url: string) => (urls.includes(url) ? urls.indexOf(url) : urls.push(url) - 1) + 1;
  const refs = (list: { url: string }[]) => [...new Set(list.map((s) => ref(s.url)))].map((n) => `[${n}]`).join('');
  const rows = h.steps.map((s, i) => {
    const prev = h.steps[i - 1];
    const change = !prev ? 'first' : s.reiterated ? 'reiterated' : (s.low + s.high) / 2 > (prev.low + prev.high) / 2 ? 'raised' : 'lowered';
    return [s.date, fmt(s.low, s.high), change, refs(s.sources)];
  });
  const a = h.actual;
  const actual = a?.value != null ? `${formatScaled(a.value, scale)} ${refs(a.sources)}` : `${a?.missing?.reason ?? 'no data'}${a?.missing?.detail ? `: ${a.missing.detail}` : ''}`;
  const out = [
    `${h.name} (${h.ticker}) capex guidance for ${h.label} (${h.periodStart} to ${h.periodEnd}), in ${scaleCaption(h.currency, scale)}`,
    '',
    rows.length ? textTable(['stated', 'guidance', 'change', 'sources'], rows) : 'No dated guidance for this year.',
    '',
    `Actual ${h.label} (${h.actualMetric}): ${actual}`,
    `  ${h.actualBasis}`,
  ];
  if (h.skipped.length) {
    out.push('', 'Left out:');
    for (const s of h.skipped) out.push(`  ${formatScaled(s.source.value, scale)} (${s.source.kind === 'event' ? `event ${s.source.id}` : `[${ref(s.source.url)}]`}): ${s.reason}`);
  }
  out.push('', 'Sources:', ...urls.map((u, i) => `  [${i + 1}] ${u}`));
  return out.join('\n');
}
