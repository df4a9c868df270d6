import { describe, expect, it } from 'vitest';
import { extractMoney } from '../../src/check/extract-money.js';
import { extractPercent } from '../../src/check/extract-percent.js';
import { judge, testFor } from '../../src/check/tolerance.js';
import type { Quantity } from '../../src/check/claim.js';

const m = (s: string) => extractMoney(s, 0, s.length)[0]!;
const p = (s: string) => extractPercent(s, 0, s.length)[0]!;
const verdict = (q: Quantity, actual: number, sign: 1 | -1 = 1) => judge(testFor(q, sign), actual).verdict;

describe('tolerance', () => {
  it('supports a figure equal within the precision it states, and calls it close within 2%', () => {
    expect(verdict(m('$38.6 billion'), 38.64e9)).toBe('supported');
    expect(verdict(m('$38.6 billion'), 38.381e9)).toBe('close');
    expect(verdict(m('$38.6 billion'), 36e9)).toBe('contradicted');
    expect(verdict(m('$53 billion'), 52.6e9)).toBe('supported');
  });

  it('treats percentages in points: "8%" is 7.5–8.5, close within 1 point', () => {
    expect(verdict(p('8% rise'), 7.61)).toBe('supported');
    expect(verdict(p('8% rise'), 7.2)).toBe('close');
    expect(verdict(p('8% rise'), 5)).toBe('contradicted');
    // "fell by about 13%" against a rise of 17.7%.
    expect(verdict(p('fell by about 13%'), 17.7, -1)).toBe('contradicted');
    expect(verdict(p('fell by about 13%'), -12.1, -1)).toBe('supported');
  });

  it('checks bounds and ranges', () => {
    expect(verdict(m('over $320 billion'), 376e9)).toBe('supported');
    expect(verdict(m('over $320 billion'), 316e9)).toBe('close');
    expect(verdict(m('over $320 billion'), 250e9)).toBe('contradicted');
    expect(verdict(m('$91–93 billion'), 91.45e9)).toBe('supported');
    expect(verdict(m('$91–93 billion'), 95e9)).toBe('contradicted');
  });

  it('inverts negations: "did not reach $70 billion" is supported by $69.7 billion', () => {
    const q = { ...m('$70 billion'), negated: true, shortOf: true };
    expect(verdict(q, 69.691e9)).toBe('supported');
    expect(verdict(q, 75e9)).toBe('contradicted');
    const not = { ...m('$40 billion'), negated: true };
    expect(verdict(not, 44.5e9)).toBe('supported');
    expect(verdict(not, 40.2e9)).toBe('contradicted');
  });

  it('shows the difference in the claim’s terms', () => {
    expect(judge(testFor(m('280.2 billion yuan')), 280.154e9).difference.display).toBe('-RMB 0.046B (-0.02%)');
    expect(judge(testFor(p('8% rise')), 7.61).difference.display).toBe('-0.4 pp');
  });
});
