// The documents of record behind the points a chart shows: each filing or release once, with
// its form and filing date and which company and periods it supports. The Sources tab of every
// chart frame lists these; the CSV and JSON twins carry the same URLs per point.
import type { DocumentRef } from '../model/fact.js';
import type { SeriesResult } from '../model/series.js';
import type { GuidanceHistory } from '../series/guidance-history.js';
import type { PledgeProgress } from '../series/pledge-progress.js';

export interface ChartSource {
  url: string;
  /** 10-K, 10-Q, 8-K, 20-F, 6-K…, or null when the source is not a filing (a release, a cited article). */
  form: string | null;
  filed: string | null;
  kind: string;
  confidence: string;
  /** How far the figures were checked against the document (xbrl, filing, mapped, secondary). */
  verified: string | null;
  /** Where the figures were read, when not in the document itself. */
  readAt: string | null;
  /** "Amazon FY2024", "Amazon 2024-Q3": the points it supports. */
  covers: string[];
  /** The document as the figures cite it (what it is, verification, read-at), for documentCitation. */
  ref: DocumentRef;
  /** Whose document it is (the company a release belongs to), for its label. */
  owner: string | null;
}

/** One entry per document, newest filing first; documents without a date last. */
export function chartSources(result: SeriesResult, shown?: ReadonlySet<string>): ChartSource[] {
  const byUrl = new Map<string, ChartSource>();
  const names = new Map(result.series.map((s) => [s.ticker, s.name]));
  for (const s of result.series) {
    for (const p of s.points) {
      if (p.value === null || (shown && !shown.has(p.label))) continue;
      for (const ref of [...p.sources, ...(p.fx ? [p.fx.source] : [])]) {
        const entry = byUrl.get(ref.url) ?? { url: ref.url, form: ref.form, filed: ref.filed, kind: ref.kind, confidence: ref.confidence, verified: ref.verified ?? null, readAt: ref.readAt ?? null, covers: [], ref, owner: ('ticker' in ref ? names.get(ref.ticker) : undefined) ?? s.name };
        const what = `${s.name} ${p.label}`;
        if (!entry.covers.includes(what)) entry.covers.push(what);
        entry.form ??= ref.form;
        if (ref.filed && (!entry.filed || ref.filed > entry.filed)) entry.filed = ref.filed;
        byUrl.set(ref.url, entry);
      }
    }
  }
  return [...byUrl.values()].sort((a, b) => (b.filed ?? '').localeCompare(a.filed ?? '') || a.url.localeCompare(b.url));
}

/** The documents behind the plan-vs-actual figure: each guidance statement, each actual, the pledge and the capex counted against it. */
export function planSources(histories: GuidanceHistory[], pledge: PledgeProgress | null): ChartSource[] {
  const byUrl = new Map<string, ChartSource>();
  const add = (ref: DocumentRef & { kind?: string; confidence?: string }, what: string, owner: string) => {
    const entry = byUrl.get(ref.url) ?? { url: ref.url, form: ref.form, filed: ref.filed, kind: ref.kind ?? 'bundled', confidence: ref.confidence ?? 'high', verified: ref.verified ?? null, readAt: ref.readAt ?? null, covers: [], ref, owner };
    if (!entry.covers.includes(what)) entry.covers.push(what);
    byUrl.set(ref.url, entry);
  };
  for (const h of histories) {
    for (const step of h.steps) for (const s of step.sources) add(s, `${h.name} guidance of ${step.date}`, h.name);
    for (const s of h.actual?.sources ?? []) add(s, `${h.name} ${h.label} actual`, h.name);
  }
  if (pledge) {
    for (const s of pledge.sources) add(s, `${pledge.name}’s pledge`, pledge.name);
    for (const c of pledge.checkpoints) for (const s of c.sources) add(s, `${pledge.name} ${c.label}`, pledge.name);
  }
  return [...byUrl.values()].sort((a, b) => (b.filed ?? '').localeCompare(a.filed ?? '') || a.url.localeCompare(b.url));
}
