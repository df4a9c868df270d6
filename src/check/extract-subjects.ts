// Finds the companies a text names, by the names and aliases the store holds ("Google" → GOOGL),
// and decides which company a figure is about: the one named nearest it, the big four when all
// four are listed together, or the company the previous sentences were about ("the company").
import type { Company } from '../model/company.js';
import type { Span, SubjectRef } from './claim.js';

export interface CompanyMention extends Span {
  ticker: string;
  isGroup: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMBINED = /\b(?:combined|collectively|together|in total|between them|altogether|jointly|in aggregate)\b/i;

export class SubjectMatcher {
  private readonly names = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();
  private readonly re: RegExp;
  private readonly groupRe: RegExp | null;
  /** Groups whose members, all named together, mean the group (Amazon, Microsoft, Google and Meta → GROUP4). */
  readonly groups: Company[];

  constructor(readonly companies: Company[]) {
    for (const c of companies) {
      if (c.kind === 'group') {
        for (const a of c.aliases) this.groupNames.set(a.toLowerCase(), c.ticker);
        continue;
      }
      // Proper names match case-sensitively: "Meta" the company, not "meta" the prefix.
      for (const n of [c.name, c.ticker, ...c.aliases]) if (n.length >= 2) this.names.set(n, c.ticker);
    }
    const alternatives = [...this.names.keys()].sort((a, b) => b.length - a.length).map(escape);
    this.re = new RegExp(`(?<![\\w$])(?:${alternatives.join('|')})(?![\\w])`, 'g');
    const groupAlternatives = [...this.groupNames.keys()].sort((a, b) => b.length - a.length).map(escape);
    this.groupRe = groupAlternatives.length ? new RegExp(`\\b(?:the\\s+)?(?:${groupAlternatives.join('|')})\\b`, 'gi') : null;
    this.groups = companies.filter((c) => c.kind === 'group' && c.members.length > 0);
  }

  nameOf(ticker: string): string {
    return this.companies.find((c) => c.ticker === ticker)?.name ?? ticker;
  }

  find(masked: string, from: number, to: number): CompanyMention[] {
    const text = masked.slice(from, to);
    const out: CompanyMention[] = [];
    for (const m of text.matchAll(this.re)) {
      out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], ticker: this.names.get(m[0])!, isGroup: false });
    }
    if (this.groupRe) {
      for (const m of text.matchAll(this.groupRe)) {
        const key = m[0].replace(/^the\s+/i, '').toLowerCase();
        out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], ticker: this.groupNames.get(key)!, isGroup: true });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** The group all of whose members are among `tickers`, if any. */
  groupOf(tickers: string[]): Company | null {
    return this.groups.find((g) => g.members.every((m) => tickers.includes(m))) ?? null;
  }

  /**
   * Who a figure is about. Mentions in its clause win over mentions elsewhere in the sentence;
   * with none, the subject is carried from earlier sentences ("the company", "their").
   */
  subjectFor(masked: string, q: Span | null, clause: Span, sentence: Span, mentions: CompanyMention[], carried: SubjectRef | null): SubjectRef | null {
    const inClause = mentions.filter((m) => m.start >= clause.start && m.end <= clause.end);
    const pool = inClause.length ? inClause : mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (pool.length === 0) return carried ? { ...carried, carried: true } : null;
    const words = masked.slice(pool[0]!.start, pool[pool.length - 1]!.end);
    const group = pool.find((m) => m.isGroup);
    if (group) return { tickers: [group.ticker], combined: true, words: group.text, carried: false };
    const tickers = [...new Set(pool.map((m) => m.ticker))];
    const all = this.groupOf(tickers);
    if (all && tickers.length === all.members.length) return { tickers: [all.ticker], combined: true, words, carried: false };
    if (tickers.length === 1) return { tickers, combined: false, words: pool[0]!.text, carried: false };
    const scope = inClause.length ? clause : sentence;
    if (COMBINED.test(masked.slice(scope.start, scope.end))) return { tickers, combined: true, words, carried: false };
    // Several companies, not added together: the figure belongs to the one named nearest before it.
    const anchor = q?.start ?? clause.end;
    const before = pool.filter((m) => m.end <= anchor);
    const nearest = before.length ? before[before.length - 1]! : pool[0]!;
    return { tickers: [nearest.ticker], combined: false, words: nearest.text, carried: false };
  }

  /** What a sentence carries forward: the first company it names (or its group). */
  carryFrom(sentence: Span, mentions: CompanyMention[]): SubjectRef | null {
    const own = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (own.length === 0) return null;
    const group = own.find((m) => m.isGroup);
    const tickers = [...new Set(own.map((m) => m.ticker))];
    const all = this.groupOf(tickers);
    if (group || (all && tickers.length === all.members.length)) {
      const t = group?.ticker ?? all!.ticker;
      return { tickers: [t], combined: true, words: group?.text ?? own.map((m) => m.text).join(', '), carried: true };
    }
    return { tickers: [own[0]!.ticker], combined: false, words: own[0]!.text, carried: true };
  }
}
