// Reads an article into claims: every money figure, percentage, multiple and model figure with
// what it is about (subject, metric with any definition the words state, period, basis) and how
// each was found (stated where the figure is, carried from sentence N, from the article's date);
// hedges, negations and attributions; currency conversions written as "280.2 billion yuan
// (US$38.4 billion)"; and the charts the text describes. Linear in the text: each sentence is
// read once (sentences are bounded in length), with the subject, metric and period carried forward
// from the sentences before; lookups inside a sentence use sorted offsets.
import type { Company } from '../model/company.js';
import type { ArticleDate, Claim, ChartMention, ClaimKind, ClaimPeriod, MetricRef, ModelRef, PeriodRef, Quantity, Span, SubjectRef } from './claim.js';
import { maskMarkup } from './mask-markup.js';
import { splitSentences, type Sentence } from './split-sentences.js';
import { splitClauses } from './split-clauses.js';
import { extractMoney, reportingCurrency } from './extract-money.js';
import { extractPercent } from './extract-percent.js';
import { extractCounts } from './extract-counts.js';
import { CALENDAR_READING, FISCAL_READING, extractMonths, extractPeriods, type PeriodMention } from './extract-period.js';
import { resolveMention, shiftYear } from './resolve-relative.js';
import { cardinal } from './number-words.js';
import { SubjectMatcher, type CompanyMention } from './extract-subjects.js';
import { FX_METRIC } from '../series/fx-table.js';
import { COMMITMENT_METRIC, PLACEMENT_METRIC, definitionIn, extractMetricMentions, metricForQuantity, type MetricMention } from './extract-metric.js';
import { segmentNamed } from '../series/segments.js';
import { basisFor, statedWhenOf, statesPlan } from './extract-basis.js';
import { attributedPrediction, attributionFor } from './extract-attribution.js';
import { negationBefore } from './extract-hedges.js';
import { findArticleDate } from './article-date.js';
import { chartMentionIn } from './chart-from-words.js';
import type { CatalogModel } from '../model/model-series.js';
import { datesARelease, datesIn, modelFor, modelNamesIn, modelQuantityOf } from './extract-model-claims.js';
import { findTables } from './extract-table.js';
import { tableRowClaims } from './table-claims.js';

export interface Extraction {
  articleDate: ArticleDate | null;
  claims: Claim[];
  charts: ChartMention[];
  /** Where reading stopped because the article holds more than MAX_CLAIMS figures (an offset), or null. */
  uncheckedFrom: number | null;
}

export interface ExtractOptions {
  /** Article date (YYYY-MM-DD) to use when the article states none. */
  date?: string;
  /** Epoch AI's models, when loaded: their names are what model claims are about. */
  models?: readonly CatalogModel[];
}

/** How many period mentions back a relative one looks for the period it refers to. */
const REFERENCE_LOOK_BACK = 6;

/** Most figures one article is checked for: beyond it the work per request would be unbounded. */
export const MAX_CLAIMS = 1500;

/** "doubled over five quarters", "up 80% in three quarters": how many quarters back a change is measured from. */
const QUARTERS_GAP = /^\s*,?\s*(?:over|in|across|within)\s+(?:the\s+(?:last|past)\s+)?(two|three|four|five|six|seven|eight|[2-8])\s+quarters\b/i;
const CHANGE_GAP = /^\s*(?:in|over|across)\s+(?:the\s+)?(?:twelve|12)\s+months\s*$/i;

/** Two figures in different currencies, the second in parentheses right after the first. */
function conversionPairs(masked: string, money: Quantity[]): Array<[Quantity, Quantity]> {
  const pairs: Array<[Quantity, Quantity]> = [];
  for (let i = 0; i + 1 < money.length; i++) {
    const a = money[i]!;
    const b = money[i + 1]!;
    if (a.unit === b.unit) continue;
    const between = masked.slice(a.end, b.start);
    const after = masked.slice(b.end, b.end + 3);
    // "RMB 39.8 billion in the September quarter (roughly $4.6 billion)": a short period phrase may stand between.
    if (between.length < 64 && /^\s*(?:(?:in|for|during|over)\s+[A-Za-z][\w\s,.'’-]{0,40}?)?\(\s*(?:about|around|approximately|roughly|or|some|~|≈|US)?\s*$/i.test(between) && /^\s*\)/.test(after)) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * "Free cash flow, measured as operating cash flow minus capital spending, shrank to $7.7 billion": the
 * metric words nearest the figure define free cash flow; they are not the figure's metric.
 */
function definedFreeCashFlow(masked: string, metrics: MetricMention[], q: Quantity, sentence: Span, figures: Quantity[]): MetricMention | null {
  const before = metrics.filter((m) => m.start >= sentence.start && m.end <= q.start);
  const fcf = before.filter((m) => m.id === 'free_cash_flow').pop();
  if (!fcf || figures.some((f) => f.start >= fcf.end && f.end <= q.start)) return null;
  const after = before.filter((m) => m.start > fcf.end);
  // ("Amazon's free cash flow in the June quarter, when operating cash flow of $33.1 billion …": no definition, its own metric.)
  if (after.length && !DEFINING.test(masked.slice(fcf.end, after[after.length - 1]!.end))) return null;
  return after.every((m) => ['operating_cash_flow', 'capex', 'finance_lease_principal', 'capex_incl_finance_leases'].includes(m.id)) ? fcf : null;
}

/** A segment's name that overlaps the start of metric words ("Intelligent Cloud" under "Cloud segment"). */
function segmentOverlapping(masked: string, mention: Span, from: number): string | null {
  const start = Math.max(from, mention.start - 32);
  const text = masked.slice(start, mention.end);
  const found = [...text.matchAll(new RegExp(SEGMENT_IN.source, 'gi'))].filter((m) => start + m.index < mention.start && start + m.index + m[0].length > mention.start);
  return found.pop()?.[0] ?? null;
}

/** Words that make metric names after "free cash flow" its definition: "measured as", "(operating cash flow minus capex)". */
const DEFINING = /\b(?:defined|measured|calculated|computed|meaning|i\.e\.|that\s+is|minus|less|net\s+of|after\s+(?:subtracting|deducting)|subtract\w*|deduct\w*)\b|[(:=—–]/i;

/** The span in `spans` (sorted, not overlapping) that holds `offset`, by binary search. */
function spanAt<T extends { start: number; end: number }>(spans: T[], offset: number): T | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Verbs that state a plan and lead to its figure ("it now sees capital expenditure … of about $175 billion"). */
const PLAN_LEAD = /\b(?:now\s+sees|sees|expects?|expected\s+to|expecting|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|guid(?:ed|es|ing)\s+(?:to|for)|(?:forecasts?|forecasted|projects|projected)\s+(?:to\s+spend|spending|capex|capital\s+(?:expenditures?|spending))|(?:is|are)\s+talking\s+about|budgeted|guides?\s+as\s+follows|(?:raised|lifted|increased|cut|lowered|narrowed|trimmed|reaffirmed|reiterated|maintained|kept|held|set|issued|updated|tightened)\s+(?:the\s+(?:bottom|top|low|high|lower|upper|midpoint)(?:\s+end)?\s+of\s+)?(?:its|the|their)\s+(?:[\w-]+\s+){0,2}(?:range|outlook|guidance|forecast|budget))\b/i;
/** Adverbs that name the previous quarter as the base of a change without a base marker. */
const SEQUENTIAL = /^(?:sequentially|quarter[- ](?:on|over)[- ]quarter|QoQ|q\/q)$/i;
/** Words that make the period after them the base of a change: "up 63% from 2023", "13% more than in the third quarter", "up from $228 billion in 2024". */
const BASE_MARKER = /\b(?:from|than|compared?(?:\s+(?:with|to))?|versus|vs\.?|against|over|above|below|times|(?:doubl|tripl|quadrupl)(?:e|ed|es|ing)\s+(?:the|its|their|what)|(?:twice|half)\s+(?:the|its|their|what))\b(?:[^.;%]|\.(?=\d)){0,48}$/i;
/** Periods "over" spans rather than compares with: "over the four quarters to September", "over the first half". */
const SPANNED_KINDS = new Set(['ttm', 'half', 'fiscal-half', 'window', 'range', 'span', 'ytd']);
/** What a period after "on" starts with when it is the base of a change. */
const BASE_AFTER_ON = /^(?:the\s+)?(?:same|year[- ]earlier|year\s+(?:before|ago)|prior|previous|a\s+year|last\s+year|(?:19|20)\d{2}\b|(?:the\s+)?(?:June|March|September|December|first|second|third|fourth)\b)/i;
/** "accounted for 35% of the group's spending", "of the four's capex": a share of the group. */
const SHARE_OF_GROUP = /^\s*(?:of\s+)?(?:the\s+)?(?:group|four|big\s+four|hyperscalers|total|combined|their\s+combined|all)\b|^\s*of\s+(?:the\s+)?(?!(?:company|firm|group)['’]s\b)(?:\w+['’]s?\s+)?(?:combined\s+|total\s+)?(?:spending|capex|capital\s+expenditures?|outlays?)\b/i;
/** "35% of its revenue", "of revenue", "of sales". */
/** "the segment's own capex", "the unit's capital spending": a segment named before, by its role. */
const SEGMENT_OWN = /\b(?:segment|unit|division|business)['’]s\s+(?:own\s+)?(?:capex|capital\s+(?:expenditures?|spending))\b(?:[^.;]|\.(?=\d))*$/i;
/** Segments whose own capex is a series airace holds. */
const SEGMENT_CAPEX: Record<string, string> = { AMZN: 'aws_capex' };
/** Metric words in a heading that do not make its section about a metric ("Backlog and market share" is not a series). */
const UNHELD_IN_HEADING = new Set(['difference', 'forecast_other', 'share_price', 'market_share', 'model_training_cost', 'run_rate']);
/** Right after a percentage: the move it measures ("jump", "year-on-year rise", "higher than"). */
const MOVE_AFTER = /^\s*(?::\s*)?(?:(?:its|their|the|a|an)\s+)?(?:(?:year[- ](?:on|over)[- ]year|y\/y|yoy|annual|quarterly|sequential|quarter[- ](?:on|over)[- ]quarter|q\/q)\s+)?(rise|increase|growth|jump|gain|climb|surge|decline|drop|fall|decrease|dip|slide|(?:higher|lower|more|less)(?=\s+than\b))\b/i;
/** Words of a move, before the figure it ends at ("rose 20% to …"). */
const MOVE_WORDS = /\b(?:rose|grew|gained|increased|climbed|jumped|surged|soared|fell|dropped|declined|slipped|slid|decreased|shrank|rising|growing|falling|up|down)\b/i;
/** Words before a figure that say the text is correcting it. */
const CORRECTED = /\b(?:an?\s+|the\s+)?(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+(?:article|story|report|post|piece|column|newsletter)|\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:said|stated|reported|gave|put|described)|\bmisstated\b|\bmisreported\b/i;
/** A sentence that goes on listing what the corrected version said ("It also put …", "It also gave …"). */
const CORRECTED_MORE = /^\s*(?:it|the\s+(?:article|story|report|earlier\s+version))\s+also\s+(?:put|gave|said|stated|reported|described|called|listed)\b/i;
/** Right after an amount: the time it is a rate over ("$1 billion a day", "… dollars per quarter"). */
const PER_TIME = /^\s*(?:a|an|per|each|every)\s+(day|week|month|quarter)\b/i;
/** Between a period and a figure that refers back to it: "fiscal 2023, when the bill was …". */
const WHEN_BACK = /^\s*[,)]?\s*when\s+[^\d$¥€£.;,]{0,40}$/i;
/** Between two figures of one change ("69% from a year ago and of 23% …"): a base and an "and", no new verb. */
const SHARED_DIRECTION = /^[^;.\d%]{0,60}\band\s+(?:of\s+|by\s+)?(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+)?$/i;
/** The base of a change right after a percentage ("23% from the quarter before", "… on a year earlier"). */
const CHANGE_BASE_AFTER = /^\s*(?:from|on|over|versus|vs\.?|against|compared\s+with)\s+(?:a\s+year|the\s+(?:quarter|year|prior|previous|preceding|same|first|second|third|fourth)|last\s+(?:year|quarter)|\d{4})/i;
const SHARE_OF_REVENUE = /^\s*(?:of\s+)?(?:(?:every|each)\s+(?:dollar|yuan|renminbi)\s+(?:of|in)\s+)?(?:its\s+|the\s+company['’]s\s+|(?:that|this|the)\s+(?:quarter|year|period)['’]s\s+|the\s+)?(?:(?:fiscal\s+|calendar\s+)?(?:19|20)\d{2}\s+)?(?:quarterly\s+|annual\s+|total\s+)?(?:net\s+)?(?:revenues?|sales)\b/i;
/**
 * "165% of cash from operations", "96% of their combined operating cash flow", "35% of their combined revenue": a share
 * of another metric of the same subject and period. (A single company's capex over its revenue stays SHARE_OF_REVENUE's.)
 */
const SHARE_OF_METRIC = /^\s*of\s+(?:its\s+|their\s+|the\s+company['’]s\s+|the\s+(?:four|group)['’]s\s+|the\s+)?(?:(?:combined|total|aggregate)\s+)?(?:(?:fiscal\s+|calendar\s+)?(?:19|20)\d{2}\s+|quarterly\s+|annual\s+)?(?<m>(?:net\s+)?revenues?|(?:net\s+)?sales|operating\s+cash\s+flows?|cash\s+(?:flows?\s+)?from\s+operations|operating\s+cash|net\s+income|operating\s+(?:income|profit))\b/i;
/** "as a share of operating cash flow it dropped from about 72% to about 37%": the share named before the figures. */
const SHARE_OF_METRIC_BEFORE = /\bas\s+a\s+(?:share|percentage|proportion|fraction)\s+of\s+(?:its\s+|their\s+|the\s+company['’]s\s+)?(?:(?:combined|total)\s+)?(?<m>(?:net\s+)?revenues?|(?:net\s+)?sales|operating\s+cash\s+flows?|cash\s+(?:flows?\s+)?from\s+operations|net\s+income|operating\s+(?:income|profit))\b(?=(?:[^.;]|\.(?=\d))*$)/i;
/** "a margin of 46.8%", "an operating margin of 46.8%", "a 46.8% operating margin": income over revenue. */
const MARGIN_BEFORE = /\b(?<m>operating|net|profit)?\s*margins?\s+(?:of|was|were|at|came\s+to|reached|stood\s+at|is)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$/i;
const MARGIN_AFTER = /^\s*(?<m>operating|net|profit)\s+margins?\b/i;
/** Only a preposition between a figure and the period after it ("$98.6 billion in the third"). */
const RIGHT_AFTER = /^\s*(?:in|for|during|over|at|by)?\s*(?:the\s+|its\s+|their\s+)?$/i;

/** "now expects", "now sees", "now guides": the plan in force. */
const NOW_PLAN = /\bnow\s+(?:expects?|sees|guides?|plans?|forecasts?|projects?|targets?|puts|calls\s+for)\b/i;

/** "… to the dollar", "per US$1", "to US$1.00": the figure before is an exchange rate. */
const FX_RATE_AFTER = /^\s*(?:yuan|renminbi|RMB|CNY)?\s*(?:to|per|=|for)\s+(?:the|one|each|a|every)?\s*(?:US\s*|U\.S\.\s*)?(?:dollar\b|US\$\s?1(?:\.00?)?\b|\$\s?1(?:\.00?)?\b)/i;

/** Metrics a ratio of two can be made of. */
const RATIO_PARTS = new Set(['capex', 'capex_incl_finance_leases', 'free_cash_flow', 'operating_cash_flow', 'net_income', 'operating_income', 'revenue', 'cloud_revenue', 'finance_lease_principal']);
/** The metric a phrase of SHARE_OF_METRIC or a margin names. */
function ratioBaseMetric(words: string): string {
  const w = words.toLowerCase();
  if (/revenue|sales/.test(w)) return 'revenue';
  if (/cash/.test(w)) return 'operating_cash_flow';
  if (/net\s+income/.test(w)) return 'net_income';
  return 'operating_income';
}
/** "plans to invest ... over three years": a pledge. */
/** Periods that carry to the next sentence: one period, not a range or a span. */
const SINGLE_PERIODS = new Set(['quarter', 'fiscal-quarter', 'fy', 'cy', 'year', 'half', 'fiscal-half', 'ttm', 'window']);
/** Verbs that report a result, not a plan. */
const RESULT_VERBS = /\b(?:spent|spends|reported|posted|was|were|came\s+to|came\s+in|reached|totalled|totaled|booked|earned|generated|put\s+down|paid|invested|showed|landed|ended\s+(?:up|at)|finished)\b/i;
/** Words that say the figure is about a later period than the one before: the period is not carried. */
const LATER = /\b(?:later|subsequently|afterwards|since then|thereafter)\b/i;
/** A segment name inside metric words ("AWS sales", "Revenue of Cloud Intelligence Group"). */
const SEGMENT_IN = /\b(?:AWS|Amazon\s+Web\s+Services|Google\s+Cloud|Intelligent\s+Cloud|Microsoft\s+Cloud|Azure|Cloud\s+Intelligence(?:\s+Group)?|Alibaba\s+Cloud|AI\s+Cloud\s+and\s+Compute\s+Services)\b/i;
/** Between metric words and the figure they introduce: nothing but a hedge ("spent a little over $91 billion"). */
const LEADS_INTO = /^\s*(?:(?:was|were|is|are|came\s+(?:to|in\s+at)|reached|totall?ed|stood\s+at|hit|(?:rose|fell|grew|climbed|jumped|dropped)\s+to|of|at)\s+)?(?:(?:a\s+little|just|about|roughly|around|nearly|almost|some|over|more\s+than|under|less\s+than|up\s+to|an?\s+(?:estimated|reported))\s+)*$/i;
/** Between two figures when the second is where a change started: "$67bn, down from $71.6bn". */
/**
 * "… and Meta's shrank to $0.8 billion": a possessive with its noun left out, so the noun is the
 * one after the possessive before it ("Alphabet's free cash flow … was …"), not the nearest metric word.
 */
const ELLIPTICAL_POSSESSIVE = /\b[A-Z][\w&.-]*['’]s\s+(?:(?:also|only|in\s+turn)\s+)?(?:shrank|shrunk|fell|dropped|declined|slipped|rose|grew|climbed|jumped|increased|decreased|doubled|was|were|came|reached|hit|stood|totall?ed|amounted|ended)\b[^,;\d$¥€£]{0,40}$/;
const CONVERSION_AFTER = /^\s*[(\[]\s*(?:(?:about|roughly|around|some|nearly|approximately|or|i\.e\.,?)\s+)?$/i;
const SUBORDINATE = /\b(?:as|while|whereas|because|since)\s/i;
const QUALIFYING = /\b(?:including|incl\.?|plus|with|counting|adding)\s+(?:the\s+)?$/i;
const AFTER_POSSESSIVE = /['’]s\s+(?:(?:quarterly|annual|own|total)\s+)?$/;
const FROM_BEFORE = /^\s*(?:(?:in|for|during)\s+(?:the\s+)?[\w\s-]{0,30}?(?:(?:19|20)\d{2}|quarter|year|half)\s*)?,?\s*(?:(?:down|up|rising|falling|compared)\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?(?:about\s+|roughly\s+|around\s+)?$/i;
/** Between a comparison figure and the next one of the same comparison: "against $44.2 billion in the first quarter and $32.2 billion …". */
const AND_NEXT = /^[^\d$¥€£;]{0,60}?(?:,\s*|\s+)(?:and|or)\s+(?:the\s+)?(?:about\s+|roughly\s+)?$/i;
const SPENDING_METRICS = new Set(['capex', 'capex_incl_finance_leases', 'aws_capex']);
/** Verbs of money coming in: a spending metric is not carried onto their figures. */
const EARNING_VERB = /\b(?:earned|earning|made|took\s+in|brought\s+in|booked|netted)\b/i;
/** Words that say a figure is the outcome, not the plan. */
const OUTCOME = /\b(?:eventually|ultimately|in\s+the\s+end|showed|landed\s+at|came\s+in\s+at|(?:ended|finished|closed)\s+(?:the\s+(?:year|quarter)\s+)?(?:up\s+)?at|actually\s+spent|outturn)\b/i;
/** "$31.7 billion of it in the final quarter": a part of the figure before. */
const OF_IT = /^\s+of\s+(?:it|that|this|which|them)\b/i;
/** "negative free cash flow of $2 billion", "free cash flow turned negative, at $2 billion": the words before the figure say the flow is below zero. */
const NEGATIVE_WORDS = /\b(?:negative|outflows?|burn(?:ed|t)?|deficit)\b/i;
const SIGNED_FLOWS = new Set(['free_cash_flow', 'operating_cash_flow']);
/** A money figure that is a difference between two others: "an overshoot of nearly $7 billion", "up by $5 billion". */
const DIFFERENCE_BEFORE = /\b(?:(?:overshoot|shortfall|gap|difference|miss|beat|increase|rise|cut|reduction|boost)\s+of|(?:the\s+)?(?:difference|gap|shortfall)\s+(?:is|was|came\s+to|amounts\s+to)|(?:up|down|higher|lower|raised|cut|lifted|lowered|trimmed|increased|reduced|rose|fell)\s+by|(?:up|down)\s+(?:by\s+)?(?:a\s+further\s+)?)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|almost\s+|more\s+than\s+|another\s+)?$/i;
/** Metrics an article can be about as a whole (its topic), for figures that name none. */
const TOPIC_METRICS = new Set(['capex', 'revenue', 'cloud_revenue', 'operating_income', 'net_income', 'operating_cash_flow', 'free_cash_flow']);
/** A multi-year plan ("would spend RMB 480 billion over three years", "plans to invest ... over three years"): with a span of future years, a pledge. */
const INVEST_PLAN = /\b(?:plans?|planned|planning|pledged|vowed|promised|would|will|to)\s+(?:invest|spend)\b|\binvestment\s+(?:plan|program)/i;

/** Revenue words that mean the whole company's, even beside a segment: "group revenue", "total sales". */
const TOTAL_REVENUE = /\b(?:group|total|overall|consolidated|company[-\s]wide|whole[-\s]company)\s+(?:net\s+)?(?:revenues?|sales)\b/i;
const EVERY_SEGMENT = new RegExp(SEGMENT_IN.source, 'gi');
/** A clause that hangs on the noun before it. */
const RELATIVE_CLAUSE = /^\s*(?:which|that|whose)\b/i;

/** The segment a relative clause hangs on: the last segment named before the clause, if it is the subject's company's. */
function relativeSegment(masked: string, sentenceStart: number, clause: Span, subject: SubjectRef | null) {
  if (!RELATIVE_CLAUSE.test(masked.slice(clause.start, clause.end))) return null;
  let last: string | null = null;
  for (const m of masked.slice(sentenceStart, clause.start).matchAll(EVERY_SEGMENT)) last = m[0];
  const segment = segmentNamed(last);
  return segment && (!subject || subject.tickers.includes(segment.ticker)) ? segment : null;
}

/** A markdown heading or a line that is bold only ("**The slices (calendar 2025).**"), short: a section's title. */
function isHeading(text: string, sentence: Sentence): boolean {
  const from = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const nl = text.indexOf('\n', sentence.end);
  const line = text.slice(from, nl === -1 ? text.length : nl);
  return line.length <= 160 && (/^\s*#{1,6}\s/.test(line) || /^\s*(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$/.test(line));
}

/** A list item that opens with its own bold lead-in ("- **Alphabet.** Revenue was …"): a topic of its own. */
const LIST_ITEM = /^\s*(?:[-+*•]|\d+[.)])\s+(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)/;

/** The list item with a lead-in a sentence is in (`i` and the item's offset), else its paragraph (`p` and its index). */
function unitOf(text: string, sentence: Sentence): string {
  let lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  // An item wrapped over several lines: walk up to its marker (a few lines at most).
  for (let i = 0; i < 12; i++) {
    const end = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end === -1 ? text.length : end);
    if (LIST_ITEM.test(line)) return `i${lineStart}`;
    if (line.trim() === '' || lineStart <= 1) break;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return `p${sentence.paragraph}`;
}

export function extractClaims(text: string, companies: Company[], options: ExtractOptions = {}): Extraction {
  let masked = maskMarkup(text);
  const found = findArticleDate(text, options.date);
  const articleDate: ArticleDate | null = found ?? (options.date ? { date: options.date, from: 'option', words: null, start: null, end: null } : null);
  // The dateline is about the article, not a period of its first claim.
  if (found?.start != null && found.end != null) masked = masked.slice(0, found.start) + ' '.repeat(found.end - found.start) + masked.slice(found.end);
  const date = articleDate?.date ?? null;
  const matcher = new SubjectMatcher(companies);
  const isCompany = (name: string) => matcher.companies.some((c) => c.name === name || c.aliases.includes(name) || c.ticker === name);
  const companyOf = (s: SubjectRef | null) => (s && s.tickers.length === 1 ? (companies.find((c) => c.ticker === s.tickers[0]) ?? null) : null);
  const sentences = splitSentences(masked, text);
  const claims: Claim[] = [];
  const charts: ChartMention[] = [];
  let uncheckedFrom: number | null = null;
  const slice = (s: { start: number; end: number }) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

  // What the text was about so far: carried into sentences that do not say.
  let carried: (SubjectRef & { paragraph: number; sentence: number; sole: boolean }) | null = null;
  let lastMetric: { ref: MetricRef; paragraph: number; sentence: number; basis: Claim['basis'] } | null = null;
  /** `loose`: carried from the paragraph before, so a guess for every figure that carries it on. */
  /**
   * `unit`: the list item the figure is in, else its paragraph (a list's items are one paragraph, but each item is about its own
   * company and period); `listWide`: set by a line that introduces the list, so every item of it goes on with the period.
   */
  let lastPeriod: { ref: PeriodRef; paragraph: number; unit: string; sentence: number; context?: boolean; loose?: boolean; listWide?: boolean; unsure?: string; back?: boolean } | null = null;
  /** The period the last plan was for: a plan that states none is for the same one ("raised its outlook to ..."). */
  let lastPlan: { ref: PeriodRef; sentence: number } | null = null;
  let lastQuarter: PeriodRef | null = null;
  /** The last period the text named itself (not one counted back from another, "a year earlier"): what "the same quarter" refers to. */
  let lastAnchor: PeriodRef | null = null;
  /** The period the current section's heading names ("### Capex in calendar 2025"), until the next heading. */
  let section: { ref: PeriodRef; sentence: number } | null = null;
  let lastHeading = -1;
  /** The metric a sentence without figures named, for the possessive that elides it in the next ("Amazon's fell from …"). */
  let contextMetric: { mention: MetricMention; sentence: number } | null = null;
  /** The last sentence with a figure the text corrects. */
  let correctedSentence = -2;
  /** The metric the current section's heading names ("**Figure 3. Free cash flow …**"), until the next heading. */
  let sectionMetric: { ref: MetricRef; sentence: number; words: string } | null = null;
  /** The last company airace tracks the text was about: what a table that names none is about (a note on an untracked one in a cell does not change it). */
  let lastTracked: (SubjectRef & { sentence: number }) | null = null;
  /** The periods the figures of the current paragraph are for: a paragraph about one period only hands it on to the next. */
  let paragraphPeriods = { unit: '', keys: new Set<string>() };
  const named = new Set<string>();
  let previous: Sentence | null = null;
  /** The model the last model claim was about, carried to the next sentence of its paragraph ("It has 671 billion parameters"). */
  let lastModel: (ModelRef & { paragraph: number; sentence: number }) | null = null;
  const catalog = options.models ?? [];
  // Markdown tables: a cell's company, metric and period come from its row, its column and the caption.
  const tableRows = findTables(text).flatMap((table) => table.rows.map((row) => ({ table, row })));
  let nextRow = 0;
  /** How often the article named each metric so far, with the first words that named it: its topic, for figures that name none. */
  const metricCounts = new Map<string, { count: number; ref: MetricRef }>();
  const topicMetric = (): MetricRef | null => {
    let best: { count: number; ref: MetricRef } | null = null;
    for (const v of metricCounts.values()) if (!best || v.count > best.count) best = v;
    return best?.ref ?? null;
  };

  sentences.forEach((sentence, index) => {
    const unit = unitOf(text, sentence);
    // Past the limit nothing more is read: the work per request stays bounded.
    if (uncheckedFrom !== null) return;
    const number = index + 1;
    const clauses = splitClauses(masked, sentence);
    const clauseOf = (offset: number) => spanAt(clauses, offset) ?? sentence;
    const mentions = matcher.find(masked, sentence.start, sentence.end);
    const metrics = extractMetricMentions(masked, sentence.start, sentence.end);
    for (const m of metrics) {
      if (!TOPIC_METRICS.has(m.id)) continue;
      const seen = metricCounts.get(m.id);
      if (seen) seen.count++;
      else metricCounts.set(m.id, { count: 1, ref: { id: m.id, words: m.text, definition: null, segment: null, how: 'inferred', firm: false, fromSentence: null } });
    }
    const periods = extractPeriods(masked, sentence.start, sentence.end);
    const months = extractMonths(masked, sentence.start, sentence.end);
    for (const m of mentions) named.add(m.ticker ?? m.text.toLowerCase());

    const chart = chartMentionIn(masked, sentence, mentions, metrics, periods, matcher);
    if (chart) charts.push({ ...chart, text: text.slice(chart.start, chart.end) });

    const money = extractMoney(masked, sentence.start, sentence.end);
    const percents = extractPercent(masked, sentence.start, sentence.end, (o) => clauseOf(o).start).filter((p) => !money.some((m) => p.start < m.end && p.end > m.start));
    const counts = extractCounts(masked, sentence.start, sentence.end).filter((c) => !money.some((m) => c.start < m.end && c.end > m.start));
    const pairs = conversionPairs(masked, money);
    const convertedOnes = new Set(pairs.map(([, b]) => b));
    let quantities = [...money.filter((m) => !convertedOnes.has(m)), ...percents, ...counts].sort((a, b) => a.start - b.start);
    // Table rows in this sentence (rows and sentences are both in text order): their money cells are read by the table's headers.
    while (nextRow < tableRows.length && tableRows[nextRow]!.row.end <= sentence.start) nextRow++;
    for (let r = nextRow; r < tableRows.length && tableRows[r]!.row.start < sentence.end; r++) {
      const { table, row } = tableRows[r]!;
      for (const cell of tableRowClaims({ masked, text, matcher, companies, articleDate: date, carried: lastTracked ? { ...lastTracked, sole: named.size <= 1 } : null }, table, row, sentence.start, sentence.end)) {
        if (claims.length >= MAX_CLAIMS) break;
        claims.push({ id: claims.length + 1, ...cell, sentence: { ...slice(sentence), index: number } });
        quantities = quantities.filter((q) => q.end <= cell.start || q.start >= cell.end);
      }
    }
    const allFigures = [...money, ...percents, ...counts].sort((a, b) => a.start - b.start);
    const first = claims.length;
    let comparedBefore = false;
    let modelNames: ReturnType<typeof modelNamesIn> | null = null;
    const modelNamesHere = () => (modelNames ??= modelNamesIn(masked, sentence, catalog, isCompany));
    const carriedModel = lastModel && lastModel.paragraph === sentence.paragraph && lastModel.sentence >= number - 1 ? lastModel : null;
    const clauseHasFigure = (offset: number) => {
      const c = clauseOf(offset);
      return allFigures.some((f) => f.start >= c.start && f.end <= c.end);
    };

    // A period after a base marker ("from 2023", "than in the third quarter", "up from $228 billion in 2024") is the base of a change.
    const isBase = (p: PeriodMention) => {
      const before = masked.slice(Math.max(sentence.start, p.start - 60), p.start);
      // "up 68% on the same three months of 2025", "up 87% on 2024's": "on" marks a base only before such words.
      // "grew 12% sequentially", "up 8% quarter on quarter": the words name the base, one quarter back.
      if (p.relative === 'quarter-earlier' && SEQUENTIAL.test(p.text)) return true;
      // "from the first to the second quarter of 2026": the period after "to" is where the move ends, not its base.
      if (/\b(?:to|through)\s+(?:the\s+)?$/i.test(before) && periods.some((o) => o !== p && o.end <= p.start && p.start - o.end <= 16 && /^\s*(?:quarter\s+)?(?:to|through)\s+(?:the\s+)?$/i.test(masked.slice(o.end, p.start)))) return false;
      // "Over the last four quarters, ...": a trailing window is a span the figure covers, never the base of a change.
      if (p.relative === 'latest-ttm') return false;
      // "nearly double the year-ago quarter": what a multiple is of.
      if (p.relative === 'year-earlier' && /\b(?:(?:doubl|tripl|quadrupl)(?:e|ed|es|ing)|twice|half)\s*$/i.test(before)) return true;
      const marker = BASE_MARKER.exec(before);
      if (marker) {
        // "From the June 2026 quarter, Alibaba reports …", "Over the four quarters to September …": a marker that opens the
        // sentence starts a time frame, and "over" a window spans it; neither is where a change is measured from.
        const opensSentence = /^[\s"'“‘(*_>#-]*$/.test(masked.slice(sentence.start, Math.max(sentence.start, p.start - 60) + marker.index));
        const spans = /^over$/i.test(marker[0].split(/\s/)[0]!) && SPANNED_KINDS.has(p.kind);
        if (!opensSentence && !spans) return true;
      }
      return /\bon\s+(?:the\s+)?$/i.test(before) && BASE_AFTER_ON.test(p.text);
    };
    const periodIndex = new Map(periods.map((p, i) => [p, i]));
    // Periods resolved in text order: a relative one ("a year earlier") refers to the one before it.
    const resolvedPeriods = new Map<PeriodMention, ClaimPeriod | { error: string }>();
    const resolvePeriodMention = (p: PeriodMention, subject: SubjectRef | null, future: boolean): ClaimPeriod | { error: string } => {
      const cached = resolvedPeriods.get(p);
      if (cached) return cached;
      // The reference is the period named just before in the sentence: a few mentions back at most, so the work per mention is bounded.
      let reference: PeriodRef | null = null;
      const at = periodIndex.get(p)!;
      for (let i = at - 1; i >= Math.max(0, at - REFERENCE_LOOK_BACK); i--) {
        const o = periods[i]!;
        if (o.relative === 'year-earlier' || o.relative === 'quarter-earlier' || o.relative === 'same') continue;
        // "the same quarter of 2025" after "against $44.2 billion in the first quarter": the quarter compared with is not the one meant.
        if ((p.relative === 'same' || p.relative === 'same-in-year') && isBase(o)) continue;
        const r = resolvePeriodMention(o, subject, future);
        if ('ref' in r) {
          reference = r.ref;
          break;
        }
      }
      const quarterish = p.kind === 'quarter' && (p.relative === 'same' || p.relative === 'quarter-earlier');
      reference ??= quarterish ? lastQuarter : (lastAnchor ?? lastPeriod?.ref ?? null);
      const r = resolveMention(p, { reference, articleDate: date, company: companyOf(subject), future });
      // "measured by calendar year, ... in 2024": the words of its clause say how a bare year is meant.
      const clauseWords = masked.slice(clauseOf(p.start).start, clauseOf(p.start).end);
      const reading = CALENDAR_READING.test(clauseWords) ? 'cy' : FISCAL_READING.test(clauseWords) ? 'fy' : null;
      const out: ClaimPeriod | { error: string } =
        'error' in r ? r : { ref: { ...r.ref, resolution: r.resolution, kind: reading && r.ref.kind === 'year' && r.how === 'stated' ? reading : r.ref.kind }, how: r.how === 'carried' ? 'carried' : r.how, firm: r.firm !== false, fromSentence: null, ...(r.firm === false && r.how === 'article-date' && r.resolution ? { guess: `the period is not named (${r.resolution})` } : {}) };
      resolvedPeriods.set(p, out);
      return out;
    };

    for (const q of quantities) {
      if (claims.length >= MAX_CLAIMS) {
        uncheckedFrom ??= q.start;
        continue;
      }
      const clause = clauseOf(q.start);
      const neg = negationBefore(masked.slice(clause.start, q.start));
      const quantity: Quantity = { ...q, negated: neg.negated, shortOf: neg.shortOf, text: text.slice(q.start, q.end) };
      const after = masked.slice(q.end, Math.min(sentence.end, q.end + 60));

      // Subject: named where the figure is, else carried.
      let subject = matcher.subjectFor(masked, q, clause, sentence, mentions, carried);
      if (subject?.carried && carried) {
        const sole = named.size <= 1 || (carried.sole && carried.sentence === number - 1 && carried.paragraph === sentence.paragraph);
        subject = { ...subject, how: 'carried', fromSentence: carried.sentence, firm: sole || carried.sentence === number };
      }
      // "RMB7.1189 to US$1.00": the dollar an exchange rate is quoted against is no amount of its own.
      if (q.kind === 'money' && q.value === 1 && /\b(?:to|per|=|for)\s*$/i.test(masked.slice(Math.max(sentence.start, q.start - 6), q.start)) && /\d\s*(?:yuan|renminbi|RMB|CNY|HK\$|HKD)?\s*(?:to|per|=|for)\s*$/i.test(masked.slice(Math.max(sentence.start, q.start - 14), q.start))) continue;
      // "at the company's rate of about 6.78 yuan to the dollar": an exchange rate, checked against the rate the company translated at.
      const fxRate = q.kind === 'money' && (q.scale ?? 1) === 1 && (FX_RATE_AFTER.test(after) || /\b(?:exchange\s+)?rate\s+of\s+(?:about\s+|roughly\s+|around\s+|nearly\s+)?$/i.test(masked.slice(Math.max(sentence.start, q.start - 30), q.start)));
      // "$1 billion a day": a rate, checked against the period's figure spread over its days.
      const per = q.kind === 'money' ? PER_TIME.exec(after) : null;
      if (per) Object.assign(quantity, { per: per[1]!.toLowerCase(), end: q.end + per[0].length, text: text.slice(q.start, q.end + per[0].length) });
      // Money written without a currency ("capex 46.2B") is in the currency its company reports in.
      if (quantity.unitImplied === 'company') quantity.unit = reportingCurrency(subject?.tickers ?? [], companies) ?? quantity.unit;

      // Metric: named where the figure is, else carried from the sentence before (in the same paragraph).
      const laterClauseHasFigure = (m: MetricMention) => clauseOf(m.start) !== clause && clauseHasFigure(m.start);
      // Metric words that lead straight into a later figure are that figure's ("Amazon made $77.7 billion and spent $131.8 billion").
      const leadsIntoLater = (m: MetricMention) => m.start >= q.end && allFigures.some((f) => f.start >= m.end && f.end <= clause.end && LEADS_INTO.test(masked.slice(m.end, f.start)));
      // Metric words after a later figure of the clause are that figure's ("$0.8 billion after it spent $31 billion on capex").
      // A conversion in brackets right after the figure ("RMB380 billion (about $53 billion)") is the same figure, not a later one.
      // So are metric words after "as", "while", "because" (another event: "fell to RMB 21 billion as the company spent heavily").
      const behindLater = (m: MetricMention) =>
        m.start >= q.end && (allFigures.some((f) => f.start >= q.end && f.end <= m.start && !CONVERSION_AFTER.test(masked.slice(q.end, f.start))) || SUBORDINATE.test(masked.slice(q.end, m.start)));
      // "capex including finance-lease principal": the principal qualifies the metric, it is not the metric.
      // ("…, with finance lease principal of $0.96 billion": words that lead straight into the figure are its metric.)
      const qualifier = (m: MetricMention) => m.id === 'finance_lease_principal' && QUALIFYING.test(masked.slice(Math.max(sentence.start, m.start - 16), m.start))
        && !(m.end <= q.start && /^\s*(?:of|was|were|at|came\s+to|totall?ed|reached)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+)?$/i.test(masked.slice(m.end, q.start)));
      // ("Free cash flow is a different story. Amazon's fell from …": the metric the sentence before names, when this one names none before it.)
      const elliptical = ELLIPTICAL_POSSESSIVE.test(masked.slice(clause.start, q.start))
        ? (metrics.filter((m) => m.end <= clause.start && AFTER_POSSESSIVE.test(masked.slice(Math.max(sentence.start, m.start - 24), m.start))).pop() ??
          (contextMetric && contextMetric.sentence === number - 1 && !metrics.some((m) => m.end <= q.start) ? contextMetric.mention : null))
        : null;
      const picked = elliptical ?? metricForQuantity(metrics.filter((m) => !leadsIntoLater(m) && !behindLater(m) && !qualifier(m)), q, clause, sentence, laterClauseHasFigure);
      // "Its cloud business generated $22.9 billion of revenue": revenue words after the figure are the cloud unit's named before it.
      // (So are revenue words that follow the cloud unit in the clause: "Alibaba's cloud unit had fiscal-2026 revenue of RMB158.1 billion".)
      const cloudBefore = picked?.id === 'revenue' && picked.start >= q.end ? metrics.find((m) => m.id === 'cloud_revenue' && m.start >= clause.start && m.end <= q.start)
        : picked?.id === 'revenue' && !TOTAL_REVENUE.test(masked.slice(Math.max(clause.start, picked.start - 24), picked.end)) ? metrics.find((m) => m.id === 'cloud_revenue' && m.start >= clause.start && m.end <= picked.start && picked.start - m.end <= 40 && /^\s+(?:had|has|reported|posted|booked|generated|brought\s+in|made|earned)\b/i.test(masked.slice(m.end, picked.start)))
        : undefined;
      const fromMention = cloudBefore ?? picked;
      // "free cash flow … of about $67bn, down from $71.6bn": the figure a change starts from measures the same thing.
      const before = claims.length > first ? claims[claims.length - 1]! : null;
      const partOfBefore = OF_IT.test(masked.slice(q.end, q.end + 16));
      // "The segment's own capex was $53.3 billion in 2024 and $16.0 billion in …": metric words the figure before already read are read the same way.
      const sharedMention = !!fromMention && !!before?.quantity && !!before.metric && before.kind !== 'model' && fromMention.end <= before.quantity.start && before.metric.words === fromMention.text && before.metric.id !== fromMention.id;
      // ("revenue of RMB158.1 billion, up 34%": a move right after an amount is the amount's metric moving.)
      // ("$22.9 billion of revenue in fiscal 2026, up 34%": words of the amount's own may stand between, but no other metric.)
      const moveOfBefore = q.kind === 'percent' && before?.kind === 'amount' && !!before.quantity && before.quantity.end <= q.start
        && !allFigures.some((f) => f.start >= before.quantity!.end && f.end <= q.start)
        && /^[^.;!?$¥€£%]{0,60}?,\s*(?:up|down|rising|falling|an?\s+(?:increase|rise|drop|fall)\s+of)\s+(?:by\s+)?(?:about\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$/i.test(masked.slice(before.quantity.end, q.start))
        && !metrics.some((m) => m.start > before.quantity!.end + 16 && m.end <= q.start);
      const sameAsBefore = before?.quantity && before.metric && before.kind !== 'model' && before.quantity.end <= q.start && (FROM_BEFORE.test(masked.slice(before.quantity.end, q.start)) || partOfBefore || sharedMention || moveOfBefore) ? before.metric : null;
      const mention = sameAsBefore ? null : fromMention;
      // The words that can define this figure's metric: from the figure before it (or the sentence start) to the end of its clause.
      const zone = masked.slice(Math.max(sentence.start, allFigures.filter((f) => f.end <= q.start).pop()?.end ?? sentence.start), Math.min(clause.end, allFigures.find((f) => f.start >= q.end)?.start ?? clause.end));
      let metric: MetricRef | null = null;
      const definedFcf = definedFreeCashFlow(masked, metrics, q, sentence, allFigures);
      // "Subtract the capex from operating cash flow and what is left is $7.7 billion": free cash flow, defined, though not named.
      const leftOver = !definedFcf && !allFigures.some((f) => f.start >= sentence.start && f.end <= q.start) && definitionIn('free_cash_flow', masked.slice(sentence.start, q.start)) === 'ocf-less-capex';
      const stated = (id: string, words: string, segment: string | null = null): MetricRef => ({ id, words, definition: null, segment, how: 'stated', firm: true, fromSentence: null });
      // A segment named as the subject ("Amazon Web Services ... brought in $35.6 billion") means its sales unless other metric words say otherwise.
      // (The nearest before the figure: "AWS grew 37% to $42.2 billion and Microsoft's Intelligent Cloud segment reached $59.3 billion".)
      const clauseSegment = mentions.filter((m) => m.start >= clause.start && m.end <= q.start && segmentNamed(m.text)).pop() ?? null;
      // (Named before the figure: "Sales … came to $200.6 billion, and the AWS segment contributed $42.2 billion" gives the first to the company.)
      const subjectSegment = subject && !subject.carried && mentions.some((m) => m.end <= q.start && m.start >= sentence.start && m.text === subject!.words) ? segmentNamed(subject.words) : null;
      if (sameAsBefore) {
        metric = { ...sameAsBefore };
        // "Sales came to $200.6 billion, and the AWS segment contributed $42.2 billion of that": a segment's part of the total.
        const seg = clauseSegment ? segmentNamed(clauseSegment.text) : null;
        if (metric.id === 'revenue' && seg && (!subject || subject.tickers.includes(seg.ticker))) metric = stated('cloud_revenue', clauseSegment!.text, seg.name);
      } else if (definedFcf) {
        metric = stated('free_cash_flow', definedFcf.text);
      } else if (leftOver) {
        metric = { ...stated('free_cash_flow', 'operating cash flow less capex'), definition: 'ocf-less-capex' };
      } else if (mention) {
        // ("Microsoft's Intelligent Cloud segment reached …": the segment's name may start before the metric words "Cloud segment".)
        const segment = segmentNamed(SEGMENT_IN.exec(mention.text)?.[0] ?? segmentOverlapping(masked, mention, sentence.start))?.name ?? null;
        metric = stated(mention.id, mention.text, segment);
        // Revenue words in the figure's own clause are the company's, unless the clause names the segment ("group revenue reached ..." after a segment is total revenue).
        const inOwnClause = mention.start >= clause.start && mention.end <= clause.end;
        // In its own clause the revenue words are the segment's when the segment is the clause's subject: named in the clause,
        // the figure's stated subject ("Amazon Web Services, the cloud unit …, had sales of $42.2 billion"), or the noun a
        // relative clause hangs on ("a new AI Cloud and Compute Services segment, which had revenue of RMB 48.4bn").
        const total = TOTAL_REVENUE.test(masked.slice(Math.max(clause.start, mention.start - 24), mention.end));
        const segmentHere = !inOwnClause ? subjectSegment : clauseSegment ? segmentNamed(clauseSegment.text) : total ? null : (subjectSegment ?? relativeSegment(masked, sentence.start, clause, subject));
        if (mention.id === 'revenue' && segmentHere) metric = stated('cloud_revenue', mention.text, segmentHere.name);
        else if (mention.id === 'cloud_revenue' && segmentHere && segmentHere.ticker === segmentNamed(metric.segment)?.ticker) metric = { ...metric, segment: segmentHere.name };
      } else if (subjectSegment && q.kind !== 'count') {
        metric = stated('cloud_revenue', subjectSegment.name, subjectSegment.name);
      } else if (lastMetric && lastMetric.paragraph === sentence.paragraph && lastMetric.sentence >= number - 1 && q.kind !== 'count') {
        const same = lastMetric.sentence === number;
        // A metric carried from a guess stays a guess.
        const guessed = lastMetric.ref.how === 'inferred';
        metric = { ...lastMetric.ref, how: guessed ? 'inferred' : same ? 'stated' : 'carried', fromSentence: same || guessed ? null : lastMetric.sentence, firm: !guessed };
        // "… spent $131.8 billion. Alphabet, having earned $132.2 billion …": money coming in is not the spending carried.
        if (SPENDING_METRICS.has(metric.id) && EARNING_VERB.test(zone)) metric = null;
      }
      if (fxRate) metric = stated(FX_METRIC, 'exchange rate');
      // "The segment's own capex" just after AWS's figures: the segment's capex, where one is on record.
      const segmentBefore = segmentNamed(lastMetric?.ref.segment ?? null);
      if (metric?.id === 'capex' && segmentBefore && SEGMENT_CAPEX[segmentBefore.ticker] && lastMetric!.sentence >= number - 1 && SEGMENT_OWN.test(masked.slice(Math.max(sentence.start, q.start - 80), q.start))) {
        metric = { ...metric, id: SEGMENT_CAPEX[segmentBefore.ticker]!, segment: segmentBefore.name };
      }
      // "Including finance-lease principal it was $31.1 billion": the qualifier names capex on its definition, whatever was carried.
      if (metric && metric.how !== 'stated' && !SPENDING_METRICS.has(metric.id) && definitionIn('capex', zone) === 'incl-finance-leases') {
        metric = { ...metric, id: 'capex_incl_finance_leases', words: 'capex including finance leases', segment: null, definition: 'incl-finance-leases', how: 'stated', firm: true, fromSentence: null };
      }
      // A definition the words state: "including finance leases", "net of proceeds", "free cash flow, defined as ...".
      if (metric) {
        const definition = definitionIn(metric.id, zone);
        if (definition === 'incl-finance-leases' && (metric.id === 'capex' || metric.id === 'aws_capex')) metric = { ...metric, id: `${metric.id}_incl_finance_leases`, definition };
        else if (definition) metric = { ...metric, definition };
      }
      // "raised about HK$80 billion, roughly US$10.2 billion, by placing 710 million new shares": money raised by a share sale.
      if (q.kind === 'money' && (!metric || metric.how !== 'stated' || metric.id === COMMITMENT_METRIC) && /\brais(?:ed|es|ing|e)\b/i.test(masked.slice(clause.start, q.start))) {
        const placement = metrics.find((m) => m.id === PLACEMENT_METRIC && m.start >= q.end && m.end <= sentence.end);
        if (placement) metric = stated(PLACEMENT_METRIC, placement.text);
      }
      // "plans to invest more than RMB380 billion ... over three years": a pledge, not a year's capex.
      if (metric?.id === 'capex' && INVEST_PLAN.test(zone) && periods.some((p) => p.kind === 'span')) metric = { ...metric, id: COMMITMENT_METRIC };
      if (!metric && INVEST_PLAN.test(zone) && periods.some((p) => p.kind === 'span')) metric = stated(COMMITMENT_METRIC, 'invest');
      if (q.kind === 'money' && DIFFERENCE_BEFORE.test(masked.slice(clause.start, q.start))) metric = stated('difference', 'a difference');
      // "**Figure 3. Free cash flow, defined as …**" over its notes: a heading's metric is its section's, for figures that name none.
      if (!metric && sectionMetric && (q.kind === 'money' || q.kind === 'percent')) {
        metric = { ...sectionMetric.ref, how: 'carried', firm: true, fromSentence: sectionMetric.sentence };
        const definition = definitionIn(metric.id, sectionMetric.words);
        if (definition) metric = { ...metric, definition };
      }
      if (!metric && (q.kind === 'money' || q.kind === 'percent')) {
        // Nothing names the metric: the one the article has named most so far (a list under a capex heading), as a guess.
        const topic = topicMetric();
        if (topic) metric = { ...topic, how: 'inferred', firm: false };
      }
      // "negative free cash flow of $5.9 billion", "free cash flow turned negative, at $5.9 billion": the flow is below zero.
      const signWords = masked.slice(Math.max(clause.start, allFigures.filter((f) => f.end <= q.start).pop()?.end ?? clause.start), q.start);
      // (Words right before the figure, "an outflow of $5.9 billion", are read with the figure: extract-money.ts.)
      if (q.kind === 'money' && metric && SIGNED_FLOWS.has(metric.id) && NEGATIVE_WORDS.test(signWords) && quantity.value > 0) {
        const flip = { lower: 'upper', upper: 'lower' } as const;
        Object.assign(quantity, { value: -(quantity.high ?? quantity.value), high: quantity.high === null ? null : -quantity.value, bound: quantity.bound === 'lower' || quantity.bound === 'upper' ? flip[quantity.bound] : quantity.bound });
      }
      if (q.kind === 'count') metric = stated(q.unit === 'parameters' ? 'model_parameters' : q.unit === 'FLOP' ? 'model_training_compute' : q.unit === 'tokens' ? 'model_training_tokens' : `model_${q.unit}`, q.unit);

      // Kind.
      // "capex intensity rose from 13.3 per cent in fiscal 2023 to 34.9 per cent in fiscal 2026": the two ends of a ratio's move are its levels, not changes.
      // ("as a share of operating cash flow it dropped from about 72% to about 37%": the same for a share named before.)
      const shareBefore = q.kind === 'percent' ? SHARE_OF_METRIC_BEFORE.exec(masked.slice(clause.start, q.start)) : null;
      if (q.kind === 'percent' && quantity.direction !== null && !q.perYear && (metric?.id === 'capex_intensity' || SHARE_OF_REVENUE.test(after) || shareBefore) && /\b(?:from|to)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|just\s+)?$/i.test(masked.slice(Math.max(clause.start, q.start - 24), q.start))) {
        quantity.direction = null;
      }
      // "a 54% quarter-on-quarter jump", "72%: its year-on-year rise", "27% higher than a year earlier": the words after say it moved.
      const moveAfter = q.kind === 'percent' && quantity.direction === null ? MOVE_AFTER.exec(after) : null;
      if (moveAfter) quantity.direction = /^(?:decline|drop|fall|decrease|dip|slide|lower|less)/i.test(moveAfter[1]!) ? 'down' : 'up';
      // "a rise of 69% from a year ago and of 23% from the quarter before": the second figure shares the first's direction.
      if (q.kind === 'percent' && quantity.direction === null && before?.kind === 'change' && before.quantity?.direction && before.quantity.end <= q.start && SHARED_DIRECTION.test(masked.slice(before.quantity.end, q.start)) && CHANGE_BASE_AFTER.test(after)) {
        quantity.direction = before.quantity.direction;
      }
      let kind: ClaimKind;
      let shareOf: Claim['shareOf'] = null;
      let shareBase: Claim['shareBase'] = null;
      const ofMetric = q.kind === 'percent' && quantity.direction === null ? (SHARE_OF_METRIC.exec(after) ?? shareBefore) : null;
      const margin = q.kind === 'percent' && quantity.direction === null ? (MARGIN_BEFORE.exec(masked.slice(clause.start, q.start)) ?? MARGIN_AFTER.exec(after)) : null;
      if (q.kind === 'count' || metric?.id === 'model_training_cost') kind = 'model';
      else if (q.kind === 'money') kind = 'amount';
      else if (q.kind === 'multiple') kind = 'change';
      else if (margin) {
        // "a margin of 46.8%": operating income (or net income, for a net margin) over revenue.
        ((kind = 'share'), (shareOf = 'metric'), (shareBase = { metric: 'revenue', words: 'revenue' }));
        metric = { ...(metric ?? stated('operating_income', margin[0].trim())), id: /net|profit/i.test(margin.groups?.m ?? '') ? 'net_income' : 'operating_income', words: margin[0].trim(), how: margin.groups?.m ? 'stated' : 'inferred', firm: !!margin.groups?.m, fromSentence: null };
      } else if (ofMetric && !(ratioBaseMetric(ofMetric.groups!.m!) === 'revenue' && !subject?.combined && SHARE_OF_REVENUE.test(after))) {
        const baseMetric = ratioBaseMetric(ofMetric.groups!.m!);
        ((kind = 'share'), (shareOf = 'metric'), (shareBase = { metric: baseMetric, words: ofMetric.groups!.m! }));
        // "converted 55% of its net income into free cash flow": the other metric named in the clause is the share's;
        // "the four spent 96% of their combined operating cash flow": with none, it is the spending.
        const baseEnd = ofMetric === shareBefore ? q.start : q.end + ofMetric.index + ofMetric[0].length;
        const baseStart = ofMetric === shareBefore ? clause.start + ofMetric.index : q.end;
        const byGap = (m: MetricMention) => (m.start >= q.end ? m.start - q.end : q.start - m.end);
        const other = metrics.filter((m) => RATIO_PARTS.has(m.id) && m.id !== baseMetric && m.start >= clause.start && m.end <= clause.end && !(m.start >= baseStart && m.start < baseEnd)).sort((a, b) => byGap(a) - byGap(b))[0];
        // ("Free cash flow fell to $67.0 billion …: as a share of operating cash flow it dropped from 72% to 37%": the metric named before, in the sentence.)
        const earlier = other ? undefined : metrics.filter((m) => RATIO_PARTS.has(m.id) && m.id !== baseMetric && m.start >= sentence.start && m.end <= baseStart).pop();
        if (other) metric = stated(other.id, other.text);
        else if (earlier) metric = { ...stated(earlier.id, earlier.text), how: 'carried', firm: true };
        else if (!metric || metric.id === baseMetric || !RATIO_PARTS.has(metric.id)) metric = stated('capex', 'spending');
        // A single company's capex over its revenue is its capex intensity, the engine's own series.
        if (baseMetric === 'revenue' && metric.id === 'capex' && !subject?.combined) ((shareOf = 'revenue'), (shareBase = null), (metric = { ...metric, id: 'capex_intensity', words: `${metric.words} as a share of revenue` }));
      } else if (SHARE_OF_GROUP.test(after) && quantity.direction === null) ((kind = 'share'), (shareOf = 'group'));
      else if ((SHARE_OF_REVENUE.test(after) || metric?.id === 'capex_intensity') && quantity.direction === null) {
        kind = 'share';
        shareOf = 'revenue';
        if (metric && metric.id !== 'capex_intensity') metric = { ...metric, id: 'capex_intensity', words: `${metric.words} as a share of revenue` };
        else if (!metric) metric = stated('capex_intensity', 'share of revenue');
      } else kind = quantity.direction !== null || q.perYear ? 'change' : 'share';

      const clauseText = masked.slice(clause.start, clause.end);
      let { basis, words: basisWords } = basisFor(metric?.id ?? null, clauseText);
      // A month nearer another figure dates that figure ("$85 billion in late July and $91 billion on October 29"); the nearest is the figure's own.
      const gap = (m: { start: number; end: number }, f: { start: number; end: number }) => (m.start >= f.end ? m.start - f.end : f.start - m.end);
      const ownMonths = months
        // ("from $85 billion (July 2025 call) to …": a month in brackets right after the figure dates it.)
        .filter((m) => m.end <= q.start || (m.start >= clause.start && m.start < clause.end) || (m.start >= q.end && /^\s*\(\s*$/.test(masked.slice(q.end, m.start))))
        // ("$60–65 billion in January 2025 and finished the year guiding $70–72 billion": the month right after a figure is that figure's.)
        .filter((m) => !allFigures.some((f) => f !== q && (m.start >= q.end ? f.start >= q.end && f.end <= m.start : (f.start >= m.end && f.end <= q.start && gap(m, f) < gap(m, q)) || (f.end <= m.start && f.start >= clause.start && gap(m, f) < gap(m, q)))))
        .sort((a, b) => gap(b, q) - gap(a, q));
      const quarterInClause = periods.some((p) => p.start >= clause.start && p.end <= clause.end && (p.kind === 'quarter' || p.kind === 'fiscal-quarter'));
      const sameSubjectAsBefore = () => {
        const last = claims[claims.length - 1];
        return !!last?.subject && !!subject && last.subject.tickers.join() === subject.tickers.join();
      };
      let statedWhen = statedWhenOf(masked.slice(sentence.start, q.start), clauseText, ownMonths, date);
      // "Meta, which in January had guided $115–135 billion, now expects $130–145 billion": "now" after the figure before
      // makes this one the plan in force, whatever the earlier words said of that figure.
      const sincePrevious = masked.slice(allFigures.filter((f) => f.end <= q.start).pop()?.end ?? sentence.start, q.start);
      if (statedWhen && NOW_PLAN.test(sincePrevious) && !ownMonths.some((m) => m.start >= q.end || m.start >= q.start - sincePrevious.length)) statedWhen = null;
      // "which it cut from $190 billion in July": the month is when the plan moved; the figure is the one before that statement.
      if (statedWhen?.month && /\b(?:cut|lowered|trimmed|reduced|raised|lifted|increased|moved|revised)\s+(?:(?:it|them|that|its\s+\w+(?:\s+\w+)?)\s+)?from\s+(?:about\s+|roughly\s+|around\s+|~)?$/i.test(masked.slice(Math.max(sentence.start, q.start - 40), q.start)) && ownMonths.some((m) => m.start >= q.end)) statedWhen = { ...statedWhen, earlier: true, movedFrom: true };
      // "its 2025 guide went from $100bn to $125bn": the figure a plan moved from is the statement before.
      const justBefore = masked.slice(Math.max(sentence.start, q.start - 24), q.start);
      if (!statedWhen && /\bfrom\s+(?:about\s+|roughly\s+|around\s+)?$/i.test(justBefore) && /^\s*to\s+(?:about\s+|roughly\s+|around\s+)?[$¥€£\d]/.test(after)) statedWhen = { month: null, earlier: true, words: 'from' };
      // "guide now 220B (was 200B)", "$220 billion, up from $200 billion": the plan before the one in force.
      const earlierWords = /(?:\(\s*(?:was|previously|prior|from|vs\.?)|\b(?:up|down|raised|cut|lifted|lowered)\s+from)\s+(?:about\s+|roughly\s+|~)?$/i.exec(justBefore);
      if (!statedWhen && earlierWords && before?.basis === 'guidance') statedWhen = { month: null, earlier: true, words: earlierWords[0].replace(/^\(\s*/, '').trim() };
      // "raised the bottom of its range to $130 billion from $115 billion": the figure after "from" is the plan before.
      if (!statedWhen && before?.basis === 'guidance' && before.quantity && /^\s*from\s+(?:about\s+|roughly\s+|around\s+|~)?$/i.test(masked.slice(before.quantity.end, q.start)) && /\b(?:raised|lifted|increased|cut|lowered|trimmed|narrowed|reduced)\b/i.test(masked.slice(clause.start, before.quantity.start))) statedWhen = { month: null, earlier: true, words: 'from' };
      // The other end: "raised its plan to $85 billion from $75 billion", "went from $75 billion to $85 billion": a step of
      // the plan's history, which a later statement may have replaced by the article date.
      const moveWords = /\b(?:raised|lifted|increased|boosted|upped|cut|lowered|trimmed|narrowed|reduced)\b[^.;]*?\bto\s+(?:about\s+|roughly\s+|around\s+|~)?$/i.exec(masked.slice(clause.start, q.start));
      if (!statedWhen && ((moveWords && /^\s*,?\s*from\s+(?:about\s+|roughly\s+|around\s+|~)?[$¥€£\d]/i.test(after)) || (before?.statedWhen?.earlier && before.statedWhen.words === 'from' && before.quantity && /^\s*(?:\([^)]*\)\s*)?to\s+(?:a\s+range\s+of\s+)?(?:about\s+|roughly\s+|around\s+|~)?$/i.test(masked.slice(before.quantity.end, q.start))))) statedWhen = { month: null, earlier: false, moveTo: true, words: moveWords?.[0].trim() ?? 'to' };
      if (basis === 'actual' && metric && ['capex', 'capex_incl_finance_leases'].includes(metric.id)) {
        // "In July it had said $85 billion": a plan, said at a time; "and in February it guided to ..." after a plan: still the plan.
        const planBefore = statesPlan(metric.id, masked.slice(sentence.start, q.start));
        if (statedWhen && (/\b(?:said|guided|told|put|pegged|read|gave|given|set|issued|offered|announced)\b/i.test(clauseText) || planBefore)) ((basis = 'guidance'), (basisWords = planBefore ?? statedWhen.words));
        // (Into the next sentence, another company's figure for a quarter is a result: "… raised its 2026 plan to $225bn. Microsoft: $41bn in the quarter".)
        else if ((metric.how === 'carried' || mention === null) && lastMetric?.basis === 'guidance' && lastMetric.sentence >= number - 1 && !OUTCOME.test(clauseText) && (lastMetric.sentence === number || sameSubjectAsBefore() || !quarterInClause)) ((basis = 'guidance'), (basisWords = lastMetric.ref.words));
        // "$60–65 billion in January": a capex range dated by a month is a plan as it stood then, not a reported figure.
        else if (statedWhen?.month && q.bound === 'range') ((basis = 'guidance'), (basisWords = statedWhen.words));
        // "raised the bottom of its range to $66 billion, keeping the top at $72 billion": the plan goes on in its sentence.
        else if (lastMetric?.basis === 'guidance' && lastMetric.sentence === number && SPENDING_METRICS.has(lastMetric.ref.id) && !RESULT_VERBS.test(clauseText)) ((basis = 'guidance'), (basisWords = lastMetric.ref.words));
      }

      // "For calendar 2026 it now sees capital expenditure, finance leases included, of about $175 billion": the plan words
      // lead to this figure (no figure between them and it), though a comma puts them in another clause.
      if (basis === 'actual' && metric && ['capex', 'capex_incl_finance_leases'].includes(metric.id)) {
        const lead = masked.slice(Math.max(sentence.start, allFigures.filter((f) => f.end <= q.start).pop()?.end ?? sentence.start), q.start);
        // Verbs of planning only: a noun ("Guidance aside, its capex was …") does not make the figure a plan.
        const planLead = PLAN_LEAD.exec(lead)?.[0] ?? null;
        if (planLead && !RESULT_VERBS.test(lead) && !OUTCOME.test(lead)) ((basis = 'guidance'), (basisWords = planLead));
      }
      // A plan stated in so many words ("its 2025 range is now …", "guiding to about $75 billion") is a capex plan: airace holds guidance for capex only.
      if (basis === 'guidance' && basisWords && metric?.how === 'inferred' && metric.id === 'capex') metric = { ...metric, how: 'stated', firm: true, words: basisWords };
      // "the cash-flow statement eventually showed $131.8 billion": what was spent, after the plans.
      if (basis === 'guidance' && OUTCOME.test(clauseText)) ((basis = 'actual'), (basisWords = null));
      // Period: stated in the figure's clause, else the nearest before it in the sentence (never a later clause that has
      // a figure of its own), else carried from the sentence before in the same paragraph.
      const future = basis !== 'actual';
      // "growth of 87% in twelve months": for a change the words name how far apart its two ends are, not a trailing window.
      const ownPeriods = kind === 'change' ? periods.filter((p) => !CHANGE_GAP.test(p.text)) : periods;
      const inClause = ownPeriods.filter((p) => p.start >= clause.start && p.end <= clause.end);
      // "rose 9% from a year earlier to 268.95 billion yuan": the period the change starts from is not the amount's.
      const baseBeforeTo = (p: PeriodMention) => p.end <= q.start && isBase(p) && /^\s*,?\s*to\s*$/i.test(masked.slice(p.end, q.start));
      // ("In the March 2026 quarter, the last of fiscal 2026, capex was …": a period in an apposition describes the one before it.)
      const apposition = (p: PeriodMention) => /\bthe\s+(?:last|final|first|second|third|fourth)\s+(?:quarter\s+)?(?:of|in)\s+$/i.test(masked.slice(Math.max(sentence.start, p.start - 30), p.start)) && ownPeriods.some((o) => o !== p && o.end <= p.start && o.end >= p.start - 40);
      const ownCandidates = (kind === 'change' ? inClause.filter((p) => !isBase(p) && !(p.kind === 'span' && p.years)) : inClause.filter((p) => !baseBeforeTo(p))).filter((p) => !apposition(p)).filter((p) => {
        // "$98.6 billion in the third and $118.6 billion in the fourth": a period right after a figure is that figure's.
        // (Not a label before the next figure: "30.9B FQ2 29.9B".)
        const labels = allFigures.some((f) => f.start >= p.end && /^\s*:?\s*$/.test(masked.slice(p.end, f.start)));
        const rightAfter = (f: { end: number }) => !labels && p.start >= f.end && RIGHT_AFTER.test(masked.slice(f.end, p.start));
        if (rightAfter(q)) return true;
        if (allFigures.some((f) => f !== q && !convertedOnes.has(f) && rightAfter(f))) return false;
        // A period nearer another figure in the clause is that figure's.
        const d = p.start >= q.end ? p.start - q.end : q.start - p.end;
        // (A converted figure in parentheses is its primary's: "280.2 billion yuan (US$38.4 billion) in the December 2024 quarter".)
        return !allFigures.some((f) => f !== q && !convertedOnes.has(f) && f.start >= clause.start && f.end <= clause.end && (p.start >= f.end ? p.start - f.end : f.start - p.end) < d);
      });
      const byDistance = (p: PeriodMention) => (p.start >= q.end ? p.start - q.end : q.start - p.end);
      let periodMention: PeriodMention | null = [...ownCandidates].sort((a, b) => byDistance(a) - byDistance(b))[0] ?? null;
      // "… up 12% from the fourth quarter, when it spent $27.9 billion": "when" refers back to the period just named, a base or not.
      const whenBack = ownPeriods.filter((p) => p.end <= q.start && p.kind !== 'span' && WHEN_BACK.test(masked.slice(p.end, q.start))).pop();
      if (whenBack && (!periodMention || periodMention.start >= q.end)) periodMention = whenBack;
      // "jumped 48% to RMB126.9 billion in fiscal 2026": the change shares the period of the amount in its clause.
      if (!periodMention && kind !== 'amount') periodMention = [...inClause].filter((p) => (kind !== 'change' || (!isBase(p) && !(p.kind === 'span' && p.years))) && !baseBeforeTo(p)).sort((a, b) => byDistance(a) - byDistance(b))[0] ?? null;
      // A plan is for a year or a guided quarter: a half or a trailing window named beside it is not its period.
      if (periodMention && basis === 'guidance' && !['quarter', 'fiscal-quarter', 'fy', 'cy', 'year', 'range', 'span'].includes(periodMention.kind)) periodMention = null;
      if (!periodMention) periodMention = ownPeriods.filter((p) => p.end <= q.start && p.kind !== 'span' && !isBase(p) && !apposition(p)).pop() ?? null;
      if (!periodMention) periodMention = ownPeriods.find((p) => p.start >= q.end && p.kind !== 'span' && !clauseHasFigure(p.start) && !isBase(p)) ?? null;
      let period: ClaimPeriod | null = null;
      let periodError: string | null = null;
      let carriedListWide = false;
      if (periodMention) {
        const r = resolvePeriodMention(periodMention, subject, future);
        if ('error' in r) periodError = r.error;
        else period = r;
      } else if (basis === 'guidance' && lastPlan && lastPlan.sentence >= number - 3) {
        // A plan that states no period is for the one the last plan was for.
        period = { ref: lastPlan.ref, how: 'carried', firm: !lastPlan.ref.yearGuessed && lastPlan.ref.otherYear === undefined, fromSentence: lastPlan.sentence === number ? null : lastPlan.sentence };
      } else if (lastPeriod && ((lastPeriod.paragraph === sentence.paragraph && (lastPeriod.unit === unit || lastPeriod.listWide)) || (lastPeriod.context && lastPeriod.sentence === number - 1)) && lastPeriod.sentence >= number - 2 && metric?.id !== COMMITMENT_METRIC && !LATER.test(clauseText)) {
        carriedListWide = !!lastPeriod.listWide || (!!lastPeriod.context && lastPeriod.unit !== unit);
        period = { ref: lastPeriod.ref, how: 'carried', firm: !lastPeriod.ref.yearGuessed && lastPeriod.ref.otherYear === undefined && !lastPeriod.loose && !lastPeriod.unsure, fromSentence: lastPeriod.sentence === number ? null : lastPeriod.sentence, ...(lastPeriod.loose ? { guess: `the period was carried from the paragraph before (“${lastPeriod.ref.text.trim()}”)` } : lastPeriod.unsure ? { guess: `the period was carried from a figure whose own period is a guess (${lastPeriod.unsure})` } : {}) };
        // "A year earlier the same four spent $88 billion. So that is growth of 87%": a change after a figure counted back
        // runs to the period that figure was counted back from.
        if (kind === 'change' && lastPeriod.back && lastAnchor && lastAnchor !== lastPeriod.ref) period = { ...period, ref: lastAnchor };
        // A plan is for a year or a guided quarter: a quarter carried from the results is not it.
        if (basis === 'guidance' && ['quarter', 'fiscal-quarter'].includes(lastPeriod.ref.kind)) period = null;
      } else if (lastPeriod && lastPeriod.unit !== unit && lastPeriod.sentence === number - 1 && lastHeading < lastPeriod.sentence && paragraphPeriods.unit === lastPeriod.unit && paragraphPeriods.keys.size === 1 && metric?.id !== COMMITMENT_METRIC && !LATER.test(clauseText)) {
        // A paragraph that names no period goes on with the one the paragraph just before ended on; another may be meant, so it is a guess.
        period = { ref: lastPeriod.ref, how: 'carried', firm: false, fromSentence: lastPeriod.sentence, guess: `the period was carried from the paragraph before (“${lastPeriod.ref.text.trim()}”, sentence ${lastPeriod.sentence})` };
        // A plan is for a year or a guided quarter: a quarter carried from the results is not it.
        if (basis === 'guidance' && ['quarter', 'fiscal-quarter'].includes(lastPeriod.ref.kind)) period = null;
      }
      // "**The slices (calendar 2025).**" over a list: a heading's period is its section's, for figures that state none.
      if (!period && !periodMention && !periodError && section && metric?.id !== COMMITMENT_METRIC && !LATER.test(clauseText) && !(basis === 'guidance' && ['quarter', 'fiscal-quarter'].includes(section.ref.kind))) {
        // A heading can be far above, and a figure under it may be of another length (a quarter under a year): a match counts, a mismatch is a guess.
        period = { ref: section.ref, how: 'carried', firm: false, fromSentence: section.sentence, guess: `the period is the section heading's (“${section.ref.text.trim()}”, sentence ${section.sentence})` };
      }
      // "from $80.1 billion to $128.7 billion": the two ends are different periods, so one carried onto the second is a guess.
      const moveEnds = !!before?.quantity && /^\s*to\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|~)?$/i.test(masked.slice(before.quantity.end, q.start)) && /\bfrom\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|~)?$/i.test(masked.slice(Math.max(clause.start, before.quantity.start - 24), before.quantity.start));
      if (period && !periodMention && before?.quantity && before.period && before.period.ref.text === period.ref.text && /^\s*to\s+$/i.test(masked.slice(before.quantity.end, q.start))) period = { ...period, firm: false };
      // ("The bars rise from about $72 billion to about $165 billion": the start given the period where the move ends is a guess too.)
      else if (period && moveEnds && before?.period?.firm && before.period.ref.text === period.ref.text && before.kind === kind && (kind === 'amount' || kind === 'share')) {
        before.period = { ...before.period, firm: false, guess: `the figure the move starts from was given the period it ends in (“${period.ref.text.trim()}”)` };
      }
      // "rose 20% to $128.7 billion in 2025 from $107.6 billion": the figure a move starts from is a year before the period the
      // move ends in (for a quarter it could be the quarter before: a guess).
      // ("RMB158.1 billion in fiscal 2026, up 34% from RMB118.0 billion": the amount right after a change's "from" is its base.)
      const changeFrom = before?.kind === 'change' && !!before.quantity?.direction && /^\s*from\s+(?:about\s+|roughly\s+|around\s+|nearly\s+)?$/i.test(masked.slice(before.quantity.end, q.start));
      if (kind === 'amount' && period && periodMention && before?.quantity && before.period?.ref.text === period.ref.text && (changeFrom || (periodMention.start >= before.quantity.end && periodMention.end <= q.start
        && /\bfrom\s+(?:about\s+|roughly\s+|around\s+|nearly\s+)?$/i.test(masked.slice(Math.max(clause.start, q.start - 24), q.start)) && MOVE_WORDS.test(masked.slice(clause.start, before.quantity.start))))
        && period.ref.year !== null && ['fy', 'cy', 'year', 'quarter', 'fiscal-quarter'].includes(period.ref.kind)) {
        const own = period.ref;
        const quarterly = own.kind === 'quarter' || own.kind === 'fiscal-quarter';
        period = { ref: { ...shiftYear(own, -1), resolution: `a year before “${own.text.trim()}”: the figure the move starts from` }, how: 'carried', firm: period.firm && !quarterly, fromSentence: null, ...(quarterly ? { guess: `the figure the move starts from was read as a year before “${own.text.trim()}” (it could be the quarter before)` } : {}) };
      }
      if (metric?.id === COMMITMENT_METRIC && !period) {
        const span = ownPeriods.find((p) => p.kind === 'span');
        if (span) period = { ref: { ...span, quarters: span.quarters }, how: 'stated', firm: true, fromSentence: null };
      }
      // The base of a change: a base period in its clause after it, else in the sentence.
      let base: ClaimPeriod | null = null;
      if (kind === 'change') {
        const bases = periods.filter((p) => isBase(p) && p !== periodMention && (p.relative !== 'year-earlier' || (p.years ?? 1) > 1));
        // "up from $228 billion in 2024 and $140 billion in 2023, a compound annual rate of 60%": a rate a year runs from the earliest base.
        const earliest = q.perYear ? ([...bases].filter((p) => p.year !== null).sort((a, b) => a.year! - b.year!)[0] ?? null) : null;
        // "+71% y/y" right after the figure: a year-on-year change, whatever base another figure of the sentence has ("+22.6% q/q").
        const ownYearEarlier = inClause.find((p) => p.start >= q.end && p.relative === 'year-earlier' && /^[\s,]*(?:(?:from|on|over|versus|vs\.?|against|compared\s+with|the|its|their)\s+)*$/i.test(masked.slice(q.end, p.start)));
        const ownYearOnYear = /^\s*,?\s*(?:y\/y|yoy|year[- ](?:on|over)[- ]year)\b/i.test(after) || !!ownYearEarlier;
        const quartersBack = QUARTERS_GAP.exec(after);
        const basePeriod = ownYearOnYear || quartersBack ? undefined : (inClause.find((p) => p.start >= q.end && isBase(p)) ?? earliest ?? bases[0]);
        if (basePeriod && basePeriod !== periodMention && basePeriod.relative === 'quarter-earlier') {
          // "up 26% sequentially", "from the previous quarter": the quarter before the change's own.
          const own = period?.ref;
          if (own && ['quarter', 'fiscal-quarter'].includes(own.kind) && own.year !== null && own.quarter !== null) {
            const back = own.quarter === 1 ? { year: own.year - 1, quarter: 4 } : { year: own.year, quarter: own.quarter - 1 };
            base = { ref: { ...own, ...back, start: basePeriod.start, end: basePeriod.end, text: basePeriod.text, resolution: `${basePeriod.text.trim()}: the quarter before “${own.text.trim()}”` }, how: 'carried', firm: period!.firm, fromSentence: null };
          } else {
            // Never fall back to a year-on-year reading of a change the words measure from the quarter before.
            period = null;
            periodError = `“${basePeriod.text.trim()}” measures from the quarter before, but the figure's own quarter is not known`;
          }
        } else if (basePeriod && basePeriod !== periodMention) {
          const r = resolvePeriodMention(basePeriod, subject, future);
          if ('ref' in r) base = r;
        } else if (q.perYear && !basePeriod && period && period.ref.year !== null && SINGLE_PERIODS.has(period.ref.kind) && inClause.some((p) => p.kind === 'span' && p.years)) {
          // "a compound annual growth rate of roughly 60% over three years": measured from that many years before its own period.
          const span = inClause.find((p) => p.kind === 'span' && p.years)!;
          const own = period.ref;
          base = { ref: { ...shiftYear(own, -span.years!), text: span.text, resolution: `${span.text.trim()}: ${span.years} years before “${own.text.trim()}”` }, how: 'carried', firm: period.firm, fromSentence: null };
        } else if (quartersBack && period && period.ref.kind === 'quarter' && period.ref.year !== null && period.ref.quarter !== null) {
          // "more than doubling over five quarters": the base is that many quarters before the change's own.
          const own = period.ref;
          const n = cardinal(quartersBack[1]!)!;
          const index = own.year! * 4 + (own.quarter! - 1) - n;
          base = { ref: { ...own, year: Math.floor(index / 4), quarter: (index % 4) + 1, text: quartersBack[0], resolution: `${quartersBack[0].trim()} before “${own.text.trim()}”` }, how: 'carried', firm: period.firm, fromSentence: null };
        } else if (ownYearEarlier && period && period.ref.year !== null && SINGLE_PERIODS.has(period.ref.kind)) {
          // "down 75% from the same period a year earlier": the base is the change's own period, a year back.
          const own = period.ref;
          base = { ref: { ...shiftYear(own, -1), resolution: `a year before “${own.text.trim()}”` }, how: 'carried', firm: period.firm, fromSentence: null };
        }
      }

      // "An earlier version of this article gave … as $59.2 billion": the figure the text corrects, not one it states.
      // ("… It also put AWS's sales at $35.6 million": the next sentence goes on listing what the earlier version said.)
      const corrected = CORRECTED.exec(masked.slice(clause.start, q.start)) ?? (correctedSentence === number - 1 ? CORRECTED_MORE.exec(masked.slice(sentence.start, q.start)) : null);
      if (corrected) correctedSentence = number;
      const attribution = corrected ? { reason: 'corrected' as const, who: null, words: corrected[0] } : attributionFor(masked, clause, sentence, previous, isCompany, q.start, basis !== 'actual');
      const base0 = {
        sentence: { ...slice(sentence), index: number },
        subject,
        metric,
        period,
        base,
        shareOf,
        shareBase,
        basis,
        basisWords,
        statedWhen: basis === 'guidance' ? statedWhen : null,
        attribution,
        siblingOf: null,
      };
      const claim: Claim = { id: claims.length + 1, kind, ...slice(clause), quantity, converted: null, ...base0 };
      if (kind === 'model') {
        claim.model = modelFor(modelNamesHere(), q, carriedModel, modelQuantityOf(metric?.id ?? null), number);
        if (claim.model.name) lastModel = { ...claim.model, fromSentence: claim.model.how === 'carried' ? claim.model.fromSentence : number, paragraph: sentence.paragraph, sentence: number };
      }
      if (periodError && !period) claim.period = null;
      (claim as Claim & { periodError?: string | null }).periodError = periodError;
      claims.push(claim);

      const pair = pairs.find(([a]) => a === q);
      if (pair) {
        const [, b] = pair;
        const close = masked.indexOf(')', b.end);
        claims.push({ ...claim, id: claims.length + 1, kind: 'conversion', ...slice({ start: q.start, end: close + 1 }), converted: { ...b, text: text.slice(b.start, b.end) } });
      }

      if (period) {
        if (paragraphPeriods.unit !== unit) paragraphPeriods = { unit, keys: new Set() };
        const r = period.ref;
        paragraphPeriods.keys.add(`${r.kind}:${r.year}:${r.quarter}:${r.endYear}:${r.quarters}`);
      }
      // What later figures carry.
      if (metric && kind !== 'model') lastMetric = { ref: metric, paragraph: sentence.paragraph, sentence: number, basis };
      if (basis === 'guidance' && period) lastPlan = { ref: period.ref, sentence: number };
      // A figure something is compared with ("…, against $44.2 billion in the first quarter and $32.2 billion in …") is a base:
      // the text goes on about the period of the figure compared, not of the base.
      const between = before?.quantity && before.quantity.end <= q.start ? masked.slice(before.quantity.end, q.start) : null;
      const comparison: boolean = between !== null && (FROM_BEFORE.test(between) || (comparedBefore && AND_NEXT.test(between)));
      comparedBefore = comparison;
      const countedBack = comparison || periodMention?.relative === 'year-earlier' || (periodMention !== null && isBase(periodMention));
      if (period && kind !== 'model' && metric?.id !== COMMITMENT_METRIC && SINGLE_PERIODS.has(period.ref.kind) && !(countedBack && (comparison || lastPeriod?.sentence === number))) {
        // A period that was itself a guess ("in the quarter" read as the latest one reported) stays one for the figures that carry it.
        const unsure = period.firm === false && period.how === 'article-date' ? (period.ref.resolution ?? period.ref.text.trim()) : null;
        lastPeriod = { ref: period.ref, paragraph: sentence.paragraph, unit, sentence: number, ...(period.guess?.startsWith('the period was carried from the paragraph before') ? { loose: true } : {}), ...(carriedListWide ? { listWide: true } : {}), ...(unsure ? { unsure } : {}), ...(countedBack ? { back: true } : {}) };
        const anchor = periodMention && periodMention.relative !== 'year-earlier' && periodMention.relative !== 'quarter-earlier';
        if (['quarter', 'fiscal-quarter'].includes(period.ref.kind) && (anchor || !periodMention)) lastQuarter = period.ref;
        if (anchor) lastAnchor = period.ref;
      }
    }

    // "DeepSeek released V3 on December 26, 2024": a model's release date, one per model and clause.
    if (claims.length < MAX_CLAIMS && datesARelease(masked.slice(sentence.start, sentence.end))) {
      for (const clause of clauses.length ? clauses : [sentence]) {
        const words = masked.slice(clause.start, clause.end);
        if (!datesARelease(words)) continue;
        const dated = new Set<string>();
        for (const d of datesIn(masked, clause)) {
          if (allFigures.some((f) => d.start < f.end && f.start < d.end) || claims.length >= MAX_CLAIMS) continue;
          const names = modelNamesHere().filter((n) => n.start >= sentence.start && n.end <= d.start);
          const model = modelFor(names, d, null, 'release_date', number);
          if (!model.name || dated.has(model.name)) continue;
          dated.add(model.name);
          model.date = { value: d.value, start: d.start, end: d.end, text: text.slice(d.start, d.end) };
          claims.push({
            id: claims.length + 1, kind: 'model', ...slice(clause), sentence: { ...slice(sentence), index: number },
            quantity: null, converted: null, subject: null, metric: null, period: null, base: null, shareOf: null,
            basis: 'actual', basisWords: null, statedWhen: null, attribution: null, siblingOf: null, model,
          });
          lastModel = { ...model, fromSentence: number, paragraph: sentence.paragraph, sentence: number };
        }
      }
    }

    // A heading starts a section: its period (if it names one) holds for the section's figures that state none.
    if (isHeading(text, sentence)) {
      lastHeading = number;
      // (Its metric, when it names one and states no figure: the first metric words of the heading.)
      const headingMetric = quantities.length === 0 ? metrics.find((m) => !UNHELD_IN_HEADING.has(m.id)) : undefined;
      sectionMetric = headingMetric ? { ref: { id: headingMetric.id, words: headingMetric.text, definition: null, segment: segmentNamed(SEGMENT_IN.exec(headingMetric.text)?.[0] ?? null)?.name ?? null, how: 'carried', firm: true, fromSentence: number }, sentence: number, words: masked.slice(sentence.start, sentence.end) } : null;
      const named = periods.filter((p) => SINGLE_PERIODS.has(p.kind) && p.relative === null).pop();
      const r = named && quantities.length === 0 ? resolvePeriodMention(named, carried, false) : null;
      section = r && 'ref' in r ? { ref: r.ref, sentence: number } : null;
    }
    // A sentence without figures that names a metric ("Free cash flow is a different story.") is what a possessive after it elides.
    if (quantities.length === 0) {
      const named = metrics.find((m) => !UNHELD_IN_HEADING.has(m.id));
      contextMetric = named ? { mention: named, sentence: number } : null;
    }
    // A sentence without figures that names a period ("announced its results for the quarter ended September 30, 2025") sets the context.
    if (quantities.length === 0) {
      // ("… the AI plan announced by management last year": a year that dates an event is no period the text is about.)
      const context = periods.filter((p) => SINGLE_PERIODS.has(p.kind) && p.relative !== 'article-year').pop();
      const r = context ? resolvePeriodMention(context, carried, false) : null;
      if (context && r && 'ref' in r) {
        lastPeriod = { ref: r.ref, paragraph: sentence.paragraph, unit, sentence: number, context: true, ...(unit.startsWith('p') ? { listWide: true } : {}) };
        if (['quarter', 'fiscal-quarter'].includes(r.ref.kind)) lastQuarter = r.ref;
        if (context.relative !== 'year-earlier' && context.relative !== 'quarter-earlier') lastAnchor = r.ref;
      }
    }
    if (quantities.length === 0) {
      const said = attributedPrediction(masked, sentence, isCompany);
      if (said && claims.length < MAX_CLAIMS) {
        claims.push({
          id: claims.length + 1,
          kind: 'statement',
          ...slice(sentence),
          sentence: { ...slice(sentence), index: number },
          quantity: null,
          converted: null,
          subject: null,
          metric: null,
          period: null,
          base: null,
          shareOf: null,
          basis: 'actual',
          basisWords: null,
          statedWhen: null,
          attribution: said,
          siblingOf: null,
        });
      }
    }

    // A figure with no period at all takes the period of an amount about the same subject in its sentence
    // ("revenue grew 8% to RMB 280.2 billion": the growth is over the same quarter as the amount).
    const inSentence = claims.slice(first);
    for (const c of inSentence) {
      if (c.period || c.kind === 'statement') continue;
      const same = inSentence.find((o) => o !== c && o.kind === 'amount' && !o.period && o.subject?.tickers.join() === c.subject?.tickers.join());
      if (same) c.siblingOf = same.id;
    }

    // What the next sentences carry: the subject of this sentence's last claim, else its first named company.
    const lastClaim = claims.length > first ? claims[claims.length - 1]! : null;
    const fromSentence = matcher.carryFrom(masked, sentence, mentions);
    // (A group kept as the subject while a member was named only for how it was counted, "If you count Microsoft by its
    // fiscal year, the total falls to …", goes on being the subject.)
    const subjectNow = lastClaim?.subject && (!lastClaim.subject.carried || lastClaim.subject.recountedBy) ? lastClaim.subject : fromSentence;
    if (subjectNow) {
      const own = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
      const distinct = new Set(own.map((m: CompanyMention) => m.ticker ?? m.text));
      carried = { ...subjectNow, carried: true, how: 'carried', paragraph: sentence.paragraph, sentence: number, sole: distinct.size <= 1 || subjectNow.combined };
      if (!carried.untracked && carried.tickers.length > 0) lastTracked = carried;
    } else if (carried && lastClaim?.subject?.carried) {
      carried = { ...carried, paragraph: sentence.paragraph, sentence: number };
    }
    previous = sentence;
  });
  return { articleDate, claims, charts, uncheckedFrom };
}

export type { Span };
