import type { Command } from 'commander';
import { Option } from 'commander';
import { auditFacts, type AuditRow } from '../../series/fact-audit.js';
import { resolveCompanies } from '../../series/company-lookup.js';
import { listCompanies } from '../../store/companies-repository.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type GlobalOptions } from '../cli-context.js';
import { parseList } from '../../model/list-input.js';
import { InvalidOptionError } from '../../model/errors.js';

const CSV_COLUMNS = [
  'ticker', 'metric', 'period_start', 'period_end', 'unit', 'sec_value', 'bundled_value', 'difference_pct',
  'sec_concept', 'sec_form', 'sec_accession', 'sec_filed', 'sec_url', 'bundled_preferred', 'bundled_confidence', 'bundled_verified', 'bundled_url', 'bundled_read_at_url',
  'matches_earlier_filing',
] as const;

function csvRow(r: AuditRow): unknown[] {
  return [
    r.ticker, r.metric, r.periodStart, r.periodEnd, r.unit, r.secValue, r.bundledValue, round(r.differencePct, 4),
    r.sec.concept, r.sec.form, r.sec.accession, r.sec.filed, r.sec.url, r.bundled.preferred ? 1 : 0, r.bundled.confidence, r.bundled.verified, r.bundled.url, r.bundled.readAt,
    r.matchesEarlierFiling ? `${r.matchesEarlierFiling.form ?? ''} ${r.matchesEarlierFiling.accession ?? ''} ${r.matchesEarlierFiling.filed ?? ''}`.trim() : null,
  ];
}

const round = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : v);
const millions = (v: number) => (v / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('list every bundled figure that disagrees with the newest filed XBRL value for its period (run after `airace sync`); money agrees when the XBRL value rounds to the bundled millions')
    .argument('[tickers...]', 'tickers or names; all companies when omitted')
    .option('--threshold <pct>', 'list only differences larger than this, in percent (default: every disagreement)', '0')
    .option('--alternatives', 'also compare the bundled alternative rows, not only the preferred ones')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (tickers: string[], o: { threshold: string; format: string; alternatives?: boolean }, cmd: Command) => {
      const threshold = Number(o.threshold);
      if (!Number.isFinite(threshold) || threshold < 0) throw new InvalidOptionError('threshold', o.threshold, ['a percentage such as 0.5']);
      const rows = await withStore(cmd.optsWithGlobals() as GlobalOptions, async (s) => {
        const wanted = parseList(tickers);
        const companies = await listCompanies(s.db);
        const chosen = wanted.length ? resolveCompanies(companies, wanted).flatMap((c) => (c.kind === 'group' ? c.members : [c.ticker])) : [];
        return auditFacts(s.db, { tickers: chosen, thresholdPct: threshold, alternatives: o.alternatives });
      });
      if (o.format === 'json') return void process.stdout.write(JSON.stringify({ threshold, rows }, (_k, v) => (v === Infinity ? null : v), 2) + '\n');
      if (o.format === 'csv') return void process.stdout.write(toCsv(CSV_COLUMNS, rows.map(csvRow)));
      const over = threshold > 0 ? ` by more than ${threshold}%` : '';
      if (!rows.length) return void process.stdout.write(`No disagreements${over} between SEC XBRL facts and bundled figures.\n`);
      const table = textTable(
        ['ticker', 'metric', 'period', 'unit', 'sec (M)', 'bundled (M)', 'diff %', 'sec filing', 'filed', 'bundled', 'earlier filing agrees'],
        rows.map((r) => [
          r.ticker, r.metric, `${r.periodStart ?? ''}..${r.periodEnd}`, r.unit, millions(r.secValue), millions(r.bundledValue),
          Number.isFinite(r.differencePct) ? r.differencePct.toFixed(2) : '∞', `${r.sec.form ?? ''} ${r.sec.accession ?? ''}`.trim(), r.sec.filed ?? '',
          `${r.bundled.preferred ? 'preferred' : 'alternative'}, ${r.bundled.verified}`,
          r.matchesEarlierFiling ? `${r.matchesEarlierFiling.form ?? ''} ${r.matchesEarlierFiling.filed ?? ''}`.trim() : '',
        ]),
      );
      process.stdout.write(`${rows.length} bundled figure${rows.length === 1 ? '' : 's'} that disagree${rows.length === 1 ? 's' : ''}${over} with the newest filed XBRL value:\n\n${table}\n`);
    });
}
