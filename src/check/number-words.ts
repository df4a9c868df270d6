// Numbers written as words: "three years", "half of", "two-thirds of".

const CARDINALS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, a: 1, an: 1,
};

export const CARDINAL_PATTERN = Object.keys(CARDINALS).filter((w) => w.length > 2).join('|');

/** "three" → 3, "5" → 5; null for anything else. */
export function cardinal(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return CARDINALS[w] ?? null;
}

const FRACTIONS: Record<string, number> = {
  half: 50,
  'a third': 100 / 3,
  'one third': 100 / 3,
  'one-third': 100 / 3,
  'a quarter': 25,
  'one quarter': 25,
  'one-quarter': 25,
  'two thirds': 200 / 3,
  'two-thirds': 200 / 3,
  'three quarters': 75,
  'three-quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'one-fifth': 20,
  'a tenth': 10,
  'one tenth': 10,
};

export const FRACTION_PATTERN = Object.keys(FRACTIONS).sort((a, b) => b.length - a.length).map((f) => f.replace(' ', '\\s+')).join('|');

/** "half" → 50 (percent). */
export function fractionPercent(words: string): number | null {
  return FRACTIONS[words.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}
