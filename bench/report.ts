// What every section hands back, and the markdown it becomes (bench/results/latest.md).
import { pct } from './stats.js';

/** One measured result beside the limit it is compared with. */
export interface Row {
  section: string;
  name: string;
  /** The result as shown: "91,935 facts/s · 18.3 MB/s". */
  result: string;
  /** What it is compared with, measured in the same run on the same data. */
  limit: string;
  /** result ÷ limit as a share of the limit reached (1 = as fast as the limit); null when not comparable. */
  ratio: number | null;
  /** Shown instead of a percentage when the ratio means something else (share of a budget). */
  ratioText?: string;
}

/** A named limit and how it was measured. */
export interface LimitRow {
  section: string;
  name: string;
  result: string;
  how: string;
}

export interface Target {
  name: string;
  /** null: not measured in this run (section skipped). */
  met: boolean | null;
  measured: string;
  /** For a missed target: what limits it. */
  limitedBy?: string;
}

export interface SectionResult {
  rows: Row[];
  limits: LimitRow[];
  targets: Target[];
  notes: string[];
}

export const emptySection = (): SectionResult => ({ rows: [], limits: [], targets: [], notes: [] });

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function ratioCell(r: Row): string {
  return r.ratioText ?? (r.ratio === null ? '–' : pct(r.ratio));
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Plain-text table for the terminal. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const RESULT_HEADER = ['Section', 'Benchmark', 'Result (median)', 'Limit (same run)', 'Ratio'];

export function resultCells(rows: Row[]): string[][] {
  return rows.map((r) => [r.section, r.name, r.result, r.limit, ratioCell(r)]);
}

export function targetLine(t: Target): string {
  const mark = t.met === null ? 'not measured' : t.met ? 'met' : 'missed';
  return `- **${t.name}**: ${mark}: ${t.measured}${t.met === false && t.limitedBy ? `\n  - What limits it: ${t.limitedBy}` : ''}`;
}

