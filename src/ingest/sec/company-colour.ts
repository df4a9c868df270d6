// A colour for a company added from SEC. A hash of the ticker picks the starting point in a
// palette that avoids the bundled companies' Okabe-Ito colours, so a company gets the same
// colour on every machine where the same companies are tracked; a colour another tracked or
// bundled company already wears is skipped, so no two companies in one chart look alike.

export const SEC_COMPANY_PALETTE = [
  '#4E79A7', '#F28E2B', '#59A14F', '#E15759', '#76B7B2', '#EDC948',
  '#B07AA1', '#FF9DA7', '#9C755F', '#86BCB6', '#8CD17D', '#A0CBE8',
] as const;

/** FNV-1a: small, stable across platforms and Node versions. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The palette colour the ticker hashes to (bulk-created, untracked companies use it as is). */
export function companyColour(ticker: string): string {
  return SEC_COMPANY_PALETTE[fnv1a(ticker.toUpperCase()) % SEC_COMPANY_PALETTE.length]!;
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return `#${[f(0), f(8), f(4)].map((x) => x.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/**
 * A colour for `ticker` that none of `inUse` has: the palette from the ticker's hash onwards,
 * then, once the palette is used up, hues a golden angle apart at two lightnesses.
 */
export function distinctColour(ticker: string, inUse: Iterable<string>): string {
  const used = new Set([...inUse].map((c) => c.toUpperCase()));
  const start = fnv1a(ticker.toUpperCase());
  for (let i = 0; i < SEC_COMPANY_PALETTE.length; i++) {
    const c = SEC_COMPANY_PALETTE[(start + i) % SEC_COMPANY_PALETTE.length]!;
    if (!used.has(c)) return c;
  }
  for (let i = 0; ; i++) {
    const c = hslHex((start % 360) + i * 137.508, 0.55, i % 2 ? 0.38 : 0.52);
    if (!used.has(c)) return c;
  }
}
