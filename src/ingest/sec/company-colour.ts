// A fixed colour for a company added from SEC, so it looks the same in every chart and on
// every machine: a hash of the ticker picks from a palette that avoids the bundled companies'
// Okabe-Ito colours.

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

export function companyColour(ticker: string): string {
  return SEC_COMPANY_PALETTE[fnv1a(ticker.toUpperCase()) % SEC_COMPANY_PALETTE.length]!;
}
