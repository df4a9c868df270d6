// Figures written in words, and amounts that state a scale but no currency: how each is read,
// with the bounds its hedge sets, and what must not be read as money.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMoney, impliedCurrencyNote, reportingCurrency } from '../../src/check/extract-money.js';
import { extractPercent } from '../../src/check/extract-percent.js';
import { extractCounts } from '../../src/check/extract-counts.js';
import { negationBefore } from '../../src/check/extract-hedges.js';
import { fractionPercent, numberFromWords, ratioPercent } from '../../src/check/number-words.js';
import type { Company } from '../../src/model/company.js';
import { extractClaims } from '../../src/check/extract-claims.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { bundledStore } from '../helpers/bundled-store.js';

const money = (s: string) => extractMoney(s, 0, s.length);
const percent = (s: string) => extractPercent(s, 0, s.length);
const words = (s: string, q: { start: number; end: number }) => s.slice(q.start, q.end);

describe('number words', () => {
  it.each([
    ['seventy-eight', 78],
    ['seventy eight', 78],
    ['a hundred and twenty', 120],
    ['two hundred and fifty', 250],
    ['one hundred', 100],
    ['thirteen', 13],
    ['one point four', 1.4],
    ['three point zero five', 3.05],
  ])('reads %s as %d', (text, value) => expect(numberFromWords(text)).toBe(value));

  it('reads fractions and ratios as percentages', () => {
    expect(fractionPercent('nine-tenths')).toBe(90);
    expect(fractionPercent('an eighth')).toBe(12.5);
    expect(fractionPercent('two thirds')).toBeCloseTo(66.67, 1);
    expect(fractionPercent('three-quarters')).toBe(75);
    expect(fractionPercent('five-thirds')).toBeNull();
    expect(ratioPercent('one', 'three')).toBeCloseTo(33.33, 1);
    expect(ratioPercent('four', 'ten')).toBe(40);
    expect(ratioPercent('five', 'four')).toBeNull();
  });
});

describe('money in words', () => {
  it('reads the amount, its currency and the bound its hedge sets, as for digits', () => {
    const [a] = money('they put in nearly four hundred billion dollars last year');
    expect(a).toMatchObject({ value: 400e9, unit: 'USD', bound: 'approx', hedge: 'nearly' });
    const [b] = money('spent just over half a trillion dollars on servers');
    expect(b).toMatchObject({ value: 0.5e12, unit: 'USD', bound: 'lower' });
    const [c] = money('a little under a quarter of a trillion dollars');
    expect(c).toMatchObject({ value: 0.25e12, bound: 'upper' });
    const [d] = money('revenue of sixty-one billion yuan');
    expect(d).toMatchObject({ value: 61e9, unit: 'CNY' });
    const [e] = money('pledges of two point five trillion dollars');
    expect(e).toMatchObject({ value: 2.5e12, bound: 'exact', decimals: 1 });
    expect(e!.precision).toBeCloseTo(0.05e12);
    expect(e!.unitImplied).toBeUndefined();
  });

  it('reads a whole amount in words as a round figure, hedged by its own words', () => {
    const [q] = money('sales were eighty-one billion dollars');
    expect(q).toMatchObject({ value: 81e9, bound: 'approx', hedge: 'eighty-one billion dollars' });
  });

  it('gives a figure without a currency that of the figure beside it in the sentence', () => {
    const s = 'Company A spent about forty billion dollars and company B about thirty-three billion.';
    const qs = money(s);
    expect(qs.map((q) => words(s, q))).toEqual(['forty billion dollars', 'thirty-three billion']);
    expect(qs[1]).toMatchObject({ value: 33e9, unit: 'USD', unitImplied: 'sentence', bound: 'approx' });
    const t = 'RMB 300bn of revenue, up eleven billion';
    expect(money(t)[1]).toMatchObject({ value: 11e9, unit: 'CNY', unitImplied: 'sentence' });
  });
});

describe('amounts with a scale and no currency', () => {
  it.each([
    ['- capex 12.4B, up on the year', 12.4e9, null],
    ['rev 300.5bn this quarter', 300.5e9, null],
    ['op inc 7.25B', 7.25e9, null],
    ['FY27 guide 150–160B', 150e9, 160e9],
  ])('reads “%s” as money whose currency is the company’s', (text, value, high) => {
    const [q] = money(text);
    expect(q).toMatchObject({ value, high, unitImplied: 'company', bound: high === null ? 'exact' : 'range' });
  });

  it('reads a minus sign as a negative amount', () => {
    expect(money('trailing FCF -3.3B, ouch')[0]!.value).toBeCloseTo(-3.3e9);
  });

  it('never reads a count, a capacity or a bare number as money', () => {
    for (const s of [
      'the app had 250 million users and revenue grew',
      'capex bought 2.1 million GPUs',
      'a model with 405 billion parameters',
      'capex for a 5 GW campus',
      'tens of thousands of racks',
      'my cost basis is 312 so',
      'downloads passed 300 million, the company said',
      'revenue from 1.2 billion devices',
    ]) expect(money(s), s).toEqual([]);
    // The count stays a count, and so do compute and power.
    expect(extractCounts('a model with 405 billion parameters', 0, 36)[0]).toMatchObject({ value: 405e9, unit: 'parameters' });
    const fleet = 'an installed base of 2.4 million H100-equivalents on a 3 GW campus';
    expect(extractCounts(fleet, 0, fleet.length).map((q) => [q.value, q.unit])).toEqual([[2.4e6, 'gpus'], [3, 'gw']]);
  });

  it('takes the reporting currency of the company the claim is about, and says so', () => {
    const companies = [
      { ticker: 'BABA', kind: 'company', currency: 'CNY' },
      { ticker: 'AMZN', kind: 'company', currency: 'USD' },
      { ticker: 'GROUP4', kind: 'group', currency: 'USD' },
    ] as Company[];
    expect(reportingCurrency(['BABA'], companies)).toBe('CNY');
    expect(reportingCurrency(['GROUP4'], companies)).toBe('USD');
    expect(reportingCurrency(['BABA', 'AMZN'], companies)).toBeNull();
    expect(reportingCurrency([], companies)).toBeNull();
    const [q] = money('capex 12.4B');
    expect(impliedCurrencyNote({ ...q!, unit: 'CNY' })).toBe("currency not stated: read as the company's reporting currency (CNY)");
    expect(impliedCurrencyNote(money('$5bn')[0]!)).toBeNull();
  });
});

describe('shares and multiples in words', () => {
  it('reads ratios in words as shares, bounded by their hedge', () => {
    const [a] = percent('it took a little over one dollar in every three the group spent');
    expect(a).toMatchObject({ kind: 'percent', bound: 'lower', direction: null });
    expect(a!.value).toBeCloseTo(33.33, 1);
    expect(percent('fewer than one in five')[0]).toMatchObject({ value: 20, bound: 'upper' });
    expect(percent('three out of four servers')[0]).toMatchObject({ value: 75, bound: 'exact' });
    expect(percent('about one euro in eight')[0]).toMatchObject({ value: 12.5, bound: 'approx' });
    expect(percent('two of three analysts said so')).toEqual([]);
  });

  it('reads a hedged fraction as a share, with a precision that fits the words', () => {
    const [a] = percent('Capex: nearly half.');
    expect(a).toMatchObject({ value: 50, bound: 'approx', hedge: 'nearly' });
    expect(a!.precision).toBeCloseTo(2.5);
    const [b] = percent('against roughly one-ninth a year earlier');
    expect(b!.value).toBeCloseTo(11.11, 1);
    expect(b!.precision).toBeLessThan(1);
    expect(percent('a little over a quarter.')[0]).toMatchObject({ value: 25, bound: 'lower' });
    // A change: "up by almost nine-tenths".
    expect(percent('spending was up by almost nine-tenths on a year earlier')[0]).toMatchObject({ value: 90, direction: 'up' });
    expect(percent('revenue rose by more than half')[0]).toMatchObject({ value: 50, bound: 'lower', direction: 'up' });
  });

  it('does not read ordinals, spans or rates as fractions', () => {
    for (const s of ['revenue rose for a fifth straight quarter', 'it rose over the last two quarters', 'in the third quarter', 'forty billion dollars a quarter', '10B a quarter', 'the second half']) {
      expect(percent(s), s).toEqual([]);
    }
  });

  it('reads twice, half as much again and the x shorthand as multiples', () => {
    expect(percent('its spending was twice what it had been')[0]).toMatchObject({ kind: 'multiple', value: 2, bound: 'exact' });
    expect(percent('it spends nearly twice what its rival does')[0]).toMatchObject({ kind: 'multiple', value: 2, bound: 'approx' });
    expect(percent('A spent half as much again as B')[0]).toMatchObject({ kind: 'multiple', value: 1.5, text: 'half as much again' });
    expect(percent('capex 9.9B, 3x y/y')[0]).toMatchObject({ kind: 'multiple', value: 3 });
    expect(percent('1.5x: the June quarter against March')[0]).toMatchObject({ kind: 'multiple', value: 1.5, decimals: 1 });
    for (const s of ['they met twice a year', 'trades at 30x earnings', 'raised twice in 2025']) expect(percent(s), s).toEqual([]);
  });
});

describe('hedges', () => {
  it('reads "fell short of X by N" as the size of the gap, not a mark missed', () => {
    expect(negationBefore('cash flow fell short of its capex by almost ')).toEqual({ negated: false, shortOf: false });
    expect(negationBefore('revenue fell short of ')).toEqual({ negated: true, shortOf: true });
  });
});

describe('in claims', () => {
  let companies: Company[] = [];
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const store = await bundledStore();
    companies = await listCompanies(store.db);
    close = () => store.close();
  }, 60_000);
  afterAll(() => close());

  it('reads an amount with no currency in the currency its company reports in', () => {
    const { claims } = extractClaims('Alibaba capex 38.7B in the June 2026 quarter. Amazon capex 54.2B in the June 2026 quarter.', companies);
    expect(claims.map((c) => [c.subject?.tickers.join(), c.quantity?.unit, c.quantity?.unitImplied])).toEqual([
      ['BABA', 'CNY', 'company'],
      ['AMZN', 'USD', 'company'],
    ]);
  });

  it('treats a year-less quarter placed by the text in an undated article as a guess, and a period counted from it too', () => {
    const text = 'Amazon spent $131.8 billion in calendar 2025.\n\nIn the June quarter Amazon spent $31.4 billion, twice what it had spent a year earlier.';
    const { claims } = extractClaims(text, companies);
    const quarter = claims.find((c) => c.quantity?.text === '$31.4 billion')!;
    expect(quarter.period).toMatchObject({ firm: false, ref: { year: 2025, quarter: 2, yearGuessed: true } });
    const twice = claims.find((c) => c.quantity?.kind === 'multiple')!;
    expect(twice.period?.firm).toBe(false);
    // With a date the readings can be weighed: the year is no longer a guess of this kind.
    const dated = extractClaims(text, companies, { date: '2025-08-15' }).claims.find((c) => c.quantity?.text === '$31.4 billion')!;
    expect(dated.period?.ref.yearGuessed).toBeUndefined();
  });
});
