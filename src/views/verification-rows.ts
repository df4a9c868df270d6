// The verification mix as flat rows: the one shape behind `airace sources --format csv|table` and
// the methodology page's table and CSV twin.
import { SOURCE_KINDS, VERIFICATION_LEVELS } from '../model/fact.js';
import { DOCUMENT_KINDS, type VerificationMix } from '../series/verification-mix.js';

export const VERIFICATION_COLUMNS = [
  'ticker', 'name', 'figures',
  ...VERIFICATION_LEVELS.map((l) => `verified_${l}`),
  ...DOCUMENT_KINDS.map((k) => `document_${k.replace('-', '_')}`),
  ...SOURCE_KINDS.map((k) => `origin_${k}`),
] as const;

/** One row per company: counts as shares of its figures, 0..1 with 4 decimals. */
export function verificationRows(mixes: readonly VerificationMix[]): (string | number)[][] {
  const share = (s: { share: number }) => Math.round(s.share * 1e4) / 1e4;
  return mixes.map((m) => [
    m.ticker, m.name, m.figures,
    ...VERIFICATION_LEVELS.map((l) => share(m.byLevel[l])),
    ...DOCUMENT_KINDS.map((k) => share(m.byDocument[k])),
    ...SOURCE_KINDS.map((k) => share(m.byOrigin[k])),
  ]);
}

/** "38%" for tables. */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}
