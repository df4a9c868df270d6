// Which metric a figure measures, read from the words near it: "revenue", "capital
// expenditures", "spend on AI and cloud", "AWS sales", "operating cash flow", "commitment"... and
// the definition the words state for it ("including finance leases", "net of proceeds", "free cash
// flow, defined as operating cash flow less capex and finance-lease principal"). Ids are airace
// metrics, plus the checker's own for what airace does not hold as a series (commitments, share
// prices, AI models, segment profit, backlogs).
import type { MetricDefinition, Quantity, Span } from './claim.js';
import { SEGMENT_NAMES } from '../series/segments.js';

/** Alibaba's announced investment pledge (bundled facts, basis commitment). */
export const COMMITMENT_METRIC = 'ai_infrastructure_commitment';
/** Money raised for AI infrastructure by selling shares ("a share placement of HK$80 billion"): financing, not a pledge to spend. */
export const PLACEMENT_METRIC = 'ai_infrastructure_placement';
/** What each commitment-basis metric is called in a verdict. */
export const COMMITMENT_NAMES: Record<string, { what: string; label: string }> = {
  [COMMITMENT_METRIC]: { what: 'pledge', label: 'AI and cloud infrastructure commitment' },
  [PLACEMENT_METRIC]: { what: 'placement', label: 'share placement for AI infrastructure' },
};
/** Share prices: no price series yet (verify-price.ts is the seam for one). */
export const SHARE_PRICE_METRIC = 'share_price';
/** AI model figures: checked against Epoch AI's table when loaded (verify-model.ts). */
export const MODEL_METRICS = ['model_parameters', 'model_training_compute', 'model_training_cost', 'model_training_tokens'] as const;
/** Metrics a figure can be about that airace holds nowhere, with why. */
export const UNHELD_METRICS: Record<string, string> = {
  segment_operating_income: 'segment operating income is not a series airace holds',
  forecast_other: 'a forecast or estimate of a metric airace holds no plans for (only capex guidance is on record)',
  segment_other: 'a segment’s figure for this metric is not a series airace holds (only its sales, and AWS’s capex)',
  backlog: 'contracted backlog (remaining performance obligations) is not a series airace holds',
  market_share: 'market share is not a series airace holds',
  investment: 'an investment in another company is not a series airace holds',
  run_rate: 'an annualised run-rate (a quarter’s figure times four, or a month’s times twelve) is a projection, not a reported figure',
  difference: 'a difference between two figures (an overshoot, a rise by an amount) is not checked: check the figures themselves',
};

interface MetricWords {
  id: string;
  re: RegExp;
}

const SEG = SEGMENT_NAMES.slice()
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/ /g, '\\s+'))
  .join('|');
const REV = String.raw`(?:net\s+)?(?:revenues?|sales)`;

// More specific wordings come first: "cloud revenue" before "revenue", "operating profit" before "profit".
const METRIC_WORDS: MetricWords[] = [
  { id: 'run_rate', re: /\b(?:annual(?:i[sz]ed)?\s+(?:revenue\s+)?)?run[- ]rates?\b|\bannuali[sz]ed\b/gi },
  // "AWS capex", "AWS's own segment capex", "AWS's 2025 capex".
  { id: 'aws_capex', re: /\bAWS(?:['’]s)?\s+(?:(?:own|segment|annual|quarterly|full-year|(?:fiscal\s+|calendar\s+)?20\d\d)\s+){0,3}(?:capex|capital\s+expenditures?|capital\s+spending)\b/gi },
  { id: 'segment_operating_income', re: new RegExp(String.raw`\b(?:${SEG})(?:['’]s)?\s+(?:segment\s+)?operating\s+(?:income|profits?|margins?)\b`, 'gi') },
  {
    id: 'cloud_revenue',
    re: new RegExp(
      String.raw`\b(?:cloud\s+(?:computing\s+)?${REV}|(?:${SEG})(?:['’]s)?\s+(?:segment\s+)?${REV}|${REV}\s+(?:of|at|from)\s+(?:the\s+)?(?:${SEG})|cloud\s+(?:unit|division|business|segment|arm)(?:['’]s)?(?:\s+${REV})?)\b`,
      'gi',
    ),
  },
  { id: 'capex_incl_finance_leases', re: /\b(?:capex|capital\s+expenditures?|capital\s+spending)\s*,?\s+(?:including|incl\.?)\s+(?:principal\s+payments\s+on\s+)?finance[- ]leases\b/gi },
  { id: 'finance_lease_principal', re: /\b(?:(?:finance[- ])?lease\s+principal(?:\s+(?:payments|repayments))?|finance[- ]lease\s+repayments|principal\s+(?:payments|repayments)\s+(?:of|on)\s+finance[- ]leases|paid\s+down\s+on\s+(?:leased|finance[- ]leased?)|repaid\s+on\s+finance[- ]leases)\b/gi },
  { id: 'free_cash_flow', re: /\b(?:free\s+cash\s+flows?|FCF|(?:subtracting|deducting)\s+(?:only\s+)?(?:capex|capital\s+(?:expenditures?|spending))\s+from\s+operating\s+cash\s+flow)\b/gi },
  { id: 'operating_cash_flow', re: /\b(?:operating\s+cash\s+flows?|OCF|cash\s+(?:flows?\s+)?from\s+operations|cash\s+(?:provided\s+by|from)\s+operating\s+activities|operating\s+cash)\b/gi },
  { id: 'operating_income', re: /\b(?:operating\s+(?:income|profits?)|income\s+from\s+operations|from\s+operations|op\.?\s+inc(?:ome)?)\b/gi },
  { id: 'net_income_attributable', re: /\b(?:net\s+income\s+attributable|attributable\s+to\s+(?:ordinary\s+)?shareholders)\b/gi },
  { id: 'net_income', re: /\b(?:net\s+(?:income|profits?|earnings)|profits?|bottom[- ]line)\b/gi },
  { id: 'backlog', re: /\b(?:backlog|remaining\s+performance\s+obligations)\b/gi },
  { id: 'capex_intensity', re: /\b(?:capex\s+intensity|capital\s+intensity|(?:as\s+a\s+(?:share|percentage|proportion)|per\s+cent)\s+of\s+(?:its\s+|their\s+)?(?:revenues?|sales))\b/gi },
  { id: 'revenue', re: /\b(?:revenues?|net\s+sales|sales|turnover|top[- ]line|rev(?=\.?\s+(?:[$¥€£]|RMB|US\$|\d)))\b/gi },
  { id: 'model_training_cost', re: /\b(?:training\s+(?:run|cost)s?|to\s+train|cost\s+to\s+train|trained\s+for)\b/gi },
  {
    id: 'capex',
    re: /\b(?:capital\s+expenditures?|capital\s+spending|capital\s+investments?|capital\s+projects|capex|cap-ex|purchases\s+of\s+property(?:,)?\s+(?:plant\s+)?and\s+equipment|property\s+and\s+equipment|(?:AI|infrastructure|data[- ]cent(?:er|re))\s+spending|spend(?:ing|s)?\s+on\s+(?:AI|artificial\s+intelligence|data\s+cent(?:er|re)s|infrastructure|cloud)|outlays?|spen[dt]|spends|spending|put\s+down|invest(?:ed|ing|ment)?\s+in\s+(?:data\s+cent(?:er|re)s|AI\s+infrastructure|infrastructure))\b/gi,
  },
  { id: PLACEMENT_METRIC, re: /\b(?:(?:new[- ])?share\s+(?:placement|sale|offering|issue)|placements?\s+of\s+(?:new\s+)?shares|(?:equity|stock)\s+(?:placement|offering|raise)|placement|(?:placing|selling|issuing)\s+(?:[\d.,]+\s+(?:million|billion|bn|m)\s+)?(?:new\s+)?shares|sale\s+of\s+(?:[\d.,]+\s+(?:million|billion|bn|m)\s+)?(?:new\s+)?shares)\b/gi },
  { id: COMMITMENT_METRIC, re: /\b(?:earmark(?:ed|s)?(?=[^.;]{0,40}\bfor\s+(?:AI|artificial\s+intelligence|cloud|infrastructure|data\s+cent))|commitments?|pledge[ds]?|committed|commit|investment\s+(?:plan|program(?:me)?)|(?:multi|two|three|four|five|six|seven|ten|\d+)[- ]year\s+(?:(?:AI|cloud|capex|capital|spending|investment|infrastructure)\s+){0,2}(?:plan|pledge|program(?:me)?|commitment))\b/gi },
  // A plan's own words, when no metric is named: the bundled guidance is capex guidance.
  { id: 'capex', re: /\b(?:(?:capex|spending|capital)\s+)?(?:outlook|guidance|guides?|guid(?:ing|ed)(?=\s+(?:(?:to|for|at)\b|[$¥€£]|US\$|RMB|\d))|forecast|budget|spending\s+plan|plan(?=\s+(?:(?:of|for)\b|to\s+(?:about\s+|roughly\s+)?(?:[$¥€£]|US\$|RMB|\d)))|target(?=\s+(?:(?:of|for)\s+(?:about\s+|roughly\s+|around\s+)?(?:[$¥€£]|US\$|RMB|\d))))\b/gi },
  { id: 'market_share', re: /\bmarket\s+shares?\b/gi },
  { id: SHARE_PRICE_METRIC, re: /\b(?:stock(?:\s+price)?s?|shares?(?:\s+prices?)?|share\s+price|ADRs?|ADSs?|market\s+(?:value|capitali[sz]ation|cap))\b/gi },
];

export interface MetricMention extends Span {
  id: string;
}

/** Metric words in `masked` between `from` and `to`; where two overlap the earlier-listed (more specific) wins. */
export function extractMetricMentions(masked: string, from: number, to: number): MetricMention[] {
  const text = masked.slice(from, to);
  const taken = new Uint8Array(text.length);
  const out: MetricMention[] = [];
  for (const w of METRIC_WORDS) {
    for (const m of text.matchAll(w.re)) {
      const s = m.index;
      const e = s + m[0].length;
      let free = true;
      for (let i = s; i < e && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, s, e);
      out.push({ start: from + s, end: from + e, text: m[0], id: w.id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The metric words for a figure: the nearest in its clause, else the nearest before it in its
 * sentence. Words before the figure count a little more than words after it ("revenue of $5
 * billion" is more common than "$5 billion of revenue"). Words in a later clause belong to that
 * clause's figures and never leak back.
 */
export function metricForQuantity(mentions: MetricMention[], q: Quantity, clause: Span, sentence: Span, laterClauseHasFigure: (m: MetricMention) => boolean): MetricMention | null {
  const distance = (m: MetricMention) => (m.start >= q.end ? (m.start - q.end) * 1.5 : q.start - m.end);
  const usable = (m: MetricMention) => (q.kind === 'percent' || q.kind === 'multiple' || m.id !== SHARE_PRICE_METRIC) && !(q.kind === 'money' && m.id === 'capex_intensity');
  const inClause = mentions.filter((m) => m.start >= clause.start && m.end <= clause.end && usable(m));
  const best = inClause.sort((a, b) => distance(a) - distance(b))[0];
  if (best) return best;
  const before = mentions.filter((m) => m.start >= sentence.start && m.end <= q.start && usable(m)).sort((a, b) => b.end - a.end)[0];
  if (before) return before;
  const after = mentions.filter((m) => m.start >= q.end && m.end <= sentence.end && usable(m) && !laterClauseHasFigure(m)).sort((a, b) => a.start - b.start)[0];
  return after ?? null;
}

const INCL_LEASES = /\b(?:including|incl\.?|counting|plus|with)\s+(?:assets\s+acquired\s+under\s+|principal\s+payments\s+on\s+|equipment\s+)?finance[- ]leases?\b|\bfinance[- ]leases?\s+(?:(?:are|is)\s+)?(?:included|added|counted|in)\b|\badd(?:ing)?\s+(?:in\s+)?finance[- ]leases?\b|\b(?:count(?:ing)?|includ(?:e|es|ing)|add(?:s|ing)?)\s+(?:in\s+)?(?:[\w-]+\s+){0,4}?(?:under|on|via|through)\s+finance[- ]leases?\b/i;
const EXCL_LEASES = /\b(?:excluding|excl\.?|without|before)\s+finance[- ]leases?\b/i;
const NET_OF_PROCEEDS = /\bnet\s+of\s+proceeds\b/i;
/** "cash capex": cash paid for property and equipment, so no finance leases (gross, or net of proceeds where a company reports that). */
const CASH_CAPEX = /\bcash\s+(?:capex|capital\s+(?:expenditures?|spending))\b/i;
const PURCHASES = /\bpurchases\s+of\s+property\b|\bon\s+property\s+and\s+equipment\b|\bgross\s+purchases\b/i;
const FCF_LESS_LEASES = /\b(?:less|minus|after)\b[^.;]{0,120}\bfinance[- ]lease/i;
const OCF_LESS_CAPEX = /\boperating\s+cash\s+flow\s+(?:less|minus)\s+(?:capex|capital\s+(?:expenditures?|spending))\b|\bsubtracting\s+only\s+capex\b|\b(?:subtract|deduct)(?:ing|s|ed)?\s+(?:the\s+)?(?:capex|capital\s+(?:expenditures?|spending))\s+from\s+(?:the\s+)?operating\s+cash\s+flow\b/i;

/** The definition the words around a figure state for its metric, if any. */
export function definitionIn(metric: string, words: string): MetricDefinition | null {
  if (metric === 'free_cash_flow') {
    if (/\bfree\s+cash\s+flow|\bFCF\b|\bdefined\b/i.test(words) && FCF_LESS_LEASES.test(words)) return 'fcf-less-finance-leases';
    if (OCF_LESS_CAPEX.test(words)) return 'ocf-less-capex';
    return null;
  }
  if (metric === 'capex' || metric === 'capex_incl_finance_leases' || metric === 'aws_capex') {
    if (EXCL_LEASES.test(words)) return 'excl-finance-leases';
    if (INCL_LEASES.test(words)) return 'incl-finance-leases';
    if (NET_OF_PROCEEDS.test(words)) return 'net-of-proceeds';
    if (PURCHASES.test(words)) return 'purchases';
    if (CASH_CAPEX.test(words)) return 'excl-finance-leases';
  }
  return null;
}
