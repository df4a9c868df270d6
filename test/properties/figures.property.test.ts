// Format → parse round trips on generated values: what airace writes (charts, tables, reports) must
// read back, through the checker's own readers, as the figure it stands for, to the precision shown.
// And markup masking, on generated markdown: offsets kept, markup and link targets gone, prose intact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFigure, formatMoney, formatPercent } from '../../src/model/format-figure.js';
import { extractMoney } from '../../src/check/extract-money.js';
import { extractPercent } from '../../src/check/extract-percent.js';
import { maskMarkup } from '../../src/check/mask-markup.js';

const currency = fc.constantFrom('USD', 'CNY');
/** Amounts from a thousand dollars to a few trillion, as reported (whole units). */
const amount = fc.integer({ min: 3, max: 12 }).chain((digits) => fc.integer({ min: 10 ** (digits - 1), max: 10 ** digits - 1 }));

/** The one money figure read from `text`. */
function readMoney(text: string) {
  const found = extractMoney(text, 0, text.length);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('money round trips', () => {
  it('reads a chart label back as the amount, within half its last digit', () => {
    fc.assert(
      fc.property(amount, currency, (value, unit) => {
        const text = formatMoney(value, unit);
        const q = readMoney(text);
        expect(q.unit, text).toBe(unit);
        expect(Math.abs(q.value - value), text).toBeLessThanOrEqual(q.precision + 1e-6 * value);
      }),
    );
  });

  it('reads a report figure back at every number of decimals it is written with', () => {
    fc.assert(
      fc.property(amount, currency, fc.integer({ min: 0, max: 3 }), (value, unit, decimals) => {
        const text = formatFigure(value, unit, decimals);
        const q = readMoney(text);
        expect(q.unit, text).toBe(unit);
        expect(Math.abs(q.value - value), text).toBeLessThanOrEqual(q.precision + 1e-6 * value);
        if (value >= 1e6) expect(q.decimals, text).toBe(decimals);
      }),
    );
  });

  it('reads a figure inside a sentence the same as alone', () => {
    fc.assert(
      fc.property(amount, currency, (value, unit) => {
        const figure = formatFigure(value, unit, 1);
        const sentence = `Capital expenditure reached ${figure} in the year.`;
        const q = readMoney(sentence);
        expect(sentence.slice(q.start, q.end)).toBe(figure);
        expect(q.value).toBe(readMoney(figure).value);
      }),
    );
  });
});

describe('percentage round trips', () => {
  const percent = fc.double({ min: 0, max: 999, noNaN: true, noDefaultInfinity: true });

  it('reads a formatted percentage back within half its last digit', () => {
    fc.assert(
      fc.property(percent, fc.integer({ min: 0, max: 2 }), (value, digits) => {
        const text = formatPercent(value, digits);
        const found = extractPercent(text, 0, text.length);
        expect(found, text).toHaveLength(1);
        expect(found[0]!.unit).toBe('percent');
        expect(Math.abs(found[0]!.value - value), text).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
      }),
    );
  });

  it('reads the report’s percent figures the same way', () => {
    fc.assert(
      fc.property(percent, fc.integer({ min: 0, max: 2 }), (value, digits) => {
        const text = `Revenue grew ${formatFigure(value, 'percent', digits)} from a year earlier.`;
        const found = extractPercent(text, 0, text.length);
        expect(found, text).toHaveLength(1);
        expect(Math.abs(found[0]!.value - value), text).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
      }),
    );
  });
});

describe('markup masking', () => {
  /** Prose without markdown, HTML or URLs: words, digits, money and common punctuation. */
  const word = fc.stringMatching(/^(?:[A-Za-z]{1,10}|\$?\d{1,3}(?:\.\d)?%?|[.,;:!?()'"–-])$/);
  const prose = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  const url = fc.tuple(fc.constantFrom('https://', 'http://', 'https://www.'), fc.stringMatching(/^[a-z]{1,8}$/), fc.array(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { maxLength: 4 }))
    .map(([scheme, host, path]) => `${scheme}${host}.com/${path.join('/')}`);
  /** A link target: a URL, or a relative path such as /2025/02/results that only the link syntax marks. */
  const target = fc.oneof(url, fc.array(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { minLength: 1, maxLength: 4 }).map((path) => `/${path.join('/')}`));

  /** A piece of markdown, the prose it must leave readable and what it must blank, each with its offset in `md`
   *  (found by position, not by searching: the prose "a" also occurs inside `class`). */
  interface Piece {
    md: string;
    kept: { text: string; at: number }[];
    gone?: { text: string; at: number };
  }
  const wrapped = (before: string, after: string) => prose.map((p): Piece => ({ md: `${before}${p}${after}`, kept: [{ text: p, at: before.length }] }));
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    wrapped('', ''),
    wrapped('**', '**'),
    wrapped('_', '_'),
    wrapped('`', '`'),
    fc.tuple(prose, target).map(([p, u]) => ({ md: `[${p}](${u})`, kept: [{ text: p, at: 1 }], gone: { text: u, at: p.length + 3 } })),
    fc.tuple(prose, target).map(([p, u]) => ({ md: `[${p}](${u} "a title")`, kept: [{ text: p, at: 1 }], gone: { text: u, at: p.length + 3 } })),
    url.map((u) => ({ md: u, kept: [], gone: { text: u, at: 0 } })),
    wrapped('<span class="x">', '</span>'),
    wrapped('\n## ', '\n'),
    wrapped('\n> ', '\n'),
  );
  const document = fc.array(piece, { minLength: 1, maxLength: 8 });

  it('keeps every offset: the same length, line breaks where they were, other characters as they were or blanked', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), document, (noise, pieces) => {
        for (const text of [noise, pieces.map((p) => p.md).join(' ')]) {
          const masked = maskMarkup(text);
          expect(masked.length).toBe(text.length);
          const moved: number[] = [];
          for (let i = 0; i < text.length; i++) if (masked[i] !== text[i] && (masked[i] !== ' ' || text[i] === '\n')) moved.push(i);
          expect(moved, JSON.stringify(text)).toEqual([]);
        }
      }),
    );
  });

  it('leaves plain prose untouched', () => {
    fc.assert(fc.property(prose, (p) => maskMarkup(p) === p));
  });

  it('keeps the words of emphasis, links, tags, headings and quotes in place, and blanks link targets and URLs', () => {
    fc.assert(
      fc.property(document, (pieces) => {
        const text = pieces.map((p) => p.md).join(' ');
        const masked = maskMarkup(text);
        let at = 0;
        for (const p of pieces) {
          for (const kept of p.kept) expect(masked.slice(at + kept.at, at + kept.at + kept.text.length), text).toBe(kept.text);
          if (p.gone) expect(masked.slice(at + p.gone.at, at + p.gone.at + p.gone.text.length).trim(), text).toBe('');
          at += p.md.length + 1;
        }
      }),
    );
  });
});
