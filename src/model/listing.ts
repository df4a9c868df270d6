// Where a company's shares trade. A company can have several listings (Alibaba: the NYSE ADR
// BABA and the Hong Kong shares 9988.HK), each priced in its own currency; a sentence about
// "Hong Kong-listed shares" means one of them, and the listing's words say which.

export interface Listing {
  /** airace's name for the listing: BABA, 9988.HK. */
  id: string;
  /** The company's ticker in the store. */
  ticker: string;
  /** The price source's symbol: baba.us, 9988.hk. */
  symbol: string;
  /** NYSE, Nasdaq, HKEX. */
  exchange: string;
  /** ISO country of the exchange. */
  country: string;
  /** ISO currency the listing trades in (its prices are never converted). */
  currency: string;
  /** `ordinary`, `ADR`, `class A`... */
  kind: string;
  /** The listing a sentence means when it names none (the company's main line, usually its ticker). */
  primary: boolean;
  /** Words that name this listing in a sentence, matched whole and case-insensitively. */
  words: string[];
  note: string | null;
  /** `bundled` (data/listings.csv, reviewed) or `inferred` (an SEC filer's ticker on a US exchange). */
  sourceKind: 'bundled' | 'inferred';
}

/** "BABA (NYSE ADR)", "9988.HK (HKEX)": how a listing is named to readers. */
export function listingLabel(l: Pick<Listing, 'id' | 'exchange' | 'kind'>): string {
  return `${l.id} (${l.exchange}${l.kind === 'ordinary' ? '' : ` ${l.kind}`})`;
}
