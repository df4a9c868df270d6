// Which listing a share-price sentence is about. "Hong Kong-listed shares dipped 3%" is about
// the Hong Kong line, "its ADRs rose 5%" about the New York one; the listings' own words
// (data/listings.csv) decide, the one nearest the figure winning when a sentence names two. In a
// sentence with several price figures ("Hong Kong shares rose 3% and its ADRs 2%") a market's
// words belong to the figure nearest them, so one figure never takes another's market.
// The claim's clause is read first (the listing is `stated`), then its sentence (`carried` from
// earlier or later in it); a sentence that names no market means the company's primary listing,
// `inferred`, which the verifier treats as a guess.
import type { Listing } from '../model/listing.js';
import type { Claim, How } from './claim.js';

export interface ListingChoice {
  listing: Listing;
  /** The words that named it, or null when the primary listing was taken by default. */
  words: string | null;
  how: Extract<How, 'stated' | 'carried' | 'inferred'>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every mention of a listing's words in `text`, with where it starts. */
function mentions(text: string, listings: readonly Listing[]): { listing: Listing; words: string; at: number }[] {
  const found: { listing: Listing; words: string; at: number }[] = [];
  for (const l of listings) {
    for (const w of l.words) {
      // Whole words; "ADRs" and "ADR" are listed separately, and a hyphen continues a word ("Hong Kong-listed").
      const re = new RegExp(`(?<![\\w-])${escape(w)}(?![\\w-])`, 'gi');
      for (const m of text.matchAll(re)) found.push({ listing: l, words: m[0], at: m.index });
    }
  }
  return found;
}

/** `rivals`: where the sentence's other share-price figures stand (offsets into the article). */
export function chooseListing(claim: Pick<Claim, 'text' | 'start' | 'sentence' | 'quantity'>, listings: readonly Listing[], rivals: readonly number[] = []): ListingChoice | null {
  if (!listings.length) return null;
  const figureAt = claim.quantity ? claim.quantity.start : claim.start;
  const nearest = (all: ReturnType<typeof mentions>, offset: number, length: number, how: 'stated' | 'carried'): ListingChoice | null => {
    const distance = (m: { at: number }, to: number) => Math.abs(m.at + offset - to);
    // Only the figures in the same words compete for a market named there.
    const here = rivals.filter((r) => r >= offset && r < offset + length);
    const found = all.filter((m) => here.every((r) => distance(m, figureAt) <= distance(m, r)));
    // The longest words first at one place ("Hong Kong-listed" over "Hong Kong"), then the nearest to the figure.
    const best = [...found].sort((a, b) => Math.abs(a.at + offset - figureAt) - Math.abs(b.at + offset - figureAt) || b.words.length - a.words.length)[0];
    return best ? { listing: best.listing, words: best.words, how } : null;
  };
  const inClause = nearest(mentions(claim.text, listings), claim.start, claim.text.length, 'stated');
  if (inClause) return inClause;
  const inSentence = nearest(mentions(claim.sentence.text, listings), claim.sentence.start, claim.sentence.text.length, 'carried');
  if (inSentence) return inSentence;
  const primary = listings.find((l) => l.primary) ?? listings[0]!;
  return { listing: primary, words: null, how: 'inferred' };
}
