import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { Company } from '../../src/model/company.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { extractClaims } from '../../src/check/extract-claims.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
let companies: Company[];
beforeAll(async () => {
  store = await bundledStore();
  companies = await listCompanies(store.db);
}, 60_000);
afterAll(() => store.close());

const claims = (text: string, date?: string) => extractClaims(text, companies, { date }).claims;

describe('extractClaims', () => {
  it('reads the four companies listed together as the big four, and the plan as guidance', () => {
    const [c] = claims('Google, Meta, Amazon and Microsoft together planned to spend more than $320 billion on data centres in 2025.');
    expect(c).toMatchObject({ kind: 'amount', basis: 'guidance', subject: { tickers: ['GROUP4'], combined: true }, metric: { id: 'capex' } });
    expect(c!.quantity).toMatchObject({ value: 320e9, bound: 'lower' });
    expect(c!.period).toMatchObject({ kind: 'year', year: 2025 });
  });

  it('keeps an explicit list that is added together, and picks the nearest company otherwise', () => {
    const [sum] = claims('Microsoft and Meta together spent $110 billion in 2025.');
    expect(sum!.subject).toMatchObject({ tickers: ['MSFT', 'META'], combined: true });
    const [amzn, googl] = claims('In 2024, Amazon spent $83.0 billion on capex and Alphabet $52.5 billion.');
    expect(amzn!.subject!.tickers).toEqual(['AMZN']);
    expect(googl!.subject!.tickers).toEqual(['GOOGL']);
    expect(googl!.metric!.id).toBe('capex');
  });

  it('carries the subject from earlier sentences ("the group", "its")', () => {
    const cs = claims('Alibaba reported its results on Thursday. The group said quarterly revenue grew 8%. Its shares have gained 70% this year, the company noted.');
    expect(cs.map((c) => c.subject?.tickers)).toEqual([['BABA'], ['BABA']]);
    expect(cs[0]!.subject!.carried).toBe(true);
    expect(cs[1]!.metric!.id).toBe('share_price');
  });

  it('reads a parenthetical conversion as its own claim, spanning both figures', () => {
    const text = 'Alibaba booked revenue of 280.2 billion yuan (US$38.4 billion) in the December 2024 quarter.';
    const cs = claims(text);
    expect(cs.map((c) => c.kind)).toEqual(['amount', 'conversion']);
    expect(cs[1]!.text).toBe('280.2 billion yuan (US$38.4 billion)');
    expect(cs[1]!.converted).toMatchObject({ value: 38.4e9, unit: 'USD' });
    expect(cs[0]!.period).toMatchObject({ kind: 'quarter', year: 2024, quarter: 4 });
  });

  it('marks forecasts attributed to a person and opinions', () => {
    const cs = claims(
      'Jane Doe, an analyst at a research firm, says machines might take over 80% of office tasks. That might lift half of all output. Tom Lee predicted that the boom would last.',
    );
    expect(cs.map((c) => [c.kind, c.attribution?.reason, c.attribution?.who])).toEqual([
      ['share', 'forecast attributed to a person', 'Jane Doe'],
      ['share', 'forecast attributed to a person', 'Jane Doe'],
      ['statement', 'forecast attributed to a person', 'Tom Lee'],
    ]);
    const [cited] = claims('CEO Jane Doe sees a bright future, citing a study that says robots could do 30% of the work.');
    expect(cited!.attribution!.who).toBe('Jane Doe, citing a study');
    const [opinion] = claims('Meta could spend $100 billion one day.');
    expect(opinion!.attribution).toMatchObject({ reason: 'opinion' });
    // A person reporting a past figure stays checkable; so does a company's own plan.
    expect(claims('Microsoft spent $44.5 billion in fiscal 2024, analysts said, and is expected to spend more.')[0]!.attribution).toBeNull();
    expect(claims('According to the company, Meta will spend $70 billion in 2025.')[0]).toMatchObject({ attribution: null, basis: 'guidance' });
  });

  it('reads negations', () => {
    const [c] = claims("Meta's capital expenditures did not reach $70 billion in 2025.");
    expect(c!.quantity).toMatchObject({ negated: true, shortOf: true });
  });

  it('gives every claim its words exactly as they stand in the input, markdown included', () => {
    const text = '# Notes\n\n**Alphabet** guided to [capex](https://example.com/2019/capex) of *$91–93 billion* for 2025.\n\n- Amazon spent $83.0 billion in 2024.\n';
    const cs = claims(text);
    expect(cs).toHaveLength(2);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
    // The year in the link target is not a period of the claim.
    expect(cs[0]!.period).toMatchObject({ year: 2025 });
    expect(cs[0]!.quantity).toMatchObject({ value: 91e9, high: 93e9 });
  });

  it('finds the charts an article describes', () => {
    const { charts } = extractClaims('The grouped bar chart below compares capital expenditures at Alphabet, Meta, Amazon and Microsoft from 2022 to 2025.', companies);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'grouped', tickers: ['GOOGL', 'META', 'AMZN', 'MSFT'], metric: { id: 'capex' }, period: { kind: 'range', year: 2022, endYear: 2025 } });
  });
});
