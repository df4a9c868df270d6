// Scores the claim checker against the labelled articles in this folder: for each labelled figure,
// the verdict the checker gave and what it checked the figure against (company, metric, period).
// Used by `npm run eval:check` (which prints the result) and by eval.test.ts (which asserts the floors).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Company } from '../../../src/model/company.js';
import type { Store } from '../../../src/store/database.js';
import type { CheckReport, CheckedClaim, Verdict } from '../../../src/check/check-report.js';
import { VERDICTS } from '../../../src/check/check-report.js';
import { checkArticle } from '../../../src/check/check-article.js';
import { listCompanies } from '../../../src/store/companies-repository.js';
import { importModelsFile } from '../../../src/ingest/models/import-models.js';
import { bundledStore } from '../../helpers/bundled-store.js';
import { TRANSCRIBED_FILE, sharedModelsPresent } from '../../models/models-fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Label {
  figure: string;
  in?: string;
  verdict: Verdict;
  company?: string | null;
  metric?: string | null;
  period?: string | null;
  /** For a model claim: the model in Epoch AI's table it is about, or null for a name Epoch does not list. */
  model?: string | null;
  why: string;
}

interface LabelFile {
  article: string;
  date: string | null;
  /** `models`: checked against a store with Epoch AI's table (../shared/data/models/models.csv) imported; skipped, saying so, without it. */
  needs?: 'models';
  labels: Label[];
}

export type Outcome = Verdict | 'missing';

export interface Scored {
  article: string;
  label: Label;
  /** Offset of the labelled figure in the article. */
  at: number;
  claim: CheckedClaim | null;
  got: Outcome;
  verdictRight: boolean;
  /** null when the label names nothing to resolve. */
  resolutionRight: boolean | null;
  resolutionErrors: string[];
}

export interface EvalResult {
  articles: number;
  scored: Scored[];
  dates: Array<{ article: string; expected: string | null; got: string | null }>;
  /** Claims the checker made that no label covers (read them: they show what else it finds). */
  unlabelled: Array<{ article: string; claim: CheckedClaim }>;
  verdictAccuracy: number;
  resolutionAccuracy: number;
  trueCalledContradicted: Scored[];
  confusion: Record<Verdict, Record<Outcome, number>>;
}

/** The labelled set in this folder; another one (articles/ and labels/ beside each other) can be given by its directory. */
export const EVAL_DIR = here;

export function loadLabelFiles(root: string = EVAL_DIR): LabelFile[] {
  const dir = path.join(root, 'labels');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as LabelFile);
}

export const readArticle = (name: string, root: string = EVAL_DIR) => readFileSync(path.join(root, 'articles', name), 'utf8');

/** Offsets of `words` in `text` that do not start or end inside a word or number ("9%" is not in "59%"). */
function occurrences(text: string, words: string): number[] {
  const out: number[] = [];
  const inside = (ch: string | undefined) => ch !== undefined && /[\w.]/.test(ch) && ch !== '.';
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (/\w/.test(words[0]!) && inside(text[at - 1])) continue;
    if (/[\w$]/.test(text[at - 1] ?? '') && /[\d$]/.test(words[0]!)) continue;
    if (/\w/.test(words[words.length - 1]!) && /\w/.test(text[at + words.length] ?? '')) continue;
    out.push(at);
  }
  return out;
}

/** Where a label's figure stands in the article: inside its `in` snippet when given. */
export function figureOffset(text: string, label: Label): number {
  const context = label.in ?? label.figure;
  const found = occurrences(text, context);
  if (found.length === 0) throw new Error(`label “${label.figure}”: “${context}” is not in the article`);
  if (found.length > 1) throw new Error(`label “${label.figure}”: “${context}” occurs more than once: give an “in” snippet`);
  const inner = label.in ? occurrences(context, label.figure)[0] : 0;
  if (inner === undefined) throw new Error(`label “${label.figure}”: not inside its snippet “${context}”`);
  return found[0]! + inner;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
/** [start, end] of the months [m1 of y1 .. m2 of y2]. */
const months = (y1: number, m1: number, y2: number, m2: number): [string, string] => [`${y1}-${pad(m1)}-01`, lastDay(y2, m2)];

/** The dates of a label's period, for a company with the given fiscal year end. */
export function periodDates(period: string, fyeMonth: number): [string, string] {
  const span = /^(\S+(?: \S+)?)\.\.(\S+(?: \S+)?)$/.exec(period);
  if (span && !/^\d{4}-\d{2}-\d{2}$/.test(span[1]!)) return [periodDates(span[1]!, fyeMonth)[0], periodDates(span[2]!, fyeMonth)[1]];
  let m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (m) return [m[1]!, m[2]!];
  // A day: a balance, a price or a statement as of that date.
  m = /^(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (m) return [m[1]!, m[1]!];
  const fyEnd = (y: number) => ({ y: fyeMonth === 12 ? y : y, m: fyeMonth });
  m = /^FY(\d{4})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const end = fyEnd(y);
    const startMonth = (fyeMonth % 12) + 1;
    return months(fyeMonth === 12 ? y : y - 1, startMonth, end.y, end.m);
  }
  m = /^CY(\d{4})$/.exec(period);
  if (m) return months(Number(m[1]), 1, Number(m[1]), 12);
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]);
    return months(Number(m[1]), q * 3 - 2, Number(m[1]), q * 3);
  }
  m = /^TTM[ -](\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const end = Number(m[2]) * 3;
    const y = Number(m[1]);
    return end === 12 ? months(y, 1, y, 12) : months(y - 1, end + 1, y, end);
  }
  m = /^H([12])[ -](\d{4})$/.exec(period);
  if (m) {
    const y = Number(m[2]);
    return m[1] === '1' ? months(y, 1, y, 6) : months(y, 7, y, 12);
  }
  // Part of a fiscal year: a half ("H1 FY2026", "H2-FY2026") or the first nine months ("9M-FY2026").
  m = /^(H[12]|9M)[ -]FY(\d{4})$/.exec(period);
  if (m) {
    const [start] = periodDates(`FY${m[2]}`, fyeMonth);
    const y = Number(start.slice(0, 4));
    const first = Number(start.slice(5, 7));
    const from = m[1] === 'H2' ? first + 6 : first;
    const fromY = y + Math.floor((from - 1) / 12);
    const fromM = ((from - 1) % 12) + 1;
    const to = from + (m[1] === '9M' ? 8 : 5);
    return months(fromY, fromM, y + Math.floor((to - 1) / 12), ((to - 1) % 12) + 1);
  }
  throw new Error(`unknown label period: ${period}`);
}

/** What the checker says it checked a claim against: tickers, metric, period dates. */
export function resolutionOf(c: CheckedClaim): { tickers: string[] | null; metric: string | null; start: string | null; end: string | null } {
  const against = (c as CheckedClaim & { against?: { company: { tickers: string[] } | null; metric: { id: string } | null; period: { start: string; end: string } | null } }).against;
  if (against) {
    return { tickers: against.company?.tickers ?? null, metric: against.metric?.id ?? null, start: against.period?.start ?? null, end: against.period?.end ?? null };
  }
  return { tickers: c.subject?.tickers ?? null, metric: c.metric, start: c.actual?.start ?? null, end: c.actual?.end ?? null };
}

function resolutionErrors(label: Label, c: CheckedClaim | null, companies: Company[]): string[] | null {
  const wanted = ['company', 'metric', 'period', 'model'].filter((k) => k in label);
  if (wanted.length === 0) return null;
  if (!c) return ['no claim'];
  const r = resolutionOf(c);
  const errors: string[] = [];
  if ('company' in label) {
    const expected = label.company ? label.company.split(',').sort().join(',') : null;
    const got = r.tickers && r.tickers.length ? [...r.tickers].sort().join(',') : null;
    if (expected !== got) errors.push(`company ${got ?? 'none'} (expected ${expected ?? 'none: not tracked'})`);
  }
  if ('model' in label) {
    const got = c.against.model?.epochName ?? null;
    if (got !== label.model) errors.push(`model ${got ?? 'none in Epoch'} (expected ${label.model ?? 'none in Epoch'})`);
  }
  if ('metric' in label && label.metric !== undefined && r.metric !== label.metric) errors.push(`metric ${r.metric ?? 'none'} (expected ${label.metric ?? 'none'})`);
  if ('period' in label && label.period) {
    const ticker = label.company?.split(',')[0];
    const company = companies.find((x) => x.ticker === ticker);
    const [start, end] = periodDates(label.period, company?.fiscalYearEndMonth ?? 12);
    if (r.start !== start || r.end !== end) errors.push(`period ${r.start ?? '?'}..${r.end ?? '?'} (expected ${label.period} = ${start}..${end})`);
  }
  return errors;
}

/** The claim whose figure stands at `at`: the one whose figure span covers it, else the narrowest claim span that does. */
function claimAt(report: CheckReport, at: number): CheckedClaim | null {
  const withFigure = report.claims.filter((c) => {
    const f = (c as CheckedClaim & { figure?: { start: number; end: number } | null }).figure;
    return f ? f.start <= at && at < f.end : false;
  });
  if (withFigure.length) return withFigure.sort((a, b) => Number(b.kind === 'conversion') - Number(a.kind === 'conversion'))[0]!;
  const covering = report.claims.filter((c) => c.start <= at && at < c.end && c.kind !== 'statement');
  return covering.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

/** A store like `store`'s bundled one, with Epoch AI's table imported, for the articles about models; null without ../shared. */
async function modelsStore(): Promise<Store | null> {
  if (!sharedModelsPresent) return null;
  const store = await bundledStore();
  await importModelsFile(store, TRANSCRIBED_FILE);
  return store;
}

export async function runEval(store: Store, root: string = EVAL_DIR): Promise<EvalResult> {
  const companies = await listCompanies(store.db);
  const all = loadLabelFiles(root);
  const withModels = all.some((f) => f.needs === 'models') ? await modelsStore() : null;
  const files = all.filter((f) => f.needs !== 'models' || withModels);
  for (const f of all) if (!files.includes(f)) process.stdout.write(`notice: ${f.article} is about AI models and needs ${TRANSCRIBED_FILE}, which is absent: skipped\n`);
  const scored: Scored[] = [];
  const unlabelled: EvalResult['unlabelled'] = [];
  const dates: EvalResult['dates'] = [];
  try {
  for (const file of files) {
    const text = readArticle(file.article, root);
    const report = await checkArticle((file.needs === 'models' ? withModels! : store).db, text, { charts: false });
    dates.push({ article: file.article, expected: file.date, got: report.articleDate?.date ?? null });
    const used = new Set<CheckedClaim>();
    for (const label of file.labels) {
      const at = figureOffset(text, label);
      const claim = claimAt(report, at);
      if (claim) used.add(claim);
      const got: Outcome = claim?.verdict ?? 'missing';
      const errors = resolutionErrors(label, claim, companies);
      scored.push({ article: file.article, label, at, claim, got, verdictRight: got === label.verdict, resolutionRight: errors === null ? null : errors.length === 0, resolutionErrors: errors ?? [] });
    }
    for (const c of report.claims) if (!used.has(c) && c.kind !== 'statement') unlabelled.push({ article: file.article, claim: c });
  }
  } finally {
    await withModels?.close();
  }
  const confusion = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries([...VERDICTS, 'missing'].map((o) => [o, 0]))])) as EvalResult['confusion'];
  for (const s of scored) confusion[s.label.verdict][s.got]++;
  const resolved = scored.filter((s) => s.resolutionRight !== null);
  return {
    articles: files.length,
    scored,
    dates,
    unlabelled,
    verdictAccuracy: scored.filter((s) => s.verdictRight).length / scored.length,
    resolutionAccuracy: resolved.filter((s) => s.resolutionRight).length / Math.max(1, resolved.length),
    trueCalledContradicted: scored.filter((s) => (s.label.verdict === 'supported' || s.label.verdict === 'close') && s.got === 'contradicted'),
    confusion,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The result as a report a person reads: the scores, the confusion matrix, then every miss. */
export function formatEval(r: EvalResult, verbose = true): string {
  const lines: string[] = [];
  const right = r.scored.filter((s) => s.verdictRight).length;
  const resolved = r.scored.filter((s) => s.resolutionRight !== null);
  lines.push(`Claim checker evaluation: ${r.articles} articles, ${r.scored.length} labelled figures`);
  lines.push(`  verdicts right:     ${right}/${r.scored.length} (${pct(r.verdictAccuracy)})`);
  lines.push(`  resolution right:   ${resolved.filter((s) => s.resolutionRight).length}/${resolved.length} (${pct(r.resolutionAccuracy)})`);
  lines.push(`  true figures called contradicted: ${r.trueCalledContradicted.length}`);
  const wrongDates = r.dates.filter((d) => d.expected !== d.got);
  lines.push(`  article dates right: ${r.dates.length - wrongDates.length}/${r.dates.length}`);
  lines.push('');
  const outcomes: Outcome[] = [...VERDICTS, 'missing'];
  const w = 15;
  lines.push(`  ${'expected \\ got'.padEnd(w)}${outcomes.map((o) => o.padStart(w)).join('')}`);
  for (const v of VERDICTS) lines.push(`  ${v.padEnd(w)}${outcomes.map((o) => String(r.confusion[v][o]).padStart(w)).join('')}`);
  if (!verbose) return lines.join('\n') + '\n';
  for (const d of wrongDates) lines.push(`\n  DATE ${d.article}: got ${d.got ?? 'none'}, expected ${d.expected ?? 'none'}`);
  const misses = r.scored.filter((s) => !s.verdictRight || s.resolutionRight === false);
  if (misses.length) lines.push('', `Misses (${misses.length}):`);
  for (const s of misses) {
    const c = s.claim;
    lines.push(`- ${s.article} “${s.label.figure}”: ${s.verdictRight ? 'verdict right' : `got ${s.got}, expected ${s.label.verdict}`}${s.resolutionErrors.length ? `; ${s.resolutionErrors.join('; ')}` : ''}`);
    lines.push(`    label: ${s.label.why}`);
    if (c) lines.push(`    claim: “${c.text.slice(0, 160)}” → ${c.actual ? `ours ${c.actual.display} (${c.actual.label})` : 'no figure'}${c.reason ? `; ${c.reason.slice(0, 240)}` : ''}`);
  }
  if (r.unlabelled.length) {
    lines.push('', `Claims no label covers (${r.unlabelled.length}):`);
    for (const u of r.unlabelled) lines.push(`- ${u.article}: ${u.claim.verdict} “${u.claim.text.slice(0, 120)}”${u.claim.reason ? ` (${u.claim.reason.slice(0, 120)})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
