// How precisely the checker shows its own figure: two more decimals than the claim states, so a
// rounding difference is visible ("$38.62B" against a claimed "$38.6 billion").
export function evidenceDecimals(claimDecimals: number, unit: string): number {
  return unit === 'percent' || unit === 'pp' ? Math.min(2, claimDecimals + 1) : Math.min(3, claimDecimals + 2);
}
