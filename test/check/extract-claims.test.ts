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
    expect(c!.period).toMatchObject({ ref: { kind: 'year', year: 2025 }, how: 'stated' });
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
    expect(cs[0]!.period).toMatchObject({ ref: { kind: 'quarter', year: 2024, quarter: 4 } });
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
    // The investors told are the audience; the company is the source of its own outlook.
    expect(claims('Meta ended its call by telling investors it now expects about $120 billion of capex in 2026.')[0]).toMatchObject({ attribution: null, basis: 'guidance', subject: { tickers: ['META'] } });
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
    expect(cs[0]!.period).toMatchObject({ ref: { year: 2025 } });
    expect(cs[0]!.quantity).toMatchObject({ value: 91e9, high: 93e9 });
  });

  it('says how each part of a claim was found: stated, carried from sentence N, from the article date', () => {
    const cs = claims('Meta spent $69.7 billion on capex in 2025. It then guided to $115 billion to $135 billion for this year.', '2026-02-02');
    expect(cs[0]).toMatchObject({ subject: { how: 'stated' }, metric: { id: 'capex', how: 'stated' }, period: { how: 'stated' } });
    expect(cs[1]).toMatchObject({ subject: { tickers: ['META'], how: 'carried', fromSentence: 1, firm: true }, basis: 'guidance', period: { ref: { year: 2026 }, how: 'article-date' } });
  });

  it('never gives a figure about a company airace does not track to one it tracks', () => {
    const cs = claims('Amazon spent $39.5 billion in the quarter. Nvidia, its chip supplier, reported revenue of $57 billion. Meta backed a start-up that raised $2 billion.', '2026-02-06');
    expect(cs.map((c) => [c.subject?.tickers.join() ?? null, c.subject?.untracked ?? null])).toEqual([['AMZN', null], ['', 'Nvidia'], ['', 'a start-up']]);
  });

  it('reads a segment as its company’s cloud revenue, with the segment', () => {
    const [aws] = claims('Amazon Web Services, the unit that runs its data centres, brought in $35.6 billion in the fourth quarter of 2025.');
    expect(aws).toMatchObject({ subject: { tickers: ['AMZN'] }, metric: { id: 'cloud_revenue', segment: 'Amazon Web Services' } });
    const [ic] = claims('Intelligent Cloud segment revenue was $29.9 billion in the June 2025 quarter.');
    expect(ic).toMatchObject({ subject: { tickers: ['MSFT'] }, metric: { id: 'cloud_revenue', segment: 'Intelligent Cloud' } });
  });

  it('reads definitions stated beside the number, before or after it', () => {
    const [before] = claims("Meta's capital expenditures, including principal payments on finance leases, were $72.2 billion in 2025.");
    expect(before!.metric).toMatchObject({ id: 'capex_incl_finance_leases', definition: 'incl-finance-leases' });
    const [, after] = claims("Microsoft's capex was $19.4 billion, or $34.9 billion including finance leases, in the September 2025 quarter.");
    expect(after!.metric).toMatchObject({ id: 'capex_incl_finance_leases' });
    const [fcf] = claims('Free cash flow, defined here as operating cash flow less capex and principal payments on finance leases, was $43.6 billion in 2025 at Meta.');
    expect(fcf!.metric).toMatchObject({ id: 'free_cash_flow', definition: 'fcf-less-finance-leases' });
  });

  it('keeps a total with the group when a member is named only in how the total is counted', () => {
    const [, total] = claims('Amazon, Microsoft, Alphabet and Meta spent $300 billion in 2025. Taking Meta on a different basis, the 2025 total becomes $290 billion.');
    expect(total!.subject).toMatchObject({ tickers: ['GROUP4'], combined: true, recountedBy: 'Meta' });
    const [, own] = claims('Amazon, Microsoft, Alphabet and Meta spent $300 billion in 2025. On its own, Meta spent $70 billion.');
    expect(own!.subject).toMatchObject({ tickers: ['META'], combined: false });
  });

  it('gives a country’s or an economy’s figure to no company', () => {
    const [, output] = claims('The big four spent $376 billion on capex in 2025, more than the annual output of Portugal, about $300 billion.');
    expect(output!.subject).toMatchObject({ tickers: [], untracked: 'the annual output of Portugal' });
    const [gdp] = claims('Amazon and Meta together spent more than Chile’s GDP of $330 billion in 2025.');
    expect(gdp!.subject).toMatchObject({ tickers: [], untracked: 'Chile’s GDP' });
  });

  it('takes the base of a change from the words, and keeps a later clause’s period out of an earlier figure', () => {
    const [amount, change, base] = claims('Amazon spent about $132 billion in 2025, up 59% from the $83 billion it spent in 2024.');
    expect(amount!.period!.ref.year).toBe(2025);
    expect(change).toMatchObject({ kind: 'change', period: { ref: { year: 2025 } }, base: { ref: { year: 2024 } } });
    expect(base!.period!.ref.year).toBe(2024);
    const [first] = claims('Alphabet spent $52.5 billion, and Meta expects $70 billion to $72 billion in fiscal 2025.');
    expect(first!.period).toBeNull();
  });

  it('reads a statement date beside a stated period: the period is the one guided', () => {
    const [c] = claims('Microsoft said in October it would spend about $60 billion in fiscal 2027.', '2025-11-10');
    expect(c).toMatchObject({ basis: 'guidance', period: { ref: { kind: 'fy', year: 2027 } }, statedWhen: { month: '2025-10' } });
  });

  it('gives a possessive without its noun the noun of the possessive before it, and metric words after a later figure to that figure', () => {
    const cs = claims("In 2025 Amazon's operating cash flow came to $139.5 billion, and Meta's rose to $115.8 billion as it spent $72 billion on capex.");
    expect(cs.map((c) => [c.subject?.tickers[0], c.metric?.id])).toEqual([
      ['AMZN', 'operating_cash_flow'],
      ['META', 'operating_cash_flow'],
      ['META', 'capex'],
    ]);
  });

  it('keeps metric words after "as" or "while" out of the figure before, and a qualifying "including finance-lease principal" out of the metric', () => {
    const [ni] = claims('In 2025 Amazon’s net income rose to $77.7 billion as the company spent heavily on capex.');
    expect(ni!.metric!.id).toBe('net_income');
    const cs = claims('Meta’s capex in 2025 was $69.7 billion. The figure including finance-lease principal is $72.2 billion.');
    expect(cs[1]!.metric!.id).toBe('capex_incl_finance_leases');
  });

  it('reads "subtract capex from operating cash flow and what is left" as free cash flow so defined, and "calendar-2025" as a calendar year', () => {
    const [fcf] = claims('Subtract the capex from operating cash flow and what Amazon had left in 2025 is $7.7 billion.');
    expect(fcf!.metric).toMatchObject({ id: 'free_cash_flow', definition: 'ocf-less-capex' });
    const [aws] = claims('AWS’s 2024 capex was $53.3 billion.');
    expect(aws!.metric!.id).toBe('aws_capex');
    const [cy] = claims('Alibaba’s calendar-2025 revenue came to about RMB 1 trillion.');
    expect(cy!.period!.ref).toMatchObject({ kind: 'cy', year: 2025 });
  });

  it('reads a time frame that opens the sentence, and "over" a window, as the figure\'s period, not the base of a change', () => {
    const [ttm] = claims('Over the four quarters to September 2025, Alibaba’s capex was about RMB 120 billion.');
    expect(ttm!.period!.ref).toMatchObject({ kind: 'ttm', year: 2025, quarter: 3 });
    const [seg] = claims('From the June 2026 quarter Alibaba reports a new AI Cloud and Compute Services segment, which had revenue of RMB 48.4bn.', '2026-09-01');
    expect(seg!.period!.ref).toMatchObject({ kind: 'quarter', year: 2026, quarter: 2 });
    // The relative clause hangs on the segment: its revenue is the segment's.
    expect(seg!.metric).toMatchObject({ id: 'cloud_revenue', segment: 'AI Cloud and Compute Services' });
    // A change still measures "from" a period after the figure.
    const [up] = claims('Amazon’s capex rose 40% from 2024 to $131.8 billion in 2025.');
    expect(up!.base!.ref).toMatchObject({ year: 2024 });
  });

  it('takes a multiple\'s base from "times the March quarter", a rate a year from the earliest base, and "compare last year" as a base', () => {
    const cs = claims('Alibaba’s June quarter capex was RMB67.7bn, two and a half times the March quarter. Revenue grew 9% to RMB269.0bn.', '2026-08-24');
    expect(cs[1]!.base!.ref).toMatchObject({ kind: 'quarter', quarter: 1 });
    // The next sentence carries the June quarter, not the base.
    expect(cs[2]!.period!.ref).toMatchObject({ kind: 'quarter', year: 2026, quarter: 2 });
    const rate = claims('In calendar 2025 the four spent $376 billion, up from $228 billion in 2024 and $140 billion in 2023, a compound annual growth rate of roughly 60%.').pop()!;
    expect(rate.base!.ref).toMatchObject({ year: 2023 });
    const [, change] = claims('Revenue of June quarter was RMB 268.95 billion for Alibaba, grow 19% compare last year. Net profit was only RMB 10.44 billion.', '2026-09-02');
    expect(change!.base).not.toBeNull();
    const profit = claims('Revenue of June quarter was RMB 268.95 billion for Alibaba, grow 19% compare last year. Net profit was only RMB 10.44 billion.', '2026-09-02').pop()!;
    expect(profit.period!.ref).toMatchObject({ kind: 'quarter', year: 2026, quarter: 2 });
  });

  it('reads a segment that is the figure\'s subject as the metric\'s segment, but "group revenue" as the company\'s', () => {
    const [aws] = claims('Amazon Web Services, the cloud unit that absorbs most of the new capacity, had sales of $42.2 billion in the June 2026 quarter.');
    expect(aws!.metric).toMatchObject({ id: 'cloud_revenue' });
    const cs = claims('Cloud Intelligence Group revenue grew 26% to RMB 39.8 billion in the September 2025 quarter, and group revenue reached RMB 247.8 billion.');
    expect(cs.pop()!.metric!.id).toBe('revenue');
  });

  it('keeps the figures a result is compared with from becoming the period the text goes on about', () => {
    const cs = claims('Amazon’s sales for the April–June quarter came to $200.6 billion. Purchases of property and equipment were $54.2 billion, against $44.2 billion in the first quarter and $32.2 billion in the same quarter of 2025. That is a rise of 69% from a year ago.', '2026-07-31');
    const [sales, capex, q1, yearAgo, rise] = cs;
    expect(sales!.metric!.id).toBe('revenue');
    expect(capex!.period!.ref).toMatchObject({ year: 2026, quarter: 2 });
    expect(q1!.period!.ref).toMatchObject({ year: 2026, quarter: 1 });
    // "the same quarter of 2025" is the quarter the text is about, a year back: not the first quarter compared with.
    expect(yearAgo!.period!.ref).toMatchObject({ year: 2025, quarter: 2 });
    expect(rise!.period!.ref).toMatchObject({ year: 2026, quarter: 2 });
  });

  it('reads "the same period a year earlier" as one year back, and "the first nine months of Microsoft\'s fiscal 2026" as three fiscal quarters', () => {
    const [, down] = claims('Alibaba’s net income in the June 2026 quarter was RMB 10.4 billion, down 75% from the same period a year earlier.');
    expect(down!.base!.ref).toMatchObject({ kind: 'quarter', year: 2025, quarter: 2 });
    const [nine] = claims('For the first nine months of Microsoft’s fiscal 2026, cash capex was US$80.1 billion.');
    expect(nine!.period!.ref).toMatchObject({ kind: 'fiscal-half', year: 2026, quarters: 3 });
  });

  it('reads the plan a guide moved from as the earlier statement, and "ended the year at" as the outcome', () => {
    const [from, to] = claims('Amazon’s 2025 capex guide went from $100bn to $125bn.', '2026-08-10');
    expect(from!.statedWhen).toMatchObject({ earlier: true });
    // The figure it went to is a step of the plan's history, which a later statement may have replaced.
    expect(to!.statedWhen).toMatchObject({ earlier: false, moveTo: true });
    const cs = claims('At the start of 2025 Amazon had guided to about $100 billion of capex, raised that to $125 billion in October, and ended the year at nearly $132 billion.', '2026-07-31');
    expect(cs.map((c) => c.basis)).toEqual(['guidance', 'guidance', 'actual']);
  });

  it('reads a list after "currently guide as follows" as plans, and another company\'s quarter in the next sentence as a result', () => {
    const cs = claims('For 2026 the companies currently guide as follows: Amazon about $200 billion of cash capex; Alphabet $180–190 billion; Microsoft over $50 billion for the September quarter alone. Amazon raised its 2026 plan to $225bn. Microsoft: $41bn in the quarter including leases.', '2026-08-05');
    expect(cs.map((c) => c.basis)).toEqual(['guidance', 'guidance', 'guidance', 'guidance', 'actual']);
    // A plan for a quarter named without its year is the coming one.
    expect(cs[2]!.period!.ref).toMatchObject({ year: 2026, quarter: 3 });
  });

  it('reads "Full fiscal year:" as the year of the quarter before, "the quarter ended 30 June", "over twelve months", a segment\'s part "of that", and a ratio\'s levels', () => {
    const [, year] = claims('Microsoft: $41bn in the June 2026 quarter. Full fiscal year: $145bn incl. finance leases.', '2026-08-05');
    expect(year!.period!.ref).toMatchObject({ kind: 'fy', year: 2026 });
    const [june] = claims('Alibaba’s revenue for the quarter ended 30 June was RMB 268.95 billion.', '2026-08-30');
    expect(june!.period!.ref).toMatchObject({ kind: 'quarter', year: 2026, quarter: 2 });
    const [ttm] = claims('Over twelve months, Alphabet’s free cash flow was still $52.3 billion.', '2026-09-07');
    expect(ttm!.period!.ref).toMatchObject({ kind: 'ttm', year: 2026, quarter: 2 });
    const [, aws] = claims('Amazon’s sales for the April–June 2026 quarter came to $200.6 billion, and the AWS segment contributed $42.2 billion of that.');
    expect(aws!.metric).toMatchObject({ id: 'cloud_revenue', segment: 'AWS' });
    const [from, to] = claims('Microsoft’s capex intensity rose from 13.3 per cent in fiscal 2023 to 34.9 per cent in fiscal 2026.');
    expect([from!.kind, from!.quantity!.value, from!.period!.ref.year]).toEqual(['share', 13.3, 2023]);
    expect([to!.kind, to!.quantity!.value, to!.period!.ref.year]).toEqual(['share', 34.9, 2026]);
  });

  it('reads forum shorthand: cashtags, CQ2 and FQ4 FY26, signed changes and "y/y" beside a "q/q"', () => {
    const cs = claims('**$AMZN (CQ2)**\n- capex $54.2B, +22.6% q/q, +71% y/y\n\n**$MSFT (FQ4 FY26)**\n- FQ1 FY26 capex was $30.9B', '2026-08-01');
    expect(cs.map((c) => c.subject?.tickers.join())).toEqual(['AMZN', 'AMZN', 'AMZN', 'MSFT']);
    const [, qoq, yoy, msft] = cs;
    expect([qoq!.kind, qoq!.quantity!.direction, qoq!.base!.ref.quarter]).toEqual(['change', 'up', 1]);
    // The year-on-year change has no base of its own: the same quarter a year back.
    expect([yoy!.kind, yoy!.quantity!.direction, yoy!.base]).toEqual(['change', 'up', null]);
    expect(msft!.period!.ref).toMatchObject({ kind: 'fiscal-quarter', year: 2026, quarter: 1 });
  });

  it('reads "rev" and "op inc", "(was 200B)" as the plan before, "the first quarter of its 2027 fiscal year", and no group share in "of the company\'s capex"', () => {
    const cs = claims('**$GOOGL (CQ2)**\n- rev $117.6B, op inc $40.1B', '2026-08-01');
    expect(cs.map((c) => c.metric?.id)).toEqual(['revenue', 'operating_income']);
    const [now, was] = claims('Amazon’s 2026 capex guide is now $220 billion (was $200 billion).', '2026-08-01');
    expect([now!.basis, now!.statedWhen]).toEqual(['guidance', null]);
    expect(was!.statedWhen).toMatchObject({ earlier: true });
    // A year-less quarter is placed by the fiscal quarter the text named, not by the year an announcement was made.
    const revenue = claims('Alibaba’s spending hit a record in the June quarter, the first quarter of its 2027 fiscal year, as it pressed on with a plan announced last year.\n\nRevenue for the quarter ended 30 June was RMB 268.95 billion.', '2026-08-30').pop()!;
    expect(revenue.period!.ref).toMatchObject({ year: 2026, quarter: 2 });
    const [share] = claims('Amazon’s AWS segment accounted for 64 per cent of the company’s capex in 2024.');
    expect(share!.shareOf).not.toBe('group');
  });

  it('keeps the carried company for a figure when an untracked one is named later as its object, but gives a headline figure to the name after it', () => {
    const [income] = claims('Amazon reported on Thursday. Operating income was $27.5 billion, swollen by gains on the company’s investment in Anthropic.');
    expect(income!.subject!.tickers).toEqual(['AMZN']);
    const [nvidia] = claims('Amazon reported on Thursday.\n\n**$4.9tn:** Nvidia’s market value at Friday’s close.');
    expect(nvidia!.subject!.tickers).toEqual([]);
  });

  it('finds the charts an article describes', () => {
    const { charts } = extractClaims('The grouped bar chart below compares capital expenditures at Alphabet, Meta, Amazon and Microsoft from 2022 to 2025.', companies);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'grouped', tickers: ['GOOGL', 'META', 'AMZN', 'MSFT'], metric: { id: 'capex' }, period: { kind: 'range', year: 2022, endYear: 2025 } });
  });
});
