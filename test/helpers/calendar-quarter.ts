// The calendar quarter (and year) holding most days of a period, counted day by day: the rule
// SEC's frames follow. Tests use it to label fiscal periods independently of the engine.
const DAY = 86_400_000;

function mostDays(start: string, end: string, bucket: (d: Date) => string): string {
  const count = new Map<string, number>();
  for (let t = Date.parse(start); t <= Date.parse(end); t += DAY) {
    const key = bucket(new Date(t));
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].sort((a, b) => b[1] - a[1])[0]![0];
}

/** "2025-Q1" */
export function majorityQuarter(start: string, end: string): string {
  return mostDays(start, end, (d) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
}

export function majorityYear(start: string, end: string): number {
  return Number(mostDays(start, end, (d) => String(d.getUTCFullYear())));
}
