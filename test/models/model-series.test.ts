// Models series against values derived here, independently, from the raw CSV: counts per
// company family (the shared data README's families), the frontier to date per country group,
// medians and open-weights shares; a missing estimate is missing (null with a reason), never zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { getModelSeries } from '../../src/series/model-series.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { TRANSCRIBED_FILE, readShared, sharedModelsPresent, table } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

interface Raw {
  name: string;
  orgs: string[];
  countries: string[];
  date: string;
  compute: number | null;
  open: string;
}

function rawRows(): Raw[] {
  const { header, rows } = table(readShared(TRANSCRIBED_FILE));
  const c = (n: string) => header.indexOf(n);
  return rows.map((r) => ({
    name: r[c('model')]!,
    orgs: r[c('organization')]!.split(',').map((s) => s.trim()),
    countries: r[c('country')]!.split(',').map((s) => s.trim()),
    date: r[c('publication_date')]!,
    compute: r[c('training_compute_flop')] === '' ? null : Number(r[c('training_compute_flop')]),
    open: r[c('open_weights')]!,
  }));
}

// The README's families and country rule, written out again here rather than imported.
const FAMILIES: Record<string, (o: string) => boolean> = {
  Alphabet: (o) => /^Google/.test(o) || o === 'DeepMind',
  Meta: (o) => o === 'Meta AI' || /^Facebook/.test(o),
  Microsoft: (o) => /^Microsoft/.test(o),
  Amazon: (o) => o === 'Amazon',
  Alibaba: (o) => o === 'Alibaba' || o === 'Alibaba DAMO Academy',
  DeepSeek: (o) => o === 'DeepSeek',
  OpenAI: (o) => o === 'OpenAI',
};
function group(r: Raw): string {
  const us = r.countries.includes('United States of America');
  const cn = r.countries.includes('China') || r.countries.includes('Hong Kong');
  return us && !cn ? 'US' : cn && !us ? 'China' : 'Other';
}
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('models series', needs('shared-models'), () => {
  let store: Store;
  const raw = sharedModelsPresent ? rawRows() : [];
  beforeAll(async () => {
    store = await bundledStore();
    await importModelsFile(store, TRANSCRIBED_FILE);
  });
  afterAll(() => store.close());

  it('counts models per company and year by the reviewed organisation map', async () => {
    const r = await getModelSeries(store.db, { metric: 'models_released', period: 'cy', orgs: Object.keys(FAMILIES), from: '2017-01-01', to: '2026-12-31' });
    expect(r.by).toBe('company');
    for (const [family, has] of Object.entries(FAMILIES)) {
      const s = r.series.find((x) => x.label === family)!;
      expect(s, family).toBeDefined();
      expect(s.points.map((p) => p.value)).toEqual(years(2017, 2026).map((y) => raw.filter((m) => m.date.startsWith(String(y)) && m.orgs.some(has)).length));
      // A count cites every model it counts.
      expect(s.points.every((p) => p.sources.length === p.value)).toBe(true);
    }
    expect(r.series.find((s) => s.label === 'Alphabet')!.ticker).toBe('GOOGL');
  });

  it('gives the frontier to date per country group, citing the model that set it', async () => {
    const r = await getModelSeries(store.db, { metric: 'frontier_compute', period: 'cy', countries: ['US', 'China'], from: '2017', to: '2026' });
    expect(r.series.map((s) => s.label)).toEqual(['US', 'China']);
    for (const s of r.series) {
      s.points.forEach((p, i) => {
        const y = 2017 + i;
        const toDate = raw.filter((m) => group(m) === s.label && m.date <= `${y}-12-31` && m.compute !== null);
        const max = toDate.length ? Math.max(...toDate.map((m) => m.compute!)) : null;
        expect(p.value, `${s.label} ${y}`).toBe(max);
        if (max === null) {
          expect(p.missing?.reason).toMatch(/^no-(models|estimate)$/);
          expect(p.sources).toEqual([]);
        } else {
          expect(p.sources).toHaveLength(1);
          expect(p.sources[0]!.value).toBe(max);
          expect(toDate.some((m) => m.name.replace(/\s+/g, ' ').trim() === p.sources[0]!.model && m.compute === max)).toBe(true);
          expect(p.sources[0]!.table).toBe('models.csv');
        }
      });
    }
    expect(r.notes.some((n) => /no public compute estimate/.test(n))).toBe(true);
  });

  it('leaves models without an estimate out of medians and maxima, and says so; never zero', async () => {
    const r = await getModelSeries(store.db, { metric: 'median_compute', period: 'cy', by: 'all', from: '2017', to: '2026' });
    const [all] = r.series;
    all!.points.forEach((p, i) => {
      const inYear = raw.filter((m) => m.date.startsWith(String(2017 + i)));
      const known = inYear.map((m) => m.compute).filter((c): c is number => c !== null).sort((a, b) => a - b);
      const mid = Math.floor(known.length / 2);
      const median = known.length === 0 ? null : known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
      expect(p.value).toBe(median);
      expect(p.models).toBe(inYear.length);
      expect(p.counted).toBe(known.length);
    });
    expect(r.notes.join(' ')).toMatch(/\d+ of \d+ models have no public compute estimate; they are left out, not counted as zero/);

    // A lab whose models in a period all lack an estimate has no value there, not zero.
    const anthropic = await getModelSeries(store.db, { metric: 'max_compute', period: 'quarter', orgs: ['Anthropic'], from: '2025', to: '2026' });
    const points = anthropic.series[0]!.points;
    const withModelsNoEstimate = points.filter((p) => p.models > 0 && p.counted === 0);
    expect(withModelsNoEstimate.length).toBeGreaterThan(0);
    for (const p of withModelsNoEstimate) expect(p).toMatchObject({ value: null, missing: { reason: 'no-estimate' } });
    expect(points.every((p) => p.value !== 0)).toBe(true);
  });

  it('gives the open-weights share among models with a known accessibility', async () => {
    const r = await getModelSeries(store.db, { metric: 'open_weights_share', period: 'cy', from: '2022', to: '2025' });
    expect(r.by).toBe('country');
    for (const s of r.series) {
      s.points.forEach((p, i) => {
        const known = raw.filter((m) => group(m) === s.label && m.date.startsWith(String(2022 + i)) && m.open !== '');
        expect(p.counted).toBe(known.length);
        expect(p.value).toBeCloseTo((known.filter((m) => m.open === 'yes').length / known.length) * 100, 9);
      });
    }
  });

  it('splits by quarter, and rejects an organisation no model has', async () => {
    const q = await getModelSeries(store.db, { metric: 'models_released', period: 'quarter', orgs: ['DeepSeek'], from: '2025-01-01', to: '2025-12-31' });
    expect(q.series[0]!.points.map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(q.series[0]!.points.map((p) => p.value)).toEqual([1, 2, 3, 4].map((k) => raw.filter((m) => m.orgs.includes('DeepSeek') && m.date >= `2025-${String(k * 3 - 2).padStart(2, '0')}-01` && m.date <= `2025-${String(k * 3).padStart(2, '0')}-31`).length));
    await expect(getModelSeries(store.db, { metric: 'models_released', period: 'cy', orgs: ['Nonexistent Lab'] })).rejects.toThrow(/unknown org: Nonexistent Lab/);
  });
});
