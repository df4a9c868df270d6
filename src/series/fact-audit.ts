// Where live SEC data and the bundled verified figures disagree: for each company, metric and
// period (basis actual, same unit), the current SEC version against the bundled preferred row.
// Periods match the way the series engine matches them (end month and length in months), so a
// 52/53-week filer's 2024-09-28 lines up with a bundled 2024-09-30.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { StoredFact } from '../model/fact.js';
import { listFacts } from '../store/facts-repository.js';
import { rankVersions } from './fact-index.js';
import { monthIndexOf, monthsBetween } from './months.js';

export interface AuditRow {
  ticker: string;
  metric: string;
  periodStart: string | null;
  periodEnd: string;
  unit: string;
  secValue: number;
  bundledValue: number;
  /** |sec − bundled| / |bundled| × 100; Infinity when bundled is zero and SEC is not. */
  differencePct: number;
  sec: { factId: number; concept: string | null; form: string | null; accession: string | null; filed: string | null; url: string };
  bundled: { factId: number; confidence: string; url: string; note: string | null };
}

export interface AuditRequest {
  /** Company tickers (already resolved); all companies when empty. */
  tickers?: string[];
  /** Smallest difference to report, in percent (default 0.5). */
  thresholdPct?: number;
}

function periodKey(f: StoredFact): string {
  return f.periodStart ? `${monthIndexOf(f.periodEnd)}/${monthsBetween(f.periodStart, f.periodEnd)}` : `I${f.periodEnd}`;
}

export async function auditFacts(db: Kysely<Database>, req: AuditRequest = {}): Promise<AuditRow[]> {
  const threshold = req.thresholdPct ?? 0.5;
  const facts = await listFacts(db, { tickers: req.tickers, basis: ['actual'] });
  const groups = new Map<string, { sec: StoredFact[]; bundled: StoredFact | null }>();
  for (const f of facts) {
    const key = [f.ticker, f.metric, f.unit, periodKey(f)].join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sec: [], bundled: null }));
    if (f.sourceKind === 'sec') g.sec.push(f);
    else if (f.preferred) g.bundled = f;
  }
  const rows: AuditRow[] = [];
  for (const g of groups.values()) {
    const { bundled } = g;
    if (!g.sec.length || !bundled) continue;
    // The version the series engine shows: the newest filing unless it only rounds an earlier one.
    const sec = rankVersions(g.sec).facts[0]!;
    const diff = bundled.value === 0 ? (sec.value === 0 ? 0 : Infinity) : (Math.abs(sec.value - bundled.value) / Math.abs(bundled.value)) * 100;
    if (!(diff > threshold)) continue;
    rows.push({
      ticker: sec.ticker,
      metric: sec.metric,
      periodStart: bundled.periodStart,
      periodEnd: bundled.periodEnd,
      unit: sec.unit,
      secValue: sec.value,
      bundledValue: bundled.value,
      differencePct: diff,
      sec: { factId: sec.id, concept: sec.concept, form: sec.form, accession: sec.accession, filed: sec.filed, url: sec.sourceUrl },
      bundled: { factId: bundled.id, confidence: bundled.confidence, url: bundled.sourceUrl, note: bundled.note },
    });
  }
  return rows.sort((a, b) => a.ticker.localeCompare(b.ticker) || a.metric.localeCompare(b.metric) || a.periodEnd.localeCompare(b.periodEnd) || (a.periodStart ?? '').localeCompare(b.periodStart ?? ''));
}
