// Finds the companies a text names and decides which one a figure is about. Tracked companies
// by the names and aliases the store holds ("Google" → GOOGL, "AWS" → AMZN) and by their reporting
// segments ("Intelligent Cloud" → MSFT); groups by their aliases and by counting words ("the four",
// "all four" for a group of four); companies airace does not track by a list of the AI race's other
// players and by shape ("a start-up", "Acme Inc."), so a figure about Nvidia is never given to a
// tracked company. Hand-written: compromise's organisation tagger, tried on this domain, missed
// most of these names (Oracle, CoreWeave, xAI, OpenAI).
import type { Company } from '../model/company.js';
import type { Span, SubjectRef } from './claim.js';
import { SEGMENTS } from '../series/segments.js';

export interface CompanyMention extends Span {
  /** Tracked ticker, or null for a company airace does not track. */
  ticker: string | null;
  isGroup: boolean;
}

/** Companies in the AI race that airace does not track (names as written, case-sensitive). */
const UNTRACKED_NAMES = [
  'Nvidia', 'NVIDIA', 'OpenAI', 'Anthropic', 'xAI', 'SoftBank', 'Oracle', 'Apple', 'Tesla', 'Tencent', 'Baidu', 'ByteDance', 'CoreWeave',
  'Intel', 'AMD', 'TSMC', 'Samsung', 'IBM', 'DeepSeek', 'Mistral', 'Huawei', 'JD.com', 'PDD', 'Broadcom', 'Micron', 'SK Hynix', 'Dell',
  'Supermicro', 'Super Micro', 'Stargate', 'Cerebras', 'Groq', 'Nebius', 'Scale AI', 'Databricks', 'Perplexity', 'Salesforce', 'Netflix',
  'Walmart', 'Cambricon', 'Zhipu', 'Moonshot', 'MiniMax', 'Kuaishou', 'Xiaomi', 'Meituan', 'Cisco', 'Qualcomm', 'Adobe', 'Uber', 'Hewlett Packard',
  'ASML', 'Arista', 'Vertiv', 'Equinix', 'Digital Realty', 'Crusoe', 'Blackstone', 'BlackRock', 'MGX', 'G42', 'Safe Superintelligence', 'Inflection',
];
/** Shapes of a company name airace does not know: "a start-up", "Acme Inc.", "Foo Labs". */
const UNTRACKED_SHAPES = /\b(?:an?|the|one|another)\s+(?:AI\s+|chip\s+|cloud\s+|Chinese\s+|US\s+|American\s+)?(?:start-?ups?|rival|chipmaker|chip\s+designer|neocloud|competitor|supplier|lab)\b|\b[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)?\s(?:Inc|Corp|Ltd|Labs|Technologies|Holdings|Systems)\b\.?/g;

/** Quantities that belong to no company: a country's or an economy's output ("the annual output of Denmark", "Japan's GDP"). */
const NON_COMPANY_SUBJECTS = /\b(?:the\s+)?(?:(?:annual|yearly|economic|national)\s+)?(?:output|GDP|gross\s+domestic\s+product|economy|budget)\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)?|\b[A-Z][\w-]+['’]s\s+(?:(?:annual|yearly|entire|whole)\s+)?(?:GDP|gross\s+domestic\s+product|economy|economic\s+output|national\s+(?:output|budget|debt))\b|\b(?:GDP|gross\s+domestic\s+product)\b/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A noun phrase naming a total, whose figure belongs to a group ("the 2025 total", "the combined figure"). */
const TOTAL_NOUN = /\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:total|sum|aggregate|tally|combined\s+(?:figure|bill|spend(?:ing)?))\b/i;
/** Between a figure and a company named after it: another figure, or the subject's possessive ("gains on the company's investment in"). */
const OBJECT_OF_SUBJECT = /[$¥€£]\s?\d|\d\s?(?:%|bn\b|billion\b|million\b)|\b(?:the\s+company['’]s|its|their)\s/i;
const CARDINAL_WORDS: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six' };

/** Nouns a count of companies goes with ("the four platforms", "four US hyperscalers"). */
const GROUP_NOUNS = ['companies', 'firms', 'giants', 'platforms', 'hyperscalers', 'spenders', 'cloud companies', 'cloud providers', 'cloud giants', 'tech giants', 'tech companies', 'technology companies'];
/** Words between the count and the noun ("four US platforms", "the four biggest spenders"). */
const GROUP_ADJECTIVES = String.raw`(?:us|u\.s\.|american|big|large|largest|biggest)`;

export class SubjectMatcher {
  private readonly names = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();
  /** Each group by its size in words ("four" → GROUP4), for "the four platforms" and the like. */
  private readonly groupBySize = new Map<string, string>();
  private readonly re: RegExp;
  private readonly groupRe: RegExp | null;
  private readonly untrackedRe: RegExp;
  /** Groups whose members, all named together, mean the group (Amazon, Microsoft, Google and Meta → GROUP4). */
  readonly groups: Company[];

  constructor(readonly companies: Company[]) {
    const tracked = new Set<string>();
    for (const c of companies) {
      if (c.kind === 'group') {
        for (const a of c.aliases) this.groupNames.set(a.toLowerCase(), c.ticker);
        const n = CARDINAL_WORDS[c.members.length];
        if (n) for (const form of [`the ${n}`, `all ${n}`, `the big ${n}`]) this.groupNames.set(form, c.ticker);
        if (n) this.groupBySize.set(n, c.ticker);
        continue;
      }
      // Proper names match case-sensitively: "Meta" the company, not "meta" the prefix.
      // Wire slugs write names in capitals ("AMAZON Q2 —", "MICROSOFT CAPEX —"): the capitalised name is the company too.
      for (const n of [c.name, c.ticker, ...c.aliases]) if (n.length >= 2) this.names.set(n, c.ticker);
      for (const n of [c.name, ...c.aliases]) if (n.length >= 4 && /[a-z]/.test(n) && !this.names.has(n.toUpperCase())) this.names.set(n.toUpperCase(), c.ticker);
      tracked.add(c.name);
    }
    for (const s of SEGMENTS) if (companies.some((c) => c.ticker === s.ticker)) this.names.set(s.name, s.ticker);
    // A name broken across lines ("Intelligent\nCloud") is still the name.
    const alternatives = [...this.names.keys()].sort((a, b) => b.length - a.length).map((a) => escape(a).replace(/ /g, '\\s+'));
    // A cashtag ("$AMZN", "$MSFT") is the company too.
    this.re = new RegExp(`(?<![\\w])(?:${alternatives.join('|')})(?![\\w])`, 'g');
    const groupAlternatives = [...this.groupNames.keys()].sort((a, b) => b.length - a.length).map((a) => escape(a).replace(/ /g, '\\s+'));
    // "the four companies", "four US platforms", "the four American hyperscalers", "four big tech giants": a count of a
    // group's size with a noun for companies, written as one pattern (listing every form would slow every search).
    const sizes = [...this.groupBySize.keys()];
    if (sizes.length) groupAlternatives.unshift(`(?:(?:the|all)\\s+)?(?:${sizes.join('|')})\\s+(?:${GROUP_ADJECTIVES}\\s+)?(?:${GROUP_NOUNS.map((n) => n.replace(/ /g, '\\s+')).join('|')})`);
    this.groupRe = groupAlternatives.length ? new RegExp(`\\b(?:the\\s+)?(?:${groupAlternatives.join('|')})\\b(?![-\\s]+(?:quarters?|years?|months?)\\b)`, 'gi') : null;
    const untrackedNames = UNTRACKED_NAMES.flatMap((n) => (n.length >= 4 && /[a-z]/.test(n) && /^[A-Z]/.test(n) ? [n, n.toUpperCase()] : [n]));
    const untracked = untrackedNames.filter((n) => !this.names.has(n) && !tracked.has(n)).sort((a, b) => b.length - a.length).map(escape);
    this.untrackedRe = new RegExp(`(?<![\\w$])(?:${untracked.join('|')})(?![\\w])`, 'g');
    this.groups = companies.filter((c) => c.kind === 'group' && c.members.length > 0);
  }

  nameOf(ticker: string): string {
    return this.companies.find((c) => c.ticker === ticker)?.name ?? ticker;
  }

  /** Every company named between `from` and `to`, tracked or not, in text order and not overlapping. */
  find(masked: string, from: number, to: number): CompanyMention[] {
    const text = masked.slice(from, to);
    const out: CompanyMention[] = [];
    const taken = new Uint8Array(text.length);
    const add = (start: number, end: number, ticker: string | null, isGroup: boolean) => {
      for (let i = start; i < end; i++) if (taken[i]) return;
      taken.fill(1, start, end);
      out.push({ start: from + start, end: from + end, text: text.slice(start, end), ticker, isGroup });
    };
    if (this.groupRe) {
      for (const m of text.matchAll(this.groupRe)) {
        const key = m[0].replace(/^the\s+(?=the\s)/i, '').replace(/\s+/g, ' ').toLowerCase();
        const ticker = this.groupNames.get(key) ?? this.groupNames.get(key.replace(/^the /, '')) ?? this.groupBySize.get(/^(?:(?:the|all) )*(\w+)/.exec(key)?.[1] ?? '');
        if (ticker) add(m.index, m.index + m[0].length, ticker, true);
      }
    }
    for (const m of text.matchAll(this.re)) add(m.index, m.index + m[0].length, this.names.get(m[0].replace(/\s+/g, ' '))!, false);
    for (const m of text.matchAll(this.untrackedRe)) add(m.index, m.index + m[0].length, null, false);
    for (const m of text.matchAll(NON_COMPANY_SUBJECTS)) add(m.index, m.index + m[0].length, null, false);
    for (const m of text.matchAll(UNTRACKED_SHAPES)) {
      // "Amazon.com Inc" is tracked: a shape containing a tracked name is not a new company.
      if ([...this.names.keys()].some((n) => n.length > 3 && m[0].includes(n))) continue;
      add(m.index, m.index + m[0].length, null, false);
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** The group all of whose members are among `tickers`, if any. */
  groupOf(tickers: string[]): Company | null {
    return this.groups.find((g) => g.members.every((m) => tickers.includes(m))) ?? null;
  }

  /** The run of mentions joined only by commas and "and" that ends with `last` ("Amazon, Microsoft, Alphabet and Meta"). */
  private listEndingAt(masked: string, mentions: CompanyMention[], last: number): CompanyMention[] {
    const list = [mentions[last]!];
    for (let i = last - 1; i >= 0; i--) {
      const between = masked.slice(mentions[i]!.end, list[0]!.start);
      // ("Microsoft ($35.8 billion) and Meta ($30.1 billion) together spent $65.9 billion": a figure in brackets after each name.)
      if (!/^(?:['’]s)?\s*(?:\([^()]{0,60}\)\s*)?(?:,|,?\s*(?:and|&))\s*$/.test(between)) break;
      list.unshift(mentions[i]!);
    }
    return list;
  }

  private refFor(masked: string, list: CompanyMention[], scope: Span, how: { carried: boolean }): SubjectRef {
    const words = masked.slice(list[0]!.start, list[list.length - 1]!.end);
    const base = { how: 'stated' as const, firm: true, fromSentence: null, carried: how.carried };
    const group = list.find((m) => m.isGroup);
    if (group) return { ...base, tickers: [group.ticker!], combined: true, words: group.text, untracked: null };
    const untracked = list.find((m) => m.ticker === null);
    if (untracked) return { ...base, tickers: [], combined: false, words, untracked: untracked.text };
    const tickers = [...new Set(list.map((m) => m.ticker!))];
    const all = this.groupOf(tickers);
    if (all && tickers.length === all.members.length) return { ...base, tickers: [all.ticker], combined: true, words, untracked: null };
    if (tickers.length === 1) return { ...base, tickers, combined: false, words: list[0]!.text, untracked: null };
    // Several companies named together as the subject: their figures added up ("Microsoft and Meta combined spent ...").
    return { ...base, tickers, combined: true, words, untracked: null };
  }

  /**
   * Who a figure is about: the company (or list of companies) named nearest before it in its
   * clause, else in its sentence, else the first named after it; with none, the subject carried
   * from earlier text ("the company", "its").
   */
  subjectFor(masked: string, q: Span, clause: Span, sentence: Span, mentions: CompanyMention[], carried: SubjectRef | null): SubjectRef | null {
    // "They spent $376 billion across calendar 2025 (using Microsoft's calendar quarters)": a name in an aside after the
    // figure says how it was counted, not whose it is, when the text already has a subject.
    // (The same for a name in brackets in another clause: "…, 2025 (using Microsoft's calendar quarters), more than 15% above …".)
    const aside = (m: CompanyMention) => carried !== null && ((m.start >= q.end && openParens(masked.slice(q.end, m.start)) > 0)
      || ((m.end <= clause.start || m.start >= clause.end) && openParens(masked.slice(sentence.start, m.start)) > 0));
    for (const scope of [clause, sentence]) {
      const inScope = mentions.filter((m) => m.start >= scope.start && m.end <= scope.end && !aside(m));
      if (inScope.length === 0) continue;
      const beforeIdx = inScope.reduce((best, m, i) => (m.end <= q.start ? i : best), -1);
      // "Operating income was $27.5 billion, while net income jumped …, swollen by gains on its investment in Anthropic":
      // a company airace does not track, named only in a later clause, is not the subject the text carries.
      // (Only when the words between make it another figure's or the subject's object: "**$4.9tn:** Nvidia's market value" is Nvidia's.)
      if (scope === sentence && beforeIdx < 0 && carried && inScope[0]!.ticker === null && OBJECT_OF_SUBJECT.test(masked.slice(q.end, inScope[0]!.start))) return { ...carried, carried: true };
      const idx = beforeIdx >= 0 ? beforeIdx : 0;
      // A figure in brackets right after a name is that name's alone, though the name ends a list.
      const bracketed = beforeIdx >= 0 && /^(?:['’]s)?\s*\([^()]*$/.test(masked.slice(inScope[beforeIdx]!.end, q.start));
      const list = bracketed ? [inScope[beforeIdx]!] : this.listEndingAt(masked, inScope, beforeIdx >= 0 ? idx : this.listEnd(masked, inScope, 0));
      const ref = this.refFor(masked, list, scope, { carried: false });
      // "If you count Microsoft by its fiscal year, the 2025 total falls to …": a member named only in
      // how the total is counted leaves the figure the group's, when a group was the subject so far.
      if (!ref.combined && beforeIdx >= 0 && carried?.combined && TOTAL_NOUN.test(masked.slice(list[list.length - 1]!.end, q.start))) return { ...carried, carried: true, recountedBy: ref.words };
      return ref;
    }
    return carried ? { ...carried, carried: true } : null;
  }

  /** Index of the last mention of the list that starts at `first`. */
  private listEnd(masked: string, mentions: CompanyMention[], first: number): number {
    let i = first;
    while (i + 1 < mentions.length && /^(?:['’]s)?\s*(?:,|,?\s*(?:and|&))\s*$/.test(masked.slice(mentions[i]!.end, mentions[i + 1]!.start))) i++;
    return i;
  }

  /** What a sentence carries forward: the subject of its first named company or list. */
  carryFrom(masked: string, sentence: Span, mentions: CompanyMention[]): SubjectRef | null {
    const own = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (own.length === 0) return null;
    const list = own.slice(0, this.listEnd(masked, own, 0) + 1);
    return { ...this.refFor(masked, list, sentence, { carried: true }), how: 'carried' };
  }
}

/** How many brackets opened in `text` are still open at its end. */
function openParens(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  return depth;
}
