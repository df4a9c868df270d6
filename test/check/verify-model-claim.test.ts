// Claims about a model's release date, parameters, training compute and cost, checked against
// Epoch AI's table (the transcribed selection from ../shared). Expected values are read from the
// raw CSV here, never typed in; the claims are built from them (the same, a little off, far off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { verifyModelClaim, type ModelClaim } from '../../src/check/verify-model-claim.js';
import { findModelMentions, matchModel, nameKey } from '../../src/check/model-mention.js';
import { modelCatalog } from '../../src/series/model-catalog.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { TRANSCRIBED_FILE, readShared, sharedModelsPresent, table } from '../models/models-fixtures.js';
import { needs } from '../helpers/requirements.js';

describe('model claims without models data', () => {
  it('are not checkable, with the command that loads the data', async () => {
    const store = await bundledStore();
    try {
      const r = await verifyModelClaim(store.db, { model: 'DeepSeek-V3', quantity: 'parameters', claimed: 671e9 });
      expect(r).toMatchObject({ verdict: 'not-checkable', reason: 'models-data-not-loaded', source: null });
      expect(r.explanation).toMatch(/^models data not loaded: .*airace models sync/);
    } finally {
      await store.close();
    }
  });
});

describe('model claims against Epoch AI’s table', needs('shared-models'), () => {
  let store: Store;
  const { header, rows } = sharedModelsPresent ? table(readShared(TRANSCRIBED_FILE)) : { header: [], rows: [] };
  const row = (name: string) => {
    const r = rows.find((x) => x[header.indexOf('model')] === name);
    if (!r) throw new Error(`no ${name} in the shared file`);
    const cell = (c: string) => r[header.indexOf(c)]!;
    return { date: cell('publication_date'), parameters: Number(cell('parameters')), compute: Number(cell('training_compute_flop')), confidence: cell('confidence'), link: cell('link') };
  };
  const check = (c: ModelClaim) => verifyModelClaim(store.db, c);
  beforeAll(async () => {
    store = await bundledStore();
    await importModelsFile(store, TRANSCRIBED_FILE);
  });
  afterAll(() => store.close());

  it('checks a release date at the precision it is written, citing Epoch’s row', async () => {
    const v3 = row('DeepSeek-V3');
    const exact = await check({ model: 'DeepSeek-V3', quantity: 'release_date', claimed: v3.date });
    expect(exact).toMatchObject({ verdict: 'supported', reason: 'matches', model: { name: 'DeepSeek-V3', matched: 'exact' }, ours: { value: v3.date } });
    expect(exact.source).toMatchObject({ model: 'DeepSeek-V3', url: v3.link, table: 'models.csv', retrieved: '2026-04' });
    expect(exact.source!.line).toBeGreaterThan(1);
    expect((await check({ model: 'DeepSeek-V3', quantity: 'release_date', claimed: v3.date.slice(0, 7) })).verdict).toBe('supported');
    const [y, mo] = v3.date.split('-').map(Number) as [number, number];
    const nextMonth = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    expect((await check({ model: 'DeepSeek-V3', quantity: 'release_date', claimed: nextMonth })).verdict).toBe('close');
    expect((await check({ model: 'DeepSeek-V3', quantity: 'release_date', claimed: String(y - 2) })).verdict).toBe('contradicted');
  });

  it('checks parameters, and does not call an active-parameter count false', async () => {
    const v3 = row('DeepSeek-V3');
    expect((await check({ model: 'DeepSeek V3', quantity: 'parameters', claimed: v3.parameters })).verdict).toBe('supported');
    expect((await check({ model: 'DeepSeek-V3', quantity: 'parameters', claimed: v3.parameters * 1.1 })).verdict).toBe('close');
    expect((await check({ model: 'DeepSeek-V3', quantity: 'parameters', claimed: v3.parameters * 0.9, bound: 'lower' })).verdict).toBe('supported');
    const active = await check({ model: 'DeepSeek-V3', quantity: 'parameters', claimed: v3.parameters / 18 });
    expect(active).toMatchObject({ verdict: 'not-checkable', reason: 'active-parameters' });
    expect((await check({ model: 'DeepSeek-V3', quantity: 'parameters', claimed: v3.parameters * 2 })).verdict).toBe('contradicted');
  });

  it('checks training compute with Epoch’s confidence beside it', async () => {
    const v3 = row('DeepSeek-V3');
    const same = await check({ model: 'DeepSeek-V3', quantity: 'training_compute', claimed: v3.compute * 1.05 });
    expect(same).toMatchObject({ verdict: 'supported', ours: { value: v3.compute, confidence: v3.confidence } });
    expect(same.explanation).toContain(`confidence: ${v3.confidence}`);
    expect((await check({ model: 'DeepSeek-V3', quantity: 'training_compute', claimed: v3.compute / 1.8 })).verdict).toBe('close');
    const far = await check({ model: 'DeepSeek-V3', quantity: 'training_compute', claimed: v3.compute * 10 });
    expect(far.verdict).toBe(/^(Confident|Likely)$/.test(v3.confidence) ? 'contradicted' : 'not-checkable');
    expect(far.ratio).toBeCloseTo(0.1, 9);
    // A speculative estimate is never grounds to call a claim false.
    const key = (r: string[]) => nameKey(r[header.indexOf('model')]!);
    const speculative = rows.find((r) => r[header.indexOf('confidence')] === 'Speculative' && r[header.indexOf('training_compute_flop')] !== '' && rows.filter((x) => key(x) === key(r)).length === 1)!;
    const name = speculative[header.indexOf('model')]!;
    expect(matchModel((await modelCatalog(store.db)).models, name).kind).toBe('found');
    const s = await check({ model: name, quantity: 'training_compute', claimed: Number(speculative[header.indexOf('training_compute_flop')]) * 20 });
    expect(s).toMatchObject({ verdict: 'not-checkable', reason: 'speculative-estimate' });
  });

  it('says so when Epoch has no estimate, or the name is unknown or ambiguous', async () => {
    const noCompute = rows.find((r) => r[header.indexOf('training_compute_flop')] === '' && r[header.indexOf('model')] === r[header.indexOf('model')]!.trim())!;
    const none = await check({ model: noCompute[header.indexOf('model')]!, quantity: 'training_compute', claimed: 1e26 });
    expect(none).toMatchObject({ verdict: 'not-checkable', reason: 'no-estimate', ours: { value: null } });
    expect(none.source).not.toBeNull();
    expect(await check({ model: 'Zorblax-9000', quantity: 'parameters', claimed: 1e12 })).toMatchObject({ verdict: 'not-checkable', reason: 'unknown-model' });
    const ambiguous = await check({ model: 'Qwen2.5', quantity: 'parameters', claimed: 72e9 });
    expect(ambiguous).toMatchObject({ verdict: 'not-checkable', reason: 'ambiguous-model' });
    expect(ambiguous.candidates.length).toBeGreaterThan(1);
    expect(ambiguous.candidates.every((c) => nameKey(c).startsWith('qwen25'))).toBe(true);
  });

  it('finds the model names a sentence mentions, whole words only', async () => {
    const { models } = await modelCatalog(store.db);
    const text = 'DeepSeek-V3 cost less to train than Qwen2.5-72B, and GPT-4o is not GPT-4.';
    const found = findModelMentions(text, models).map((f) => text.slice(f.start, f.end));
    const names = new Set(models.map((m) => m.displayName));
    expect(found).toEqual(['DeepSeek-V3', 'Qwen2.5-72B', ...(names.has('GPT-4o') ? ['GPT-4o'] : []), ...(names.has('GPT-4') ? ['GPT-4'] : [])]);
  });
});
