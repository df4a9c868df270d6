// Which metric a figure measures, read from the words near it: "revenue", "capital
// expenditures", "spend on AI and cloud", "AWS sales", "operating cash flow", "commitment"...
// Ids are airace metrics, plus two the checker handles itself: commitments and share prices.
import type { MetricRef, Quantity, Span } from './claim.js';

/** Alibaba's announced investment pledge (bundled facts, basis commitment). */
export const COMMITMENT_METRIC = 'ai_infrastructure_commitment';
/** Share prices: airace holds no price series, only reported year-to-date gains. */
export const SHARE_PRICE_METRIC = 'share_price';

interface MetricWords {
  id: string;
  re: RegExp;
}

// More specific wordings come first: "cloud revenue" before "revenue", "operating profit" before "profit".
const METRIC_WORDS: MetricWords[] = [
  { id: 'aws_capex', re: /\bAWS\s+(?:capex|capital\s+expenditures?|capital\s+spending)\b/gi },
  {
    id: 'cloud_revenue',
    re: /\b(?:cloud\s+(?:computing\s+)?(?:revenues?|sales)|(?:AWS|Azure|Google\s+Cloud|Alibaba\s+Cloud|Cloud\s+Intelligence(?:\s+Group)?|Intelligent\s+Cloud|Microsoft\s+Cloud)(?:['’]s)?\s+(?:net\s+)?(?:revenues?|sales)|cloud\s+(?:unit|division|business|segment)(?:['’]s)?\s+(?:revenues?|sales))\b/gi,
  },
  { id: 'capex_incl_finance_leases', re: /\b(?:capex|capital\s+expenditures?)\s+(?:including|incl\.?)\s+finance\s+leases\b/gi },
  { id: 'free_cash_flow', re: /\bfree\s+cash\s+flows?\b/gi },
  { id: 'operating_cash_flow', re: /\b(?:operating\s+cash\s+flows?|cash\s+(?:flows?\s+)?from\s+operations|cash\s+(?:provided\s+by|from)\s+operating\s+activities|operating\s+cash)\b/gi },
  { id: 'operating_income', re: /\b(?:operating\s+(?:income|profits?)|income\s+from\s+operations)\b/gi },
  { id: 'net_income_attributable', re: /\bnet\s+income\s+attributable\b/gi },
  { id: 'net_income', re: /\b(?:net\s+(?:income|profits?|earnings)|profits?|bottom[- ]line)\b/gi },
  { id: 'revenue', re: /\b(?:revenues?|net\s+sales|sales|turnover|top[- ]line)\b/gi },
  {
    id: 'capex',
    re: /\b(?:capital\s+expenditures?|capital\s+spending|capital\s+investments?|capex|cap-ex|purchases\s+of\s+property(?:,)?\s+(?:plant\s+)?and\s+equipment|(?:AI|infrastructure|data[- ]cent(?:er|re))\s+spending|spend(?:ing|s)?\s+on\s+(?:AI|artificial\s+intelligence|data\s+cent(?:er|re)s|infrastructure|cloud)|spen[dt]|spending|invest(?:ed|ing|ment)?\s+in\s+(?:data\s+cent(?:er|re)s|AI\s+infrastructure|infrastructure))\b/gi,
  },
  { id: COMMITMENT_METRIC, re: /\b(?:commitments?|pledged?|pledges|committed|commit|investment\s+plan|(?:plans?|planning|pledged|promised|vowed|will|to)\s+invest)\b/gi },
  { id: 'market_share', re: /\bmarket\s+shares?\b/gi },
  { id: SHARE_PRICE_METRIC, re: /\b(?:stock(?:\s+price)?s?|shares?(?:\s+prices?)?|share\s+price|ADRs?|ADSs?|market\s+(?:value|capitali[sz]ation|cap))\b/gi },
];

export interface MetricMention extends Span {
  id: string;
}

/** Metric words in `masked` between `from` and `to`; where two overlap the earlier-listed (more specific) wins. */
export function extractMetricMentions(masked: string, from: number, to: number): MetricMention[] {
  const text = masked.slice(from, to);
  const out: MetricMention[] = [];
  for (const w of METRIC_WORDS) {
    for (const m of text.matchAll(w.re)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ start, end, text: m[0], id: w.id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The metric of a figure: the nearest metric words in its clause, else in its sentence.
 * Words before the figure count a little more than words after it ("revenue of $5 billion"
 * is more common than "$5 billion of revenue" when a sentence holds both kinds of words).
 */
export function metricForQuantity(mentions: MetricMention[], q: Quantity, clause: Span, sentence: Span): MetricRef | null {
  const distance = (m: MetricMention) => (m.start >= q.end ? (m.start - q.end) * 1.5 : q.start - m.end);
  for (const scope of [clause, sentence]) {
    const inScope = mentions.filter((m) => m.start >= scope.start && m.end <= scope.end);
    // A share price figure is always a percentage; "shares" near a money figure is something else.
    const usable = inScope.filter((m) => q.kind === 'percent' || m.id !== SHARE_PRICE_METRIC);
    const best = usable.sort((a, b) => distance(a) - distance(b))[0];
    if (best) return { id: best.id, words: best.text };
  }
  return null;
}
