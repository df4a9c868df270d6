// Converts reporting currencies to USD at the rate a company states for the period end
// (Alibaba's convenience translation), and says which rate it used.
import type { FactFigure, SourceRef } from '../model/fact.js';
import type { FxUse } from '../model/series.js';

export const FX_METRIC = 'fx_convenience_rate';
/** A rate counts for a period end when stated within this many days of it. */
const MAX_DAYS_FROM_PERIOD_END = 10;

export class FxTable {
  private readonly rates = new Map<string, FactFigure[]>();

  /** `cite` makes the citation of the rate a conversion uses. */
  constructor(
    facts: FactFigure[],
    private readonly cite: (f: FactFigure) => SourceRef,
  ) {
    for (const f of facts) {
      if (f.metric !== FX_METRIC) continue;
      const from = f.unit.split('/')[0]!;
      const list = this.rates.get(from) ?? [];
      list.push(f);
      this.rates.set(from, list);
    }
  }

  /** The rate (units of `from` per USD) for a period ending on `date`, preferring stated over derived rates. */
  rateFor(from: string, date: string): FxUse | null {
    const t = Date.parse(date + 'T00:00:00Z');
    const candidates = (this.rates.get(from) ?? [])
      .map((f) => ({ f, days: Math.abs(Date.parse(f.periodEnd + 'T00:00:00Z') - t) / 86400000 }))
      .filter((c) => c.days <= MAX_DAYS_FROM_PERIOD_END)
      .sort((a, b) => (a.f.basis === 'actual' ? 0 : 1) - (b.f.basis === 'actual' ? 0 : 1) || a.days - b.days || Number(b.f.preferred) - Number(a.f.preferred));
    const best = candidates[0]?.f;
    return best ? { pair: `${from}/USD`, rate: best.value, date: best.periodEnd, source: this.cite(best) } : null;
  }
}
