// Guidance as it changed, against the actual: every step is a dated statement from
// data/events.csv or data/facts.csv, and the plan-versus-actual figure carries exactly those
// dated values in its data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { guidanceHistory } from '../../src/series/guidance-history.js';
import { pledgeProgress } from '../../src/series/pledge-progress.js';
import { planVsActualData } from '../../src/series/plan-vs-actual-data.js';
import { getSeries } from '../../src/series/engine.js';
import { figurePreset } from '../../src/chart/figure-presets.js';
import { planVsActualSpec } from '../../src/chart/specs/plan-vs-actual.js';
import { renderSvg } from '../../src/chart/render.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { csvEvents, namesOf } from './events-csv-file.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
});
afterAll(() => store.close());

const M = 1e6;
/** Guidance events of one company for `year`, as the CSV states them (low end; range in the note). */
const guidanceEvents = (ticker: string, year: number) =>
  csvEvents.filter((e) => e.kind === 'guidance' && namesOf(e).includes(ticker) && e.value !== '' && e.title.includes(String(year)));
/** The "Range low-high" in an event's note, in dollars, or undefined when the note states none. */
const rangeOf = (note: string): [number, number] | undefined => {
  const [, low, high] = /Range ([\d,]+)-([\d,]+)/.exec(note) ?? [];
  if (low === undefined || high === undefined) return undefined;
  const dollars = (millions: string) => Number(millions.replace(/,/g, '')) * M;
  return [dollars(low), dollars(high)];
};
const guidanceFacts = (ticker: string, metric: string, start: string, end: string) =>
  csvFacts.filter((f) => f.ticker === ticker && f.metric === metric && f.basis === 'guidance' && f.period_start === start && f.period_end === end);

describe('guidanceHistory', () => {
  it('gives Alphabet’s 2025 guidance as it changed, each step dated by its event', async () => {
    const h = await guidanceHistory(store.db, { ticker: 'GOOGL', year: 2025 });
    const events = guidanceEvents('GOOGL', 2025);
    expect(events.length).toBe(3);
    expect(h.steps.map((s) => s.date)).toEqual(events.map((e) => e.date));
    h.steps.forEach((s, i) => {
      const e = events[i]!;
      const [low, high] = rangeOf(e.note) ?? [Number(e.value) * M, Number(e.value) * M];
      expect([s.low, s.high]).toEqual([low, high]);
      expect(s.sources.some((src) => src.kind === 'event' && src.url === e.source_url)).toBe(true);
    });
    // The facts agree: the preferred 2025 high end is the last step's high, dated in its note.
    const [high] = guidanceFacts('GOOGL', 'capex_guidance_high', '2025-01-01', '2025-12-31').filter((f) => f.preferred === '1');
    expect(h.steps.at(-1)!.high).toBe(Number(high!.value) * M);
    expect(high!.note).toContain(h.steps.at(-1)!.date);
    // Plan against actual: the year's capex from the series engine.
    const actual = await getSeries(store.db, { metric: 'capex', tickers: ['GOOGL'], period: 'fy', from: '2025', to: '2025' });
    expect(h.actual?.value).toBe(actual.series[0]!.points[0]!.value);
    expect(h.actualMetric).toBe('capex');
  });

  it('dates guidance facts by their note, skipping publication dates, and marks restatements', async () => {
    const h = await guidanceHistory(store.db, { ticker: 'META', year: 2025 });
    const initial = guidanceFacts('META', 'capex_guidance', '2025-01-01', '2025-12-31').filter((f) => f.note.includes('2025-01-29'));
    expect(initial.length).toBeGreaterThan(0);
    const step = h.steps.find((s) => s.date === '2025-01-29')!;
    expect(step.reiterated).toBe(true);
    expect([step.low, step.high]).toEqual([Math.min(...initial.map((f) => Number(f.value) * M)), Math.max(...initial.map((f) => Number(f.value) * M))]);
    // Meta guides including finance-lease principal: its actual is that metric.
    expect(h.actualMetric).toBe('capex_incl_finance_leases');
    const pub = await guidanceHistory(store.db, { ticker: 'META', year: 2026 });
    const posted = guidanceFacts('META', 'capex_guidance', '2026-01-01', '2026-12-31').find((f) => /post dated (\d{4}-\d{2}-\d{2})/.test(f.note))!;
    const postDate = /post dated (\d{4}-\d{2}-\d{2})/.exec(posted.note)![1]!;
    expect(pub.steps.map((s) => s.date)).not.toContain(postDate);
  });

  it('leaves out a quarterly pace, saying why', async () => {
    const h = await guidanceHistory(store.db, { ticker: 'AMZN', year: 2025 });
    const pace = guidanceFacts('AMZN', 'capex_guidance', '2025-01-01', '2025-12-31').find((f) => /QUARTERLY run-rate/.test(f.note))!;
    expect(h.steps.every((s) => s.low !== Number(pace.value) * M)).toBe(true);
    expect(h.skipped.find((s) => s.source.value === Number(pace.value) * M)?.reason).toMatch(/quarterly pace/);
  });

  it('uses the company’s fiscal year (Microsoft’s FY2025 ends in June)', async () => {
    const h = await guidanceHistory(store.db, { ticker: 'MSFT', year: 2025 });
    expect([h.periodStart, h.periodEnd]).toEqual(['2024-07-01', '2025-06-30']);
    const [e] = guidanceEvents('MSFT', 2025);
    expect(h.steps.map((s) => [s.date, s.low])).toEqual([[e!.date, Number(e!.value) * M]]);
  });

  it('gives the big four’s combined guidance, dated by publication when the note has no statement date', async () => {
    const h = await guidanceHistory(store.db, { ticker: 'GROUP4', year: 2025 });
    const combined = guidanceFacts('GROUP4', 'capex_combined', '2025-01-01', '2025-12-31');
    const first = combined.find((f) => /article dated 2025-02-07/.test(f.note))!;
    expect(h.steps[0]).toMatchObject({ date: '2025-02-07', low: Number(first.value) * M, approximate: true, lowerBound: true });
    expect(h.steps[0]!.sources[0]!.dated).toBe('published');
    // "late Oct 2025": a month-only statement stands at the month's end.
    const raised = combined.find((f) => /late Oct 2025/.test(f.note))!;
    expect(h.steps.find((s) => s.date === '2025-10-31')).toMatchObject({ low: Number(raised.value) * M, approximate: true });
    expect(h.actualMetric).toBe('capex');
  });

  it('gives guidance for a quarter (Microsoft guides one quarter ahead)', async () => {
    const { guidanceForQuarter } = await import('../../src/series/guidance-history.js');
    const h = await guidanceForQuarter(store.db, { ticker: 'MSFT', quarter: '2025-Q3' });
    const [fact] = guidanceFacts('MSFT', 'capex_guidance', '2025-07-01', '2025-09-30').filter((f) => f.preferred === '1');
    expect(h.steps).toHaveLength(1);
    expect(h.steps[0]).toMatchObject({ date: '2025-07-30', low: Number(fact!.value) * M, lowerBound: true });
  });

  it('gives the calendar-year plan of a company whose fiscal year ends in June, apart from its fiscal-year plans', async () => {
    const { guidanceForCalendarYear } = await import('../../src/series/guidance-history.js');
    const h = await guidanceForCalendarYear(store.db, { ticker: 'MSFT', year: 2026 });
    const facts = guidanceFacts('MSFT', 'capex_guidance', '2026-01-01', '2026-12-31');
    expect(facts.length).toBeGreaterThan(0);
    expect(h).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31', label: 'CY2026' });
    expect(new Set(h.steps.map((st) => st.low))).toEqual(new Set(facts.map((f) => Number(f.value) * M)));
    // A December year-end's calendar year is its fiscal year.
    const g = await guidanceForCalendarYear(store.db, { ticker: 'GOOGL', year: 2025 });
    expect(g.steps).toEqual((await guidanceHistory(store.db, { ticker: 'GOOGL', year: 2025 })).steps);
  });

  it('rejects odd years', async () => {
    await expect(guidanceHistory(store.db, { ticker: 'GOOGL', year: 25 })).rejects.toThrow(/invalid year: 25/);
  });
});

describe('pledgeProgress', () => {
  it('totals Alibaba’s capex from the first whole quarter after the pledge, the December quarter as the fiscal year less its three stated quarters', async () => {
    const p = await pledgeProgress(store.db, { ticker: 'BABA' });
    const pledge = csvFacts.find((f) => f.ticker === 'BABA' && f.metric === 'ai_infrastructure_commitment' && f.currency === 'CNY' && f.preferred === '1')!;
    expect([p.amount, p.start, p.end]).toEqual([Number(pledge.value) * M, pledge.period_start, pledge.period_end]);
    expect(p.countedFrom).toBe('2025-04-01');
    const quarter = (start: string, end: string) => Number(csvFacts.find((f) => f.ticker === 'BABA' && f.metric === 'capex' && f.basis === 'actual' && f.preferred === '1' && f.period_start === start && f.period_end === end)!.value) * M;
    const q2 = quarter('2025-04-01', '2025-06-30');
    const q3 = quarter('2025-07-01', '2025-09-30');
    const fy2026 = quarter('2025-04-01', '2026-03-31');
    const march2026 = quarter('2026-01-01', '2026-03-31');
    const q2026 = quarter('2026-04-01', '2026-06-30');
    // No document states the December 2025 quarter: the engine derives it as FY2026 − Q1 − Q2 − Q4.
    expect(p.checkpoints.map((c) => [c.label, c.cumulative])).toEqual([
      ['2025-Q2', q2],
      ['2025-Q3', q2 + q3],
      ['2025-Q4', fy2026 - march2026],
      ['2026-Q1', fy2026],
      ['2026-Q2', fy2026 + q2026],
    ]);
    expect(p.missingQuarters).toEqual([]);
    expect(p.updates.map((e) => e.date)).toEqual(csvEvents.filter((e) => namesOf(e).includes('BABA') && ['commitment', 'guidance'].includes(e.kind) && e.date >= p.start).map((e) => e.date));
  });
});

describe('the plan-vs-actual figure', () => {
  it('carries each dated step, the actual and the pledge in its data, and renders', async () => {
    const preset = figurePreset('plan-vs-actual');
    const data = await planVsActualData(store.db, preset);
    const spec = planVsActualSpec(data.histories, data.pledge) as any;
    const panels = spec.vconcat.flatMap((row: any) => row.hconcat ?? [row]);
    const panelOf = (name: string) => panels.find((p: any) => p.title?.text?.startsWith(name));
    for (const ticker of preset.tickers) {
      const h = data.histories.find((x) => x.ticker === ticker)!;
      const rows = panelOf(`${h.name}, FY2025`).data.values as any[];
      const steps = rows.filter((r) => r.kind === 'step');
      // Every guidance event of the year is a step, on its date, with its low end.
      for (const e of guidanceEvents(ticker, 2025)) {
        const step = steps.find((s) => s.date === e.date);
        expect(step, `${ticker} ${e.date}`).toBeDefined();
        expect(step.low).toBe(Number(e.value) * M);
        const range = rangeOf(e.note);
        if (range) expect([step.low, step.high]).toEqual(range);
      }
      expect(steps.map((s) => s.date)).toEqual(h.steps.map((s) => s.date));
      expect(rows.find((r) => r.kind === 'actual').value).toBe(h.actual?.value ?? null);
    }
    const pledgeRows = panelOf('Alibaba').data.values as any[];
    expect(pledgeRows.find((r) => r.kind === 'pledge')).toMatchObject({ date: data.pledge!.start, value: data.pledge!.amount });
    // Every quarter since the pledge now has a figure (the December 2025 quarter derived from the fiscal year).
    expect(pledgeRows.filter((r) => r.kind === 'spent' && r.missing).map((r) => r.label)).toEqual([]);
    expect(pledgeRows.filter((r) => r.kind === 'spent').map((r) => r.label)).toContain('2025-Q4');
    const svg = await renderSvg(spec);
    expect(svg).not.toContain(': no figure');
    // A quarter with no figure is drawn as such: the same pledge with one checkpoint's figure taken away (a made-up gap).
    const third = data.pledge!.checkpoints[2]!;
    const gapped = { ...data.pledge!, checkpoints: data.pledge!.checkpoints.map((k) => (k === third ? { ...k, cumulative: null } : k)), missingQuarters: [third.label] };
    expect(await renderSvg(planVsActualSpec(data.histories, gapped))).toContain(`${third.label}: no figure`);
    // Alt text walks the steps: "$75B (4 Feb 2025) → ... → $91–93B (29 Oct 2025)", from the file's figures.
    const billions = (v: number) => String(v / 1e9);
    const path = guidanceEvents('GOOGL', 2025).map((e) => {
      const [low, high] = rangeOf(e.note) ?? [Number(e.value) * M, Number(e.value) * M];
      return `$${low === high ? billions(low) : `${billions(low)}–${billions(high)}`}B`;
    });
    expect(spec.description).toContain(`Alphabet FY2025: guidance ${path[0]} (`);
    expect(spec.description.split('Alphabet FY2025: ')[1].split(';')[0].split(' → ').map((x: string) => x.replace(/^guidance /, '').split(' (')[0])).toEqual(path);
  });
});
