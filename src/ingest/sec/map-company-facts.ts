// companyfacts → FactInput rows, through the concept map. Keeps every version: each
// (period, accession) pair of a mapped metric becomes a row, whichever mapped concept the filing
// used, so amendments, restatements and concept changes stay queryable and the series engine
// picks the current version (model/fact-versions.ts) or the first reported.
import { z } from 'zod';
import { isCalendarDate, ISO_DATE_PATTERN } from '../../model/calendar-date.js';
import type { FactInput } from '../../model/fact.js';
import type { CompanyFactsDoc } from './companyfacts-parse.js';
import { conceptOf } from './companyfacts-parse.js';
import { CONCEPT_MAP, conceptsFor, qualifiedName, type ConceptMapping } from './concept-map.js';
import { filingIndexUrl } from './sec-urls.js';
import { chooseVersion, noteFilingUnit } from '../../model/fact-versions.js';
import { SecError } from './sec-error.js';

export interface MapContext {
  ticker: string;
  cik: number;
  /** Read money in this unit; inferred from the unit keys when absent. */
  currency?: string | null;
  /** For error messages: the URL or zip entry the document came from. */
  source: string;
}

export interface MappedFacts {
  facts: FactInput[];
  /** The reporting currency the facts are in. */
  currency: string;
  /** Month the fiscal year ends, from the annual facts' end dates; null when there are none. */
  fiscalYearEndMonth: number | null;
  /** Facts of mapped concepts that do not fit the metric (an instant for a duration, start after end). */
  skipped: number;
  /** Rows per metric. */
  byMetric: Record<string, number>;
}

const ACCESSION_PATTERN = /^\d{10}-\d{2}-\d{6}$/;
const isoDate = z.string().regex(ISO_DATE_PATTERN, 'not a YYYY-MM-DD date').refine(isCalendarDate, 'not a calendar date');
/** SEC form types: 10-K, 10-K/A, 20-F, 8-K, DEF 14A, 10-KT... (no markup, no lower case). */
const FORM = /^[0-9A-Z][0-9A-Z .\/-]{0,19}$/;
const rawFact = z.object({
  start: isoDate.optional(),
  end: isoDate,
  val: z.number().finite(),
  accn: z.string().regex(ACCESSION_PATTERN, 'not an accession number'),
  fy: z.number().int().nullish(),
  fp: z.string().nullish(),
  form: z.string().regex(FORM, 'not an SEC form type'),
  filed: isoDate,
  frame: z.string().nullish(),
});
type RawFact = z.infer<typeof rawFact>;

const optionalText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/**
 * The facts rawFact accepts, told apart in plain code: zod's object parse is most of the concept
 * map's time on a bulk ingest, and nearly every fact is well formed. Accepts only what rawFact
 * accepts (a fact this rejects is parsed by rawFact, which accepts it or names what is wrong).
 */
function plainlyValid(raw: unknown): raw is RawFact {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const f = raw as Record<string, unknown>;
  return (
    (f.start === undefined || (typeof f.start === 'string' && isCalendarDate(f.start))) &&
    typeof f.end === 'string' && isCalendarDate(f.end) &&
    typeof f.val === 'number' && Number.isFinite(f.val) &&
    typeof f.accn === 'string' && ACCESSION_PATTERN.test(f.accn) &&
    (f.fy === undefined || f.fy === null || Number.isSafeInteger(f.fy)) &&
    optionalText(f.fp) &&
    typeof f.form === 'string' && FORM.test(f.form) &&
    typeof f.filed === 'string' && isCalendarDate(f.filed) &&
    optionalText(f.frame)
  );
}

/** ISO currency codes look like this; shares, pure and USD/shares do not. */
const CURRENCY_UNIT = /^[A-Z]{3}$/;

/** The unit key holding most of the company's mapped facts; USD when nothing is mapped. */
export function inferCurrency(doc: CompanyFactsDoc, cik: number, source: string): string {
  const counts = new Map<string, number>();
  for (const m of CONCEPT_MAP) {
    for (const ref of conceptsFor(m, cik)) {
      const c = conceptOf(doc, ref.taxonomy, ref.name, source);
      if (!c) continue;
      for (const [unit, facts] of Object.entries(c.units)) {
        if (CURRENCY_UNIT.test(unit)) counts.set(unit, (counts.get(unit) ?? 0) + facts.length);
      }
    }
  }
  let best = 'USD';
  let most = 0;
  for (const [unit, n] of [...counts].sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))) {
    if (n > most) [best, most] = [unit, n];
  }
  return best;
}

export function mapCompanyFacts(doc: CompanyFactsDoc, ctx: MapContext): MappedFacts {
  const currency = ctx.currency ?? inferCurrency(doc, ctx.cik, ctx.source);
  const facts: FactInput[] = [];
  const byMetric: Record<string, number> = {};
  let skipped = 0;
  const units = filingUnitsOf(doc, currency);
  for (const m of CONCEPT_MAP) {
    const r = mapMetric(doc, m, ctx, currency);
    skipped += r.skipped;
    for (const versions of r.periods) {
      // The version a reader sees by default: the newest filing, unless it only rounds an earlier figure.
      chooseVersion(versions, (v) => units.get(v.accession ?? '') ?? 1).current.preferred = true;
      for (const f of versions) facts.push(f);
      byMetric[m.metric] = (byMetric[m.metric] ?? 0) + versions.length;
    }
  }
  return { facts, currency, fiscalYearEndMonth: fiscalYearEndOf(facts), skipped, byMetric };
}

/**
 * The unit of each filing (filingUnits), from every financial-statement figure of the document in
 * the reporting currency, mapped or not. Cover-page (`dei`) figures such as the public float are
 * exact whatever units the statements use, so they are left out. A loop, not a generator of
 * figure objects: a bulk ingest passes every figure of every document through here.
 */
function filingUnitsOf(doc: CompanyFactsDoc, currency: string): Map<string, number> {
  const units = new Map<string, number>();
  for (const [taxonomy, concepts] of Object.entries(doc.facts)) {
    if (taxonomy === 'dei') continue;
    for (const concept of Object.values(concepts ?? {})) {
      const list = (concept as { units?: Record<string, unknown> } | null)?.units?.[currency];
      if (!Array.isArray(list)) continue;
      for (const f of list as { accn?: unknown; val?: unknown }[]) {
        if (typeof f?.accn === 'string' && typeof f.val === 'number') noteFilingUnit(units, f.accn, f.val);
      }
    }
  }
  return units;
}

function mapMetric(doc: CompanyFactsDoc, m: ConceptMapping, ctx: MapContext, currency: string): { periods: FactInput[][]; skipped: number } {
  // period key → accession → row. Within one filing a period belongs to the first concept (in
  // fallback order) that filing reports it under; across filings every version is kept, whatever
  // its concept, so a filer that moved from SalesRevenueNet to ASC 606 revenue keeps both.
  const byPeriod = new Map<string, Map<string, FactInput>>();
  let skipped = 0;
  for (const ref of conceptsFor(m, ctx.cik)) {
    const concept = conceptOf(doc, ref.taxonomy, ref.name, ctx.source);
    const list = concept?.units[currency];
    if (!list) continue;
    const claimed = new Map<string, Map<string, FactInput>>();
    for (const [i, raw] of list.entries()) {
      const p = plainlyValid(raw) ? ({ success: true, data: raw } as const) : rawFact.safeParse(raw);
      // A fact that is not what SEC sends (an impossible date, markup for a form) means the
      // document is damaged or forged: it fails whole, before anything of it is stored.
      if (!p.success) {
        const issue = p.error.issues[0]!;
        const field = issue.path.map(String).join('.');
        const given = field && raw && typeof raw === 'object' ? ` ${JSON.stringify((raw as Record<string, unknown>)[field])}` : '';
        throw new SecError('malformed', `${ctx.source}: ${qualifiedName(ref)} ${currency} fact ${i}: ${field || 'fact'}${given} is ${issue.message.startsWith('not ') ? issue.message : `invalid (${issue.message})`}`, ctx.source);
      }
      if (!periodFits(p.data, m) || (p.data.start && p.data.start > p.data.end)) {
        skipped++;
        continue;
      }
      const f = p.data;
      const key = `${f.start ?? ''}|${f.end}`;
      if (byPeriod.get(key)?.has(f.accn)) continue;
      let versions = claimed.get(key);
      if (!versions) claimed.set(key, (versions = new Map()));
      const seen = versions.get(f.accn);
      // A filing can repeat a value (once per statement it appears in): one row per accession.
      if (seen) {
        if (!seen.frame && f.frame) seen.frame = f.frame;
        continue;
      }
      versions.set(f.accn, toFactInput(f, m, qualifiedName(ref), ctx, currency));
    }
    for (const [key, versions] of claimed) {
      const all = byPeriod.get(key);
      if (!all) byPeriod.set(key, versions);
      else for (const [accn, row] of versions) all.set(accn, row);
    }
  }
  return { periods: [...byPeriod.values()].map((versions) => [...versions.values()]), skipped };
}

function periodFits(f: RawFact, m: ConceptMapping): boolean {
  return m.periodType === 'duration' ? f.start !== undefined : f.start === undefined;
}

function toFactInput(f: RawFact, m: ConceptMapping, concept: string, ctx: MapContext, currency: string): FactInput {
  return {
    ticker: ctx.ticker,
    metric: m.metric,
    concept,
    value: f.val * m.sign,
    unit: currency,
    periodStart: f.start ?? null,
    periodEnd: f.end,
    basis: 'actual',
    confidence: 'high',
    preferred: false,
    sourceKind: 'sec',
    sourceUrl: filingIndexUrl(ctx.cik, f.accn),
    // The value is SEC's own XBRL fact from that filing: the strongest verification there is.
    readAt: null,
    verified: 'xbrl',
    form: f.form,
    accession: f.accn,
    filed: f.filed,
    fy: f.fy ?? null,
    fp: f.fp ?? null,
    frame: f.frame ?? null,
    note: null,
    supersededBy: null,
  };
}

/** Most common end month of annual (about 12-month) facts, with the series engine's 52/53-week rule. */
function fiscalYearEndOf(facts: FactInput[]): number | null {
  const counts = new Map<number, number>();
  for (const f of facts) {
    if (!f.periodStart || f.fp !== 'FY') continue;
    const days = (Date.parse(f.periodEnd) - Date.parse(f.periodStart)) / 86_400_000;
    if (days < 350 || days > 380) continue;
    const month = Number(f.periodEnd.slice(5, 7));
    const m = Number(f.periodEnd.slice(8, 10)) <= 7 ? ((month + 10) % 12) + 1 : month;
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  let best: number | null = null;
  let most = 0;
  for (const [m, n] of counts) if (n > most) [best, most] = [m, n];
  return best;
}
