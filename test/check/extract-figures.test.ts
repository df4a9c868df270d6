import { describe, expect, it } from 'vitest';
import { extractMoney } from '../../src/check/extract-money.js';
import { extractPercent } from '../../src/check/extract-percent.js';
import { negationBefore } from '../../src/check/extract-hedges.js';

const money = (s: string) => extractMoney(s, 0, s.length);
const percent = (s: string) => extractPercent(s, 0, s.length);

describe('extractMoney', () => {
  it.each([
    ['revenue of 280.2 billion yuan', 280.2e9, 'CNY', 0.05e9],
    ['a $53 billion commitment', 53e9, 'USD', 0.5e9],
    ['RMB 380 billion over three years', 380e9, 'CNY', 0.5e9],
    ['US$38.6bn in the quarter', 38.6e9, 'USD', 0.05e9],
    ['¥5 billion', 5e9, 'CNY', 0.5e9],
    ['USD 12bn', 12e9, 'USD', 0.5e9],
    ['$1,234 million', 1234e6, 'USD', 0.5e6],
    ['12 billion US dollars', 12e9, 'USD', 0.5e9],
  ])('reads %s', (text, value, unit, precision) => {
    const [q] = money(text);
    expect(q).toMatchObject({ value, unit, bound: 'exact', high: null });
    expect(q!.precision).toBeCloseTo(precision);
  });

  it('reads a hedge as a bound: "over $320 billion" is a lower bound, "about" an approximation', () => {
    expect(money('planned to spend over $320 billion')[0]).toMatchObject({ value: 320e9, bound: 'lower', hedge: 'over' });
    expect(money('less than $10 billion')[0]).toMatchObject({ bound: 'upper', hedge: 'less than' });
    expect(money('about $83 billion')[0]).toMatchObject({ bound: 'approx', hedge: 'about' });
  });

  it('reads ranges, and keeps "from $X to $Y" as two figures', () => {
    expect(money('guided to $91–93 billion')[0]).toMatchObject({ value: 91e9, high: 93e9, bound: 'range' });
    expect(money('between $60 billion and $65 billion')[0]).toMatchObject({ value: 60e9, high: 65e9, bound: 'range' });
    const two = money('rose from $52.5 billion to $91.4 billion');
    expect(two.map((q) => q.value)).toEqual([52.5e9, 91.4e9]);
    expect(two.every((q) => q.bound === 'exact')).toBe(true);
  });

  it('reads an outflow, a loss or a minus sign as a negative amount, turning a bound with the sign', () => {
    expect(money('free cash flow was an outflow of $4.1 billion')[0]).toMatchObject({ bound: 'exact' });
    expect(money('free cash flow was an outflow of $4.1 billion')[0]!.value).toBeCloseTo(-4.1e9, -3);
    expect(money('cash flow was negative RMB 12.5 billion')[0]).toMatchObject({ value: -12.5e9, unit: 'CNY' });
    expect(money('it posted a $2 billion loss')[0]).toMatchObject({ value: -2e9 });
    expect(money('free cash flow of –$3.2bn')[0]).toMatchObject({ value: -3.2e9 });
    expect(money('a net loss of more than $1 billion')[0]).toMatchObject({ value: -1e9, bound: 'upper' });
    // A difference or a fall is not a negative amount.
    expect(money('capex was down by $3 billion').map((q) => q.value)).toEqual([3e9]);
    expect(money('the range $91–93 billion')[0]).toMatchObject({ value: 91e9, high: 93e9 });
  });

  it('gives offsets that point at the figure', () => {
    const text = 'booked 280.2 billion yuan (US$38.4 billion), and more';
    const qs = money(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['280.2 billion yuan', 'US$38.4 billion']);
  });

  it('ignores bare numbers and percentages', () => {
    expect(money('In 2024 the 21st-century firm grew 8% with 3 products')).toEqual([]);
  });
});

describe('extractPercent', () => {
  it.each([
    ['sales showed an 8% rise', 8, 'up'],
    ['the stock, soaring 70% since January', 70, 'up'],
    ['capex fell by about 13% in fiscal 2023', 13, 'down'],
    ['sales were up 58%', 58, 'up'],
    ['a 13% year-over-year drop', 13, 'down'],
  ])('reads the change in %s', (text, value, direction) => {
    expect(percent(text)[0]).toMatchObject({ value, direction, unit: 'percent' });
  });

  it('reads shares without a direction, including words such as "half of"', () => {
    expect(percent('robots might handle 80% of warehouse tasks')[0]).toMatchObject({ value: 80, direction: null });
    expect(percent('might touch half of global output')[0]).toMatchObject({ value: 50, hedge: 'half', direction: null });
  });

  it('reads "2.5 times the March quarter" and "two and a half times what it spent" as multiples, not "three times in 2025" or "30x earnings"', () => {
    expect(percent('capex was 2.5 times the March quarter')).toMatchObject([{ kind: 'multiple', value: 2.5, direction: 'up' }]);
    expect(percent('more than two and a half times what it spent')).toMatchObject([{ kind: 'multiple', value: 2.5, bound: 'lower' }]);
    expect(percent('roughly 1.8x the year before')[0]).toMatchObject({ kind: 'multiple', value: 1.8 });
    expect(percent('it raised its outlook three times in 2025')).toEqual([]);
    expect(percent('the shares trade at 30x earnings')).toEqual([]);
  });

  it('reads a sign on the figure as its direction, and "a year earlier" after it as no rate a year', () => {
    expect(percent('capex +22.6% q/q')[0]).toMatchObject({ direction: 'up' });
    expect(percent('margin (-3.1%) y/y')[0]).toMatchObject({ direction: 'down' });
    expect(percent('against 18 per cent a year earlier')[0]).toMatchObject({ perYear: false, direction: null });
    expect(percent('growing 30% a year')[0]).toMatchObject({ perYear: true });
  });

  it('states the precision of what is written: "8%" ±0.5, "7.6%" ±0.05', () => {
    expect(percent('8% rise')[0]!.precision).toBe(0.5);
    expect(percent('7.6% rise')[0]!.precision).toBeCloseTo(0.05);
  });
});

describe('negationBefore', () => {
  it('tells "did not reach" (the truth is below) from "was not" (the truth differs)', () => {
    expect(negationBefore('capex did not reach ')).toEqual({ negated: true, shortOf: true });
    expect(negationBefore('net income was not ')).toEqual({ negated: true, shortOf: false });
    expect(negationBefore('revenue fell short of ')).toEqual({ negated: true, shortOf: true });
  });

  it('ignores "not just" and negations far from the figure', () => {
    expect(negationBefore('the news is not only its results but a ')).toEqual({ negated: false, shortOf: false });
    expect(negationBefore('it did not say much about why the company, in the end, spent ')).toEqual({ negated: false, shortOf: false });
  });
});
