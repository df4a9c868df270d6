// The claims of a table's row (see extract-table.ts): one per cell that states a money figure or a
// per cent, about the company or segment its row names (or its column, in a table laid out the other
// way; a "Total" row is the rows above it added up), for the period its column header names (else its
// row's, else the caption's), measuring the metric the row, the column, the caption or the corner cell
// name (a column named by a word of one of the caption's metrics, "Intensity" under "capex intensity",
// is that metric), on the basis they state ("First guide (date)" is guidance; "(Feb 4)" in the cell
// says when it was stated). A per cent is capex as a share of revenue in a column of that metric, a
// change on the year before in a column of growth. A part the table does not give is left open, so the
// figure is checked as a guess and never contradicted on it.
// Headers are terse ("CY24", "Jun-26 qtr", "Q3 FY26"): their shorthand is spelled out in words the
// period patterns of extract-period.ts read ("calendar 2024", "June 2026 quarter"), never parsed here.
import type { Company } from '../model/company.js';
import type { Claim, ClaimPeriod, MetricRef, Span, SubjectRef } from './claim.js';
import { extractPeriods, type MonthMention } from './extract-period.js';
import { resolveMention } from './resolve-relative.js';
import type { CompanyMention, SubjectMatcher } from './extract-subjects.js';
import { extractMetricMentions } from './extract-metric.js';
import { segmentNamed } from '../series/segments.js';
import { basisFor, statedWhenOf } from './extract-basis.js';
import { cellQuantity, percentIn, unitIn, type ArticleTable, type TableCell, type TableRow } from './extract-table.js';
import type { PeriodMention } from './extract-period.js';

export interface TableContext {
  masked: string;
  text: string;
  matcher: SubjectMatcher;
  companies: Company[];
  articleDate: string | null;
  /** The company the text around the table is about (a research note's tables name no company): used when the table names none. */
  carried?: (SubjectRef & { sole: boolean; sentence: number }) | null;
}

/** "(Feb 4)", "(Jul 22, 2026)": when a plan in the cell was stated. */
const CELL_DATE = /\(\s*(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:,?\s+(?<y>(?:19|20)\d{2}))?\s*\)/i;
/** A column of differences or rates, not amounts ("Change", "Gap", "YoY"): its money cells are not the metric itself. */
const DIFFERENCE_COLUMN = /\b(?:change|chg|diff(?:erence)?|gap|growth|yo?y|y\/y|q\/q|qoq|vs\.?|versus|delta|increase|decrease|variance|miss|beat|overshoot|shortfall|surprise)\b|%/i;
/** A column of plans ("2025 plan", "Guide", "Outlook"): guidance, never the reported figure. */
const PLAN_COLUMN = /\b(?:plans?|planned|guid(?:e|ed|ance)|outlook|forecasts?|targets?|budget(?:ed)?|expected|projected|projections?)\b/i;
/** A column of someone else's numbers ("Consensus", "Analysts' estimate"): not the company's. */
const ESTIMATE_COLUMN = /\b(?:estimates?|consensus|analysts?['’]?|street|expectations?)\b/i;
/** Column words of growth, whose per cents are changes ("Growth 2025", "YoY %", "% chg"). */
const GROWTH_COLUMN = /\b(?:change|chg|growth|yo?y|y\/y|rise|increase|decrease|decline|cagr)\b/i;
/** A cell that states a move itself: "+18% y/y", "up 80%", "down 6%", "−3%". */
const GROWTH_CELL = /^\s*(?:[+−–-]\s*\d|(?:up|down)\b)|\b(?:y\/y|yoy|q\/q|qoq)\b/i;
/** A column measured against another period ("vs Q2 2025", "versus 2024"): its period is the base of the change. */
const VERSUS_COLUMN = /^\s*(?:vs\.?|versus|compared\s+(?:with|to)|against|over|from)\s/i;
/** Growth in words that are never an amount: its bare numbers are per cents even in a table of money. */
const RATE_COLUMN = /\b(?:growth|yo?y|y\/y|cagr)\b/i;
/** An analyst's estimate year: "2026E", "FY27E". */
const ESTIMATE_YEAR = /\b(?:FY|CY)?'?(?:\d{2}|\d{4})[EF]\b/;
/** Capex over revenue in so many words: "capex / revenue", "capex to sales", "of revenue". */
const CAPEX_OVER_REVENUE = /\/\s*(?:revenues?|sales)\b|\b(?:to|of|over)\s+(?:revenues?|sales)\b/i;
/** A row that adds up the rows above it. */
const TOTAL_ROW = /^\s*(?:total|sum|combined|all|aggregate|together)\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type ClaimFields = Omit<Claim, 'id' | 'sentence'>;

const century = (y: string) => (y.length === 2 ? `20${y}` : y);
/** Header shorthand spelled out: "CY24" → "calendar 2024", "FY26" → "FY2026", "Jun-26 qtr" → "Jun 2026 quarter", "2026E" → "2026". */
const SHORTHAND: Array<[RegExp, (...g: string[]) => string]> = [
  [/\b((?:19|20)\d{2}|FY'?\d{2,4}|CY'?\d{2,4})[EF]\b/gi, (_, y) => y!],
  [/\bCY\s?'?(\d{4}|\d{2})\b/gi, (_, y) => `calendar ${century(y!)}`],
  [/\bFY\s?'?(\d{2})\b/gi, (_, y) => `FY${century(y!)}`],
  [/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[-\s/']\s?'?(\d{2}|\d{4})\s*(?:qtr|quarter|q)\b/gi, (_, m, y) => `${m} ${century(y!)} quarter`],
  [/\bqtr\b/gi, () => 'quarter'],
];

/** The periods a header or caption names, shorthand read as its words; a period found in spelled-out words spans the whole cell. */
function periodsIn(ctx: TableContext, span: Span): PeriodMention[] {
  const own = ctx.masked.slice(span.start, span.end);
  let spelled = own;
  for (const [re, to] of SHORTHAND) spelled = spelled.replace(re, to as (...a: string[]) => string);
  if (spelled === own) return extractPeriods(ctx.masked, span.start, span.end);
  return extractPeriods(spelled, 0, spelled.length).map((p) => ({ ...p, start: span.start, end: span.end, text: ctx.text.slice(span.start, span.end) }));
}

const words = (ctx: TableContext, s: Span | null | undefined) => (s ? ctx.masked.slice(s.start, s.end) : '');

function subjectIn(ctx: TableContext, span: Span | undefined): { ref: SubjectRef; mention: CompanyMention } | null {
  if (!span) return null;
  const mentions = ctx.matcher.find(ctx.masked, span.start, span.end);
  const m = mentions.find((x) => x.ticker) ?? mentions[0];
  if (!m) return null;
  return { mention: m, ref: { tickers: m.ticker ? [m.ticker] : [], combined: m.isGroup, words: m.text, carried: false, untracked: m.ticker ? null : m.text, how: 'stated', firm: true, fromSentence: null } };
}

/** The subject of a "Total" row: the companies of the other rows, added up (a group airace knows when they are its members). */
const totals = new WeakMap<ArticleTable, { ref: SubjectRef; mention: CompanyMention } | null>();
function totalOf(ctx: TableContext, table: ArticleTable): { ref: SubjectRef; mention: CompanyMention } | null {
  // Read once per table: every cell of every total row asks.
  if (!totals.has(table)) totals.set(table, addedUp(ctx, table));
  return totals.get(table)!;
}
function addedUp(ctx: TableContext, table: ArticleTable): { ref: SubjectRef; mention: CompanyMention } | null {
  const tickers = new Set<string>();
  for (const r of table.rows) {
    if (TOTAL_ROW.test(words(ctx, r.cells[0]))) continue;
    const s = subjectIn(ctx, r.cells[0]);
    if (!s || s.ref.tickers.length !== 1 || s.ref.combined) return null;
    tickers.add(s.ref.tickers[0]!);
  }
  if (tickers.size < 2) return null;
  const list = [...tickers];
  const group = ctx.companies.find((c) => c.kind === 'group' && c.members.length === list.length && c.members.every((m) => tickers.has(m)));
  const rowWords = words(ctx, table.rows.find((r) => TOTAL_ROW.test(words(ctx, r.cells[0])))?.cells[0]);
  const ref: SubjectRef = { tickers: group ? [group.ticker] : list, combined: true, words: rowWords, carried: false, untracked: null, how: 'stated', firm: true, fromSentence: null };
  return { ref, mention: { start: 0, end: 0, text: rowWords, ticker: group?.ticker ?? null, isGroup: true } };
}

/** A metric of the caption that the column names by one of its words ("Intensity" under "capex intensity (capex / revenue)"). */
function captionMetricNamedBy(ctx: TableContext, table: ArticleTable, colHead: Span | undefined) {
  if (!table.caption || !colHead) return undefined;
  const named = new Set((words(ctx, colHead).toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !['total', 'year', 'years', 'calendar', 'fiscal', 'quarter'].includes(w)));
  if (named.size === 0) return undefined;
  return extractMetricMentions(ctx.masked, table.caption.start, table.caption.end).find((m) => !segmentNamed(m.text) && (m.text.toLowerCase().match(/[a-z]{4,}/g) ?? []).some((w) => named.has(w)));
}

/** Claims for the money and per cent cells of `row` (cells between `from` and `to` only: a row split across sentences is read once). */
export function tableRowClaims(ctx: TableContext, table: ArticleTable, row: TableRow, from: number, to: number): ClaimFields[] {
  const out: ClaimFields[] = [];
  const rowHead = row.cells[0];
  const corner = table.header.cells.find((c) => c.column === 0);
  const isTotal = TOTAL_ROW.test(words(ctx, rowHead));
  for (const cell of row.cells) {
    if (cell.column === 0 || cell.start < from || cell.end > to) continue;
    const colHead = table.header.cells.find((c) => c.column === cell.column);
    // The company: the row's, else the column's (a table laid out the other way), else the corner cell's or the caption's ("Alibaba (RMB bn)").
    const found = (isTotal ? totalOf(ctx, table) : null) ?? [rowHead, colHead, corner, table.caption ?? undefined].map((p) => subjectIn(ctx, p)).find((x) => x !== null) ?? null;
    // A table that names no company is about the one the text is about: firmly when the text has named no other.
    const fromText = !found && ctx.carried && ctx.carried.tickers.length > 0 ? ({ ...ctx.carried, carried: true, how: 'carried', fromSentence: ctx.carried.sentence, firm: ctx.carried.sole } as SubjectRef) : null;
    const subject = found?.ref ?? fromText;
    const company = subject?.tickers.length === 1 ? (ctx.companies.find((c) => c.ticker === subject.tickers[0]) ?? null) : null;

    // Metric: the row's words, the column's, a caption metric the column names, the caption's, the corner cell's; a segment named as the row means its sales.
    const mentionIn = (p: Span | null | undefined) => (p ? extractMetricMentions(ctx.masked, p.start, p.end).find((m) => !segmentNamed(m.text)) : undefined);
    // A signed per cent in a column that names no metric ("vs Q2 2025": +68%) moves the metric of the column before it.
    const metricBefore = () => table.header.cells.filter((c) => c.column < cell.column && c.column > 0).reverse().map((c) => mentionIn(c)).find(Boolean);
    const metricMention = mentionIn(rowHead) ?? mentionIn(colHead) ?? captionMetricNamedBy(ctx, table, colHead) ?? (GROWTH_CELL.test(words(ctx, cell)) ? metricBefore() : undefined) ?? mentionIn(table.caption) ?? mentionIn(corner) ?? null;
    const segment = found ? segmentNamed(found.mention.text) : null;
    let metric: MetricRef | null = metricMention ? { id: metricMention.id, words: metricMention.text, definition: null, segment: null, how: 'stated', firm: true, fromSentence: null } : null;
    if (segment && (!metric || metric.id === 'revenue' || metric.id === 'cloud_revenue')) metric = { id: 'cloud_revenue', words: metric?.words ?? segment.name, definition: null, segment: segment.name, how: 'stated', firm: true, fromSentence: null };
    // A segment's row with another metric is the segment's figure, never the company's: its profit, or AWS's own capex.
    else if (segment && metric) {
      const id = ['operating_income', 'net_income'].includes(metric.id) ? 'segment_operating_income' : metric.id === 'capex' && segment.ticker === 'AMZN' ? 'aws_capex' : null;
      metric = { ...metric, id: id ?? 'segment_other', words: `${segment.name} ${metric.words}`, segment: segment.name };
    }

    // The unit of a bare number: the column's own ("Capex ($bn)", "(%)"); per cent in a column of a ratio or of growth
    // when the table speaks of per cents (or of no money); else the table's.
    const columnWords = `${words(ctx, colHead)} ${words(ctx, rowHead)}`;
    const versus = VERSUS_COLUMN.test(words(ctx, colHead));
    const growth = GROWTH_COLUMN.test(columnWords) || ((versus || GROWTH_CELL.test(words(ctx, cell))) && /%/.test(words(ctx, cell)));
    // (A table of metrics by row names the unit in the row: "Capex ($bn)", "Capex / revenue (%)".)
    const ownUnit = unitIn(words(ctx, colHead)) ?? unitIn(words(ctx, rowHead));
    const ownPercent = percentIn(words(ctx, colHead)) || percentIn(words(ctx, rowHead));
    const ratio = metric?.id === 'capex_intensity' || (metric?.id === 'capex' && CAPEX_OVER_REVENUE.test(columnWords));
    const perCent = !ownUnit && (ownPercent || RATE_COLUMN.test(columnWords) || ((ratio || growth) && (table.percent || !table.unit)) || (!table.unit && table.percent));
    const quantity = cellQuantity(cell, ctx.masked, perCent ? 'percent' : (ownUnit ?? table.unit));
    if (!quantity) continue;
    let kind: Claim['kind'] = 'amount';
    let shareOf: Claim['shareOf'] = null;
    if (quantity.kind === 'percent') {
      // A per cent of capex intensity is a share of revenue; of growth, a change on the year before; of anything else, a share airace does not hold.
      if (ratio && !growth) {
        kind = 'share';
        shareOf = 'revenue';
        metric = { ...metric!, id: 'capex_intensity' };
      } else if (growth && metric) {
        kind = 'change';
        Object.assign(quantity, { value: Math.abs(quantity.value), direction: quantity.value < 0 || /^\s*(?:down\b|[−–-])/i.test(words(ctx, cell)) ? 'down' : 'up' });
      } else kind = 'share';
    }

    const context = [words(ctx, table.caption), words(ctx, corner), words(ctx, colHead), words(ctx, rowHead), words(ctx, cell)].join(' | ');
    let { basis, words: basisWords } = basisFor(metric?.id ?? null, context);
    // The column says what kind of amount the cell is: a difference, someone's estimate, or a plan (a per cent's is read above).
    if (kind === 'amount' && metric && DIFFERENCE_COLUMN.test(columnWords)) metric = { ...metric, id: 'difference' };
    else if (metric && (ESTIMATE_COLUMN.test(columnWords) || ESTIMATE_YEAR.test(columnWords))) metric = { ...metric, id: 'forecast_other' };
    else if (kind === 'amount' && metric && PLAN_COLUMN.test(columnWords)) {
      if (['capex', 'capex_incl_finance_leases'].includes(metric.id)) ((basis = 'guidance'), (basisWords = PLAN_COLUMN.exec(columnWords)![0]));
      else metric = { ...metric, id: 'forecast_other' };
    }

    // Period: the column's, else the row's, else the caption's; "fiscal years to June" or "calendar year" in the row or caption says how a bare year is meant.
    // A growth column that names no period ("2025   YoY") is the growth of the period column before it.
    // ("| | Fiscal 2026 | Fiscal 2025 | Change |": after two period columns it is the change between them, so of the later one.)
    const periodColumns = table.header.cells.filter((c) => c.column < cell.column && c.column > 0 && periodsIn(ctx, c).length > 0);
    const later = (a: TableCell, b: TableCell) => {
      const [pa, pb] = [periodsIn(ctx, a)[0]!, periodsIn(ctx, b)[0]!];
      return (pb.year ?? 0) * 10 + (pb.quarter ?? 0) > (pa.year ?? 0) * 10 + (pa.quarter ?? 0) ? b : a;
    };
    const latestColumn = versus || periodColumns.length < 2 ? periodColumns[periodColumns.length - 1] : periodColumns.slice(-2).reduce(later);
    const periodHead = kind === 'change' && colHead && (versus || periodsIn(ctx, colHead).length === 0) ? (latestColumn ?? colHead) : colHead;
    const mentions = [periodHead, rowHead, table.caption].map((p) => (p ? periodsIn(ctx, p)[0] : undefined));
    const mention = mentions.find(Boolean) ?? null;
    // A column named without its year ("Q1") is placed near the period the row or caption names ("Capex in 2025").
    const around = mentions.slice(mentions.indexOf(mention ?? undefined) + 1).find((m) => m && m.year !== null && m.relative === null) ?? null;
    const reference = around ? { kind: around.kind, year: around.year, quarter: around.quarter, endYear: around.endYear, years: around.years, quarters: around.quarters, resolution: null, start: around.start, end: around.end, text: around.text } : null;
    let period: ClaimPeriod | null = null;
    let periodError: string | null = null;
    if (mention) {
      const r = resolveMention(mention, { reference, articleDate: ctx.articleDate, company, future: basis !== 'actual' });
      if ('error' in r) periodError = r.error;
      else {
        const reading = `${words(ctx, rowHead)} ${words(ctx, table.caption)}`;
        const kind = r.ref.kind === 'year' && r.how === 'stated' ? (/\bfiscal\b/i.test(reading) ? 'fy' : /\bcalendar\b/i.test(reading) ? 'cy' : 'year') : r.ref.kind;
        period = { ref: { ...r.ref, kind, resolution: r.resolution }, how: r.how, firm: r.firm !== false, fromSentence: null };
        // Borrowed from the column before: likely, but the table does not say so, so a mismatch is never a contradiction.
        if (periodHead !== colHead && mention === mentions[0]) period = { ...period, firm: false, guess: `the column “${words(ctx, colHead).trim()}” names no period; it is read as the growth of “${words(ctx, periodHead).trim()}”, the ${periodHead === periodColumns[periodColumns.length - 1] ? 'column before it' : 'later of the two period columns before it'}` };
      }
    }
    // When a plan in the cell was stated: "(Feb 4)" in the cell, else in its column's header; a date without a year is
    // in the plan's own year (plans are stated during the year they are for), unless that is after the article.
    const dated = [cell, colHead].map((p) => (p ? { p, m: CELL_DATE.exec(words(ctx, p)) } : null)).find((x) => x?.m) ?? null;
    let statedWhen: Claim['statedWhen'] = null;
    if (basis === 'guidance' && dated) {
      const m = dated.m!;
      const monthNo = MONTHS.indexOf(m.groups!.m!.toLowerCase()) + 1;
      const planYear = period?.ref.year ?? null;
      const inPlanYear = planYear !== null && (!ctx.articleDate || `${planYear}-${String(monthNo).padStart(2, '0')}` <= ctx.articleDate.slice(0, 7));
      const year = m.groups!.y ? Number(m.groups!.y) : inPlanYear ? planYear : null;
      const month: MonthMention[] = [{ start: dated.p.start + m.index, end: dated.p.start + m.index + m[0].length, text: m[0], month: monthNo, year }];
      statedWhen = statedWhenOf('', words(ctx, dated.p), month, ctx.articleDate);
    } else if (basis === 'guidance' && period) {
      // A plan column that says not when: which of the year's statements it means is a guess, never a contradiction.
      period = { ...period, firm: false, guess: 'the plan’s column does not say when it was stated, so which of the year’s statements it means is not known' };
    }
    // "vs Q2 2025": the column's period is what the change is measured from.
    let base: ClaimPeriod | null = null;
    const versusPeriod = kind === 'change' && versus && colHead ? periodsIn(ctx, colHead)[0] : undefined;
    if (versusPeriod) {
      const r = resolveMention(versusPeriod, { reference: period?.ref ?? null, articleDate: ctx.articleDate, company, future: false });
      if (!('error' in r)) base = { ref: { ...r.ref, resolution: r.resolution }, how: r.how, firm: r.firm !== false, fromSentence: null };
    }
    const claim: ClaimFields = {
      kind,
      start: cell.start,
      end: cell.end,
      text: ctx.text.slice(cell.start, cell.end),
      quantity: { ...quantity, text: ctx.text.slice(quantity.start, quantity.end) },
      converted: null,
      subject,
      metric,
      period,
      base,
      shareOf,
      basis,
      basisWords,
      statedWhen,
      attribution: null,
      siblingOf: null,
    };
    if (periodError) (claim as ClaimFields & { periodError?: string }).periodError = periodError;
    out.push(claim);
  }
  return out;
}
