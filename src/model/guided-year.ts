// Which year a guidance statement is about. data/events.csv has no period column, so a
// guidance event with an amount names its year in its title ("... 2025 capex ...", "FY2025");
// the loader rejects one that does not, so the guidance history never guesses.

export interface GuidedYear {
  /** The year the guided period ends in. */
  year: number;
  /** True for "FY2025": the company's own fiscal year; false for a plain "2025". */
  fiscal: boolean;
}

/** The first year a title names (2025 or FY2025), or null. */
export function guidedYearOf(title: string): GuidedYear | null {
  const m = /\b(FY)?(20\d\d)\b/.exec(title);
  return m ? { year: Number(m[2]), fiscal: m[1] !== undefined } : null;
}
