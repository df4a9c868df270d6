// SYNTHETIC daily prices in the price source's real CSV format (Stooq: Date,Open,High,Low,Close,
// Volume, oldest first, ISO dates), for tests and local demos only: no real price is bundled.
// A seeded random walk over weekdays (less a few fixed holidays) that passes exactly through
// the anchor closes a test states, so a test can say "the close of 2024-12-31 is 80 and of
// 2025-02-28 is 136" and know the true change is +70%.
import { mulberry32 } from '../../scripts/make-synthetic-companyfacts.js';

export interface SyntheticPricesOptions {
  /** First and last calendar day (ISO); only weekdays that are not holidays get a row. */
  from: string;
  to: string;
  /** Exact closes on given trading days; the first anchor also fixes the level before it. */
  anchors: Record<string, number>;
  /** Daily volatility of the walk between anchors (0.02 = 2%). */
  volatility?: number;
  seed?: number;
  /** Days without trading besides weekends (MM-DD, every year). */
  holidays?: string[];
}

export interface SyntheticRow {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function tradingDays(from: string, to: string, holidays: string[] = ['01-01', '12-25']): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || holidays.includes(iso.slice(5))) continue;
    days.push(iso);
  }
  return days;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function syntheticPrices(o: SyntheticPricesOptions): SyntheticRow[] {
  const days = tradingDays(o.from, o.to, o.holidays);
  const random = mulberry32(o.seed ?? 7);
  const vol = o.volatility ?? 0.015;
  const anchors = Object.entries(o.anchors).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [d] of anchors) if (!days.includes(d)) throw new Error(`synthetic prices: anchor ${d} is not a trading day`);
  if (!anchors.length) throw new Error('synthetic prices: give at least one anchor close');
  const logClose = new Array<number>(days.length);
  // Before the first anchor and after the last: a free walk from the anchor.
  const first = days.indexOf(anchors[0]![0]);
  logClose[first] = Math.log(anchors[0]![1]);
  for (let i = first - 1; i >= 0; i--) logClose[i] = logClose[i + 1]! - vol * normal(random);
  // Between anchors: a Brownian bridge in log price, exact at both ends.
  for (let k = 1; k < anchors.length; k++) {
    const a = days.indexOf(anchors[k - 1]![0]);
    const b = days.indexOf(anchors[k]![0]);
    const la = Math.log(anchors[k - 1]![1]);
    const lb = Math.log(anchors[k]![1]);
    const walk = [0];
    for (let i = a + 1; i <= b; i++) walk.push(walk.at(-1)! + vol * normal(random));
    const n = b - a;
    for (let i = 0; i <= n; i++) logClose[a + i] = la + ((lb - la) * i) / n + walk[i]! - (walk[n]! * i) / n;
  }
  const last = days.indexOf(anchors.at(-1)![0]);
  for (let i = last + 1; i < days.length; i++) logClose[i] = logClose[i - 1]! + vol * normal(random);
  const byDate = new Map(anchors);
  return days.map((date, i) => {
    const close = byDate.get(date) ?? round(Math.exp(logClose[i]!));
    const open = round(close * (1 + vol * 0.5 * normal(random)));
    const high = round(Math.max(open, close) * (1 + Math.abs(vol * 0.5 * normal(random))));
    const low = round(Math.min(open, close) * (1 - Math.abs(vol * 0.5 * normal(random))));
    return { date, open, high, low, close, volume: Math.round(5_000_000 + 20_000_000 * random()) };
  });
}

/** The rows as the source sends them. */
export function toPriceCsv(rows: SyntheticRow[], eol = '\r\n'): string {
  return ['Date,Open,High,Low,Close,Volume', ...rows.map((r) => `${r.date},${r.open},${r.high},${r.low},${r.close},${r.volume}`)].join(eol) + eol;
}
