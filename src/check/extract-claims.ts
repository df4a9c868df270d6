// Reads an article into claims: every money figure and percentage with what it is about (subject,
// metric, period, basis), hedges, negations and attributions; currency conversions written as
// "280.2 billion yuan (US$38.4 billion)"; and the charts the text describes. Linear in the text:
// each sentence is read once, with the subject carried forward from the sentences before.
import type { Company } from '../model/company.js';
import type { ArticleDate, Claim, ChartMention, Quantity, Span, SubjectRef } from './claim.js';
import { maskMarkup } from './mask-markup.js';
import { splitSentences } from './split-sentences.js';
import { splitClauses } from './split-clauses.js';
import { extractMoney } from './extract-money.js';
import { extractPercent } from './extract-percent.js';
import { extractPeriods, periodForQuantity, spanIn } from './extract-period.js';
import { SubjectMatcher } from './extract-subjects.js';
import { COMMITMENT_METRIC, extractMetricMentions, metricForQuantity } from './extract-metric.js';
import { basisFor } from './extract-basis.js';
import { attributedPrediction, attributionFor } from './extract-attribution.js';
import { negationBefore } from './extract-hedges.js';
import { findArticleDate } from './article-date.js';
import { chartMentionIn } from './chart-from-words.js';

export interface Extraction {
  articleDate: ArticleDate | null;
  claims: Claim[];
  charts: ChartMention[];
}

export interface ExtractOptions {
  /** Article date (YYYY-MM-DD) to use when the article states none. */
  date?: string;
}

/** Two figures in different currencies, the second in parentheses right after the first. */
function conversionPairs(masked: string, money: Quantity[]): Array<[Quantity, Quantity]> {
  const pairs: Array<[Quantity, Quantity]> = [];
  for (let i = 0; i + 1 < money.length; i++) {
    const a = money[i]!;
    const b = money[i + 1]!;
    if (a.unit === b.unit) continue;
    const between = masked.slice(a.end, b.start);
    const after = masked.slice(b.end, b.end + 3);
    if (/^\s*\(\s*(?:about|around|approximately|roughly|or|some|~|≈|US)?\s*$/i.test(between) && /^\s*\)/.test(after)) pairs.push([a, b]);
  }
  return pairs;
}

const within = (s: Span, offset: number) => offset >= s.start && offset < s.end;

export function extractClaims(text: string, companies: Company[], options: ExtractOptions = {}): Extraction {
  const masked = maskMarkup(text);
  const articleDate = findArticleDate(text) ?? (options.date ? { date: options.date, from: 'option' as const, words: null } : null);
  const date = articleDate?.date ?? null;
  const matcher = new SubjectMatcher(companies);
  const isCompany = (name: string) => matcher.companies.some((c) => c.name === name || c.aliases.includes(name) || c.ticker === name);
  const sentences = splitSentences(masked, text);
  const claims: Claim[] = [];
  const charts: ChartMention[] = [];
  let carried: SubjectRef | null = null;
  let previous: Span | null = null;
  const slice = (s: { start: number; end: number }) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

  for (const sentence of sentences) {
    const clauses = splitClauses(masked, sentence);
    const clauseOf = (offset: number) => clauses.find((c) => within(c, offset)) ?? sentence;
    const mentions = matcher.find(masked, sentence.start, sentence.end);
    const metrics = extractMetricMentions(masked, sentence.start, sentence.end);
    const periods = extractPeriods(masked, sentence.start, sentence.end, date);

    const chart = chartMentionIn(masked, sentence, mentions, metrics, periods, matcher);
    if (chart) charts.push({ ...chart, text: text.slice(chart.start, chart.end) });

    const money = extractMoney(masked, sentence.start, sentence.end);
    const percents = extractPercent(masked, sentence.start, sentence.end, (o) => clauseOf(o).start).filter(
      (p) => !money.some((m) => p.start < m.end && p.end > m.start),
    );
    const pairs = conversionPairs(masked, money);
    const convertedOnes = new Set(pairs.map(([, b]) => b));
    const quantities = [...money.filter((m) => !convertedOnes.has(m)), ...percents].sort((a, b) => a.start - b.start);
    const first = claims.length;

    for (const q of quantities) {
      const clause = clauseOf(q.start);
      const neg = negationBefore(masked.slice(clause.start, q.start));
      const quantity: Quantity = { ...q, negated: neg.negated, shortOf: neg.shortOf, text: text.slice(q.start, q.end) };
      const subject = matcher.subjectFor(masked, q, clause, sentence, mentions, carried);
      const metric = metricForQuantity(metrics, q, clause, sentence);
      let period = periodForQuantity(periods, q, clause, sentence, quantities);
      if (metric?.id === COMMITMENT_METRIC && !period) period = spanIn(periods, sentence);
      const { basis, words: basisWords } = basisFor(metric, masked.slice(clause.start, clause.end));
      const attribution = attributionFor(masked, clause, sentence, previous, isCompany);
      const kind = q.kind === 'money' ? 'amount' : q.direction !== null ? 'change' : 'share';
      const base = { sentence: slice(sentence), subject, metric, period, basis, basisWords, attribution, siblingOf: null };
      claims.push({ id: claims.length + 1, kind, ...slice(clause), quantity, converted: null, ...base });

      const pair = pairs.find(([a]) => a === q);
      if (pair) {
        const [, b] = pair;
        const close = masked.indexOf(')', b.end);
        claims.push({
          id: claims.length + 1,
          kind: 'conversion',
          ...slice({ start: q.start, end: close + 1 }),
          quantity,
          converted: { ...b, text: text.slice(b.start, b.end) },
          ...base,
        });
      }
    }

    if (quantities.length === 0) {
      const said = attributedPrediction(masked, sentence, isCompany);
      if (said) {
        claims.push({
          id: claims.length + 1,
          kind: 'statement',
          ...slice(sentence),
          sentence: slice(sentence),
          quantity: null,
          converted: null,
          subject: null,
          metric: null,
          period: null,
          basis: 'actual',
          basisWords: null,
          attribution: said,
          siblingOf: null,
        });
      }
    }

    // A figure with no period of its own takes the period of an amount about the same subject in its sentence
    // ("revenue grew 8% to RMB 280.2 billion": the growth is over the same quarter as the amount).
    const inSentence = claims.slice(first);
    for (const c of inSentence) {
      if (c.period || c.kind === 'statement') continue;
      const same = inSentence.find((o) => o !== c && o.kind === 'amount' && o.subject?.tickers.join() === c.subject?.tickers.join());
      if (same) c.siblingOf = same.id;
    }

    carried = matcher.carryFrom(sentence, mentions) ?? carried;
    previous = sentence;
  }
  return { articleDate, claims, charts };
}
