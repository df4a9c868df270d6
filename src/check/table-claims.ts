// The claims of a markdown table's row (see extract-table.ts): one per cell that states a money
// figure, about the company or segment its row names (or its column, in a table laid out the other
// way), for the period its column header names (else its row's, else the caption's), measuring the
// metric the row, the column, the caption or the corner cell name, on the basis they state ("First
// guide (date)" is guidance; "(Feb 4)" in the cell says when it was stated). A part the table does not
// give is left open, so the figure is checked as a guess and never contradicted on it.
import type { Company } from '../model/company.js';
import type { Claim, ClaimPeriod, MetricRef, Span, SubjectRef } from './claim.js';
import { extractPeriods, type MonthMention } from './extract-period.js';
import { resolveMention } from './resolve-relative.js';
import type { CompanyMention, SubjectMatcher } from './extract-subjects.js';
import { extractMetricMentions } from './extract-metric.js';
import { segmentNamed } from './segments.js';
import { basisFor, statedWhenOf } from './extract-basis.js';
import { cellQuantity, type MarkdownTable, type TableRow } from './extract-table.js';

export interface TableContext {
  masked: string;
  text: string;
  matcher: SubjectMatcher;
  companies: Company[];
  articleDate: string | null;
}

/** "(Feb 4)", "(Jul 22, 2026)": when a plan in the cell was stated. */
const CELL_DATE = /\(\s*(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:,?\s+(?<y>(?:19|20)\d{2}))?\s*\)/i;
/** A column of differences or rates, not amounts ("Change", "Gap", "YoY"): its money cells are not the metric itself. */
const DIFFERENCE_COLUMN = /\b(?:change|chg|diff(?:erence)?|gap|growth|yo?y|y\/y|q\/q|qoq|vs\.?|versus|delta|increase|decrease|variance|miss|beat|overshoot|shortfall|surprise)\b|%/i;
/** A column of plans ("2025 plan", "Guide", "Outlook"): guidance, never the reported figure. */
const PLAN_COLUMN = /\b(?:plans?|planned|guid(?:e|ed|ance)|outlook|forecasts?|targets?|budget(?:ed)?|expected|projected|projections?)\b/i;
/** A column of someone else's numbers ("Consensus", "Analysts' estimate"): not the company's. */
const ESTIMATE_COLUMN = /\b(?:estimates?|consensus|analysts?['’]?|street|expectations?)\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type ClaimFields = Omit<Claim, 'id' | 'sentence'>;

const words = (ctx: TableContext, s: Span | null | undefined) => (s ? ctx.masked.slice(s.start, s.end) : '');

function subjectIn(ctx: TableContext, span: Span | undefined): { ref: SubjectRef; mention: CompanyMention } | null {
  if (!span) return null;
  const mentions = ctx.matcher.find(ctx.masked, span.start, span.end);
  const m = mentions.find((x) => x.ticker) ?? mentions[0];
  if (!m) return null;
  return { mention: m, ref: { tickers: m.ticker ? [m.ticker] : [], combined: m.isGroup, words: m.text, carried: false, untracked: m.ticker ? null : m.text, how: 'stated', firm: true, fromSentence: null } };
}

/** Claims for the money cells of `row` (cells between `from` and `to` only: a row split across sentences is read once). */
export function tableRowClaims(ctx: TableContext, table: MarkdownTable, row: TableRow, from: number, to: number): ClaimFields[] {
  const out: ClaimFields[] = [];
  const rowHead = row.cells[0];
  const corner = table.header.cells[0];
  for (const cell of row.cells) {
    if (cell.column === 0 || cell.start < from || cell.end > to) continue;
    const quantity = cellQuantity(cell, ctx.masked, table.unit);
    if (!quantity) continue;
    const colHead = table.header.cells.find((c) => c.column === cell.column);
    // The company: the row's, else the column's (a table laid out the other way), else the corner cell's or the caption's ("Alibaba (RMB bn)").
    const found = [rowHead, colHead, corner, table.caption ?? undefined].map((p) => subjectIn(ctx, p)).find((x) => x !== null) ?? null;
    const subject = found?.ref ?? null;
    const company = subject?.tickers.length === 1 ? (ctx.companies.find((c) => c.ticker === subject.tickers[0]) ?? null) : null;

    // Metric: the row's words, the column's, the caption's, the corner cell's; a segment named as the row means its sales.
    const places = [rowHead, colHead, table.caption, corner];
    const metricMention = places.map((p) => (p ? extractMetricMentions(ctx.masked, p.start, p.end).find((m) => !segmentNamed(m.text)) : undefined)).find(Boolean) ?? null;
    const segment = found ? segmentNamed(found.mention.text) : null;
    let metric: MetricRef | null = metricMention ? { id: metricMention.id, words: metricMention.text, definition: null, segment: null, how: 'stated', firm: true, fromSentence: null } : null;
    if (segment && (!metric || metric.id === 'revenue' || metric.id === 'cloud_revenue')) metric = { id: 'cloud_revenue', words: metric?.words ?? segment.name, definition: null, segment: segment.name, how: 'stated', firm: true, fromSentence: null };
    // A segment's row with another metric is the segment's figure, never the company's: its profit, or AWS's own capex.
    else if (segment && metric) {
      const id = ['operating_income', 'net_income'].includes(metric.id) ? 'segment_operating_income' : metric.id === 'capex' && segment.ticker === 'AMZN' ? 'aws_capex' : null;
      metric = { ...metric, id: id ?? 'segment_other', words: `${segment.name} ${metric.words}`, segment: segment.name };
    }

    const context = [words(ctx, table.caption), words(ctx, corner), words(ctx, colHead), words(ctx, rowHead), words(ctx, cell)].join(' | ');
    let { basis, words: basisWords } = basisFor(metric?.id ?? null, context);
    // The column says what kind of number the cell is: a difference, someone's estimate, or a plan.
    const columnWords = `${words(ctx, colHead)} ${words(ctx, rowHead)}`;
    if (metric && DIFFERENCE_COLUMN.test(columnWords)) metric = { ...metric, id: 'difference' };
    else if (metric && ESTIMATE_COLUMN.test(columnWords)) metric = { ...metric, id: 'forecast_other' };
    else if (metric && PLAN_COLUMN.test(columnWords)) {
      if (['capex', 'capex_incl_finance_leases'].includes(metric.id)) ((basis = 'guidance'), (basisWords = PLAN_COLUMN.exec(columnWords)![0]));
      else metric = { ...metric, id: 'forecast_other' };
    }

    // Period: the column's, else the row's, else the caption's; "fiscal years to June" or "calendar year" in the row or caption says how a bare year is meant.
    const mentions = [colHead, rowHead, table.caption].map((p) => (p ? extractPeriods(ctx.masked, p.start, p.end)[0] : undefined));
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
    const claim: ClaimFields = {
      kind: 'amount',
      start: cell.start,
      end: cell.end,
      text: ctx.text.slice(cell.start, cell.end),
      quantity: { ...quantity, text: ctx.text.slice(quantity.start, quantity.end) },
      converted: null,
      subject,
      metric,
      period,
      base: null,
      shareOf: null,
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
