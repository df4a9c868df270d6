// Where live SEC data and the bundled verified figures disagree: for each company, metric and
// period (basis actual, same unit), every bundled figure against the newest filed XBRL value.
// The bundled files state money in millions, so a bundled figure agrees when the XBRL value
// rounds to it; anything else is a disagreement (a rounded figure, a misread, a restatement),
// listed with the filing that was checked and, where one exists, the earlier filing that did
// state the bundled figure. Periods match the way the series engine matches them (end month and
// length in months), so a 52/53-week filer's 2024-09-28 lines up with a bundled 2024-09-30.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { documentRefOf, sourceRefOf, type DocumentRef, type StoredFact } from '../model/fact.js';
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
  sec: DocumentRef & { factId: number; concept: string | null };
  bundled: DocumentRef & { factId: number; confidence: string; preferred: boolean; note: string | null };
  /** An earlier SEC filing of the same period that states the bundled figure (the newest one restated it), or null. */
  matchesEarlierFiling: { accession: string | null; form: string | null; filed: string | null } | null;
}

export interface AuditRequest {
  /** Company tickers (already resolved); all companies when empty. */
  tickers?: string[];
  /** Smallest difference to report, in percent (default 0: every disagreement). */
  thresholdPct?: number;
  /** Also compare the bundled alternative rows, not only the preferred ones. */
  alternatives?: boolean;
}

function periodKey(f: StoredFact): string {
  return f.periodStart ? `${monthIndexOf(f.periodEnd)}/${monthsBetween(f.periodStart, f.periodEnd)}` : `I${f.periodEnd}`;
}

/** Money in the bundled files is in millions: an XBRL value agrees when it rounds to the bundled figure. */
function agrees(sec: number, bundled: number, unit: string): boolean {
  if (/^[A-Z]{3}$/.test(unit)) return Math.round(sec / 1e6) * 1e6 === bundled;
  return Math.abs(sec - bundled) <= 1e-9 * Math.max(1, Math.abs(bundled));
}

export async function auditFacts(db: Kysely<Database>, req: AuditRequest = {}): Promise<AuditRow[]> {
  const threshold = req.thresholdPct ?? 0;
  const facts = await listFacts(db, { tickers: req.tickers, basis: ['actual'] });
  const groups = new Map<string, { sec: StoredFact[]; bundled: StoredFact[] }>();
  for (const f of facts) {
    const key = [f.ticker, f.metric, f.unit, periodKey(f)].join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sec: [], bundled: [] }));
    if (f.sourceKind === 'sec') g.sec.push(f);
    else if (f.preferred || req.alternatives) g.bundled.push(f);
  }
  const rows: AuditRow[] = [];
  for (const { sec: versions, bundled: figures } of groups.values()) {
    if (!versions.length || !figures.length) continue;
    // The version the series engine shows (the newest filing unless it only rounds an earlier one), then the others, newest first.
    const byFiled = rankVersions(versions).facts;
    const sec = byFiled[0]!;
    for (const bundled of figures) {
      if (agrees(sec.value, bundled.value, sec.unit)) continue;
      const diff = bundled.value === 0 ? Infinity : (Math.abs(sec.value - bundled.value) / Math.abs(bundled.value)) * 100;
      if (threshold > 0 && !(diff > threshold)) continue;
      const earlier = byFiled.slice(1).find((v) => agrees(v.value, bundled.value, v.unit));
      rows.push({
        ticker: sec.ticker,
        metric: sec.metric,
        periodStart: bundled.periodStart,
        periodEnd: bundled.periodEnd,
        unit: sec.unit,
        secValue: sec.value,
        bundledValue: bundled.value,
        differencePct: diff,
        sec: { factId: sec.id, concept: sec.concept, ...documentRefOf(sourceRefOf(sec)) },
        bundled: { factId: bundled.id, confidence: bundled.confidence, preferred: bundled.preferred, note: bundled.note, ...documentRefOf(sourceRefOf(bundled)) },
        matchesEarlierFiling: earlier ? { accession: earlier.accession, form: earlier.form, filed: earlier.filed } : null,
      });
    }
  }
  return rows.sort((a, b) => a.ticker.localeCompare(b.ticker) || a.metric.localeCompare(b.metric) || a.periodEnd.localeCompare(b.periodEnd) || (a.periodStart ?? '').localeCompare(b.periodStart ?? '') || Number(b.bundled.preferred) - Number(a.bundled.preferred));
}
