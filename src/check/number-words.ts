// Numbers written as words: "three years", "half of", "two-thirds of", "a hundred and twenty",
// "seventy-eight", "one point four", "nine-tenths", "one in five".
//
// Hand-written rather than a library: the checker must know where a number's words start and end in
// the text (to show and score the figure), and the npm packages for this (words-to-numbers and its
// fork) only rewrite a whole string, without offsets. They also miscompute scaled amounts ("two
// hundred and fifty million" → 50,000,200 in words-to-numbers 1.5.1), read no fractions ("a
// quarter" → "1 quarter", "nine-tenths" → "9-tenths") and the original pulls in babel-runtime 6.
// The grammar needed is small and closed (units, teens, tens, hundreds, "point" decimals, simple
// fractions), so it lives here as patterns with bounded repetition, which keeps extraction linear.

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const WORD_VALUES: Record<string, number> = { ...UNITS, ...TEENS, ...TENS, zero: 0, oh: 0, a: 1, an: 1 };

const CARDINALS: Record<string, number> = { ...UNITS, ...TEENS, twenty: 20, a: 1, an: 1 };

export const CARDINAL_PATTERN = Object.keys(CARDINALS).filter((w) => w.length > 2).join('|');

/** "three" → 3, "5" → 5; null for anything else. */
export function cardinal(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return CARDINALS[w] ?? null;
}

const UNIT_WORDS = Object.keys(UNITS).join('|');
const UNDER_100 = String.raw`(?:${Object.keys(TENS).join('|')})(?:[- ](?:${UNIT_WORDS}))?|${Object.keys(TEENS).join('|')}|${UNIT_WORDS}`;
/**
 * A whole number below a thousand in words, with decimals after "point": "seventy-eight", "a hundred and
 * twenty", "one point four". Each part repeats a bounded number of times, so a match costs what it covers.
 */
export const NUMBER_WORDS_PATTERN = String.raw`(?:(?:a|one|${UNIT_WORDS})\s+hundred(?:\s+(?:and\s+)?(?:${UNDER_100}))?|(?:${UNDER_100})(?:\s+point(?:\s+(?:zero|oh|${UNIT_WORDS})){1,3})?)`;

/** "a hundred and twenty" → 120, "seventy-eight" → 78, "one point four" → 1.4; null when the words are not a number. */
export function numberFromWords(words: string): number | null {
  const tokens = words.toLowerCase().split(/[\s-]+/).filter((t) => t && t !== 'and');
  let whole = 0;
  let decimals = '';
  let afterPoint = false;
  for (const t of tokens) {
    if (t === 'point') afterPoint = true;
    else if (afterPoint) {
      const d = WORD_VALUES[t];
      if (d === undefined || d > 9) return null;
      decimals += String(d);
    } else if (t === 'hundred') whole = (whole || 1) * 100;
    else if (WORD_VALUES[t] !== undefined) whole += WORD_VALUES[t]!;
    else return null;
  }
  return tokens.length ? Number(decimals ? `${whole}.${decimals}` : whole) : null;
}

/** Digits after the point as the words give them: "one point four" → 1. */
export const wordDecimals = (words: string) => (/\bpoint\b/i.test(words) ? words.split(/\bpoint\b/i)[1]!.trim().split(/[\s-]+/).length : 0);

// Fractions: "half", "a third", "two-thirds", "three quarters", "nine-tenths", "an eighth". Quarters take only "a",
// "one" and "three" ("the last two quarters" are a span of time, not a half).
const DENOMINATORS: Record<string, number> = { third: 3, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const ORDINAL = `(?:${Object.keys(DENOMINATORS).join('|')})s?`;
export const FRACTION_PATTERN = String.raw`half|(?:a|an|one|three)[-\s]quarters?|(?:a|an|one|${UNIT_WORDS})[-\s]${ORDINAL}`;

/** "half" → 50, "nine-tenths" → 90, "a quarter" → 25 (percent); null for anything else. */
export function fractionPercent(words: string): number | null {
  const w = words.toLowerCase().trim();
  if (w === 'half') return 50;
  const m = /^(\w+)[-\s]+(\w+?)s?$/.exec(w);
  if (!m) return null;
  const numerator = m[1] === 'a' || m[1] === 'an' ? 1 : UNITS[m[1]!];
  const denominator = m[2] === 'quarter' ? 4 : DENOMINATORS[m[2]!];
  if (numerator === undefined || denominator === undefined || numerator >= denominator) return null;
  return (numerator / denominator) * 100;
}

/** A fraction of a scale word: "half a trillion", "a quarter of a billion", "three quarters of a million". */
export const FRACTION_OF_PATTERN = String.raw`half\s+an?|(?:a|one|three)[-\s]quarters?\s+of\s+an?`;
/** "half a" → 0.5, "a quarter of a" → 0.25. */
export function fractionOf(words: string): number | null {
  const w = words.toLowerCase().replace(/\s+of\s+an?$|\s+an?$/, '');
  const p = fractionPercent(w);
  return p === null ? null : p / 100;
}

/**
 * "one in five", "one dollar in every three", "four of every five", "three out of four", "one yuan in eight":
 * a share given as parts of a whole. "of" alone ("two of three analysts") needs "every" or "out of" to be one.
 */
export const RATIO_PATTERN = String.raw`\b(?<part>${UNDER_100})(?:\s+(?:dollars?|yuan|euros?|pounds?|cents?|renminbi))?\s+(?:in\s+(?:every\s+)?|of\s+every\s+|out\s+of\s+(?:every\s+)?)(?<whole>${UNDER_100})\b`;

/** The percent a ratio in words gives: part 1, whole 3 → 33.3. */
export function ratioPercent(part: string, whole: string): number | null {
  const p = numberFromWords(part);
  const w = numberFromWords(whole);
  return p !== null && w !== null && w > 0 && p < w ? (p / w) * 100 : null;
}
