// Model claims in an article, end to end through checkArticle: with Epoch AI's table imported
// (the transcribed selection in ../shared, read here independently of airace's parser), a true
// release date, parameter count and training compute are supported, wrong ones contradicted, a
// name Epoch lacks is not checkable; without models data every model claim says it is not loaded.
// The sentences are built from the table's own values, never typed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { checkArticle, reportToJson, reportToText } from '../../src/check/index.js';
import type { CheckedClaim } from '../../src/check/check-report.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { TRANSCRIBED_FILE, readShared, sharedModelsPresent, table } from '../models/models-fixtures.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 2024-12-24 → "December 24, 2024". */
const spoken = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
/** 671000000000 → "671 billion"; 72700000000 → "72.7 billion". */
const billions = (n: number) => `${Number((n / 1e9).toPrecision(4))} billion`;
const claimAt = (claims: CheckedClaim[], text: string, words: string) => {
  const at = text.indexOf(words);
  const c = claims.find((x) => x.figure && x.figure.start <= at && at < x.figure.end);
  if (!c) throw new Error(`no claim at “${words}”`);
  return c;
};

describe('model claims without models data', () => {
  it('are not checkable, saying the data is not loaded and how to load it', async () => {
    const store = await bundledStore();
    try {
      const text = 'DeepSeek released DeepSeek-V3 on December 24, 2024. The model has 671 billion parameters and was trained with 3.3e24 FLOP.';
      const report = await checkArticle(store.db, text, { charts: false });
      const models = report.claims.filter((c) => c.kind === 'model');
      expect(models.length).toBe(3);
      for (const c of models) {
        expect(c).toMatchObject({ verdict: 'not-checkable', reasonCode: 'model-data' });
        expect(c.reason).toMatch(/^models data not loaded: .*airace models sync/);
      }
      expect(claimAt(report.claims, text, 'December 24').against.model).toMatchObject({ name: 'DeepSeek-V3', how: 'stated', quantity: 'release_date' });
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!sharedModelsPresent)('model claims checked against Epoch AI’s table', () => {
  let store: Store;
  const { header, rows } = sharedModelsPresent ? table(readShared(TRANSCRIBED_FILE)) : { header: [], rows: [] };
  const cell = (r: string[], c: string) => r[header.indexOf(c)]!;
  const named = (name: string) => rows.filter((r) => cell(r, 'model') === name);
  // A model with a date, parameters and a Confident compute estimate, whose name is one row and starts no other's.
  const model = rows.find((r) => {
    const name = cell(r, 'model');
    return cell(r, 'confidence') === 'Confident' && cell(r, 'parameters') && cell(r, 'training_compute_flop') && cell(r, 'publication_date') && /^[A-Z][\w.-]*\d/.test(name) && !/\s/.test(name) && rows.filter((x) => cell(x, 'model').toLowerCase().startsWith(name.toLowerCase())).length === 1;
  });
  beforeAll(async () => {
    store = await bundledStore();
    await importModelsFile(store, TRANSCRIBED_FILE);
  });
  afterAll(() => store.close());

  it('supports a true release date, parameter count and training compute, and says what it checked against', async () => {
    expect(model, 'a suitable model in the shared file').toBeDefined();
    const name = cell(model!, 'model');
    const date = cell(model!, 'publication_date');
    const params = Number(cell(model!, 'parameters'));
    const compute = Number(cell(model!, 'training_compute_flop'));
    const text = `${name} was released on ${spoken(date)}. It has ${billions(params)} parameters and was trained with ${compute.toExponential(2).replace('+', '')} FLOP.`;
    const report = await checkArticle(store.db, text, { charts: false });
    const release = claimAt(report.claims, text, spoken(date));
    expect(release).toMatchObject({ kind: 'model', verdict: 'supported', claimed: { display: date }, actual: { display: date }, against: { model: { name, epochName: name, matched: 'exact', how: 'stated', quantity: 'release_date' } } });
    const p = claimAt(report.claims, text, billions(params));
    expect(p).toMatchObject({ verdict: 'supported', against: { model: { epochName: name, how: 'carried', fromSentence: 1 } } });
    expect(p.actual!.value).toBe(params);
    expect(p.sources[0]).toMatchObject({ url: cell(model!, 'link').split(/\s/)[0], form: 'Epoch AI' });
    expect(p.sources[0]!.readAt).toMatch(/^models\.csv line \d+ \(retrieved 2026-04\)$/);
    expect(p.notes.join(' ')).toMatch(/Epoch AI.*CC BY 4\.0/);
    const c = claimAt(report.claims, text, compute.toExponential(2).replace('+', ''));
    expect(c).toMatchObject({ verdict: 'supported' });
    expect(c.actual!.value).toBe(compute);
    // The text report and the JSON carry the model and how it was found.
    expect(reportToText(report)).toContain(`against  ${name} (stated) · release date`);
    expect(JSON.stringify(reportToJson(report))).toContain(`"epochName":"${name}"`);
  });

  it('contradicts a wrong release year, parameter count and compute, with Epoch’s figure', async () => {
    const name = cell(model!, 'model');
    const year = Number(cell(model!, 'publication_date').slice(0, 4));
    const params = Number(cell(model!, 'parameters'));
    const compute = Number(cell(model!, 'training_compute_flop'));
    const text = `${name} was released in ${year - 3}. ${name} has ${billions(params * 2)} parameters. ${name} was trained with ${(compute * 10).toExponential(1).replace('+', '')} FLOP.`;
    const report = await checkArticle(store.db, text, { charts: false });
    const models = report.claims.filter((c) => c.kind === 'model');
    expect(models.map((c) => c.verdict)).toEqual(['contradicted', 'contradicted', 'contradicted']);
    expect(models[0]!.reason).toContain('3 years apart');
    expect(models[1]!.actual!.value).toBe(params);
    expect(models[2]!.difference!.display).toMatch(/0\.10× the claim/);
  });

  it('does not contradict a figure whose model it had to guess', async () => {
    const name = cell(model!, 'model');
    const params = Number(cell(model!, 'parameters'));
    // The model is named only after the figure: a guess.
    const text = `With ${billions(params * 2)} parameters, the largest of them is ${name}.`;
    const report = await checkArticle(store.db, text, { charts: false });
    const c = report.claims.find((x) => x.kind === 'model')!;
    expect(c).toMatchObject({ verdict: 'not-checkable', reasonCode: 'guessed', against: { model: { how: 'inferred', epochName: name } } });
  });

  it('says a model Epoch does not list is not checkable, and a speculative estimate is no ground to contradict', async () => {
    const unknown = 'Zorblax-9000';
    expect(named(unknown)).toEqual([]);
    const speculative = rows.find((r) => cell(r, 'confidence') === 'Speculative' && cell(r, 'training_compute_flop') && named(cell(r, 'model')).length === 1 && /^[A-Z][\w.-]*\d[\w.-]*$/.test(cell(r, 'model')))!;
    const spec = cell(speculative, 'model');
    const text = `${unknown} has 400 billion parameters. ${spec} was trained with ${(Number(cell(speculative, 'training_compute_flop')) * 20).toExponential(1).replace('+', '')} FLOP.`;
    const report = await checkArticle(store.db, text, { charts: false });
    const [z, s] = report.claims.filter((c) => c.kind === 'model');
    expect(z).toMatchObject({ verdict: 'not-checkable', reasonCode: 'no-subject', against: { model: { name: unknown, epochName: null, reason: 'unknown-model' } } });
    expect(z!.reason).toContain('is not in Epoch AI’s table');
    expect(s).toMatchObject({ verdict: 'not-checkable', reasonCode: 'definition-unclear', against: { model: { epochName: spec, reason: 'speculative-estimate' } } });
  });
});
