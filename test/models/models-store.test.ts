// Loading models into the store (both dialects): one transaction per file, nothing from a bad
// file, every retrieval kept, the newest read unless --as-of asks for an earlier one.
import { expect, it } from 'vitest';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { listModelLoads, selectModelVersions } from '../../src/store/models-repository.js';
import { modelCatalog } from '../../src/series/model-catalog.js';
import { forEachDialect } from '../helpers/dialects.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';
import { TRANSCRIBED_FILE, firstRows, readShared, table, tempFile, withCell } from './models-fixtures.js';

forEachDialect('models store', ['shared-models'], (dialect) => {
  const store = bundledStoreFor(dialect);

  it('starts empty, and a bad file loads nothing', async () => {
    expect((await modelCatalog(store().db)).load).toBeNull();
    const bad = tempFile('bad.csv', withCell(readShared(TRANSCRIBED_FILE), 500, 'training_compute_flop', 'about 1e24'));
    try {
      await expect(importModelsFile(store(), bad.path, { displayName: 'bad.csv' })).rejects.toThrow(/^bad\.csv:\d+: training_compute_flop: expected a non-negative number/);
    } finally {
      bad.cleanup();
    }
    expect(await listModelLoads(store().db)).toEqual([]);
    expect(Number((await store().db.selectFrom('models').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('stores every row of a file, once however often it is imported', async () => {
    const first = await importModelsFile(store(), TRANSCRIBED_FILE);
    expect(first).toMatchObject({ status: 'loaded', retrieved: '2026-04', retrievedFrom: 'snapshot column', rows: table(readShared(TRANSCRIBED_FILE)).rows.length });
    const again = await importModelsFile(store(), TRANSCRIBED_FILE);
    expect(again).toMatchObject({ status: 'unchanged', loadId: first.loadId });
    const catalog = await modelCatalog(store().db);
    expect(catalog.models).toHaveLength(first.rows);
    expect(catalog.dataAsOf).toBe('2026-04');
    // Text round-trips exactly, stray whitespace included; numbers stay numbers on both dialects.
    const { header, rows } = table(readShared(TRANSCRIBED_FILE));
    const name = header.indexOf('model');
    const compute = header.indexOf('training_compute_flop');
    expect(catalog.models.map((m) => m.name)).toEqual(rows.map((r) => r[name]));
    expect(catalog.models.map((m) => m.trainingComputeFlop)).toEqual(rows.map((r) => (r[compute] === '' ? null : Number(r[compute]))));
  });

  it('keeps every retrieval: a revised table is a new version, earlier ones stay readable', async () => {
    const { header, rows } = table(readShared(TRANSCRIBED_FILE));
    const name = header.indexOf('model');
    const index = rows.findIndex((r) => r[header.indexOf('training_compute_flop')] !== '');
    const revised = tempFile('revised.csv', withCell(firstRows(readShared(TRANSCRIBED_FILE), 50), index, 'training_compute_flop', '1.5e25'));
    try {
      const r = await importModelsFile(store(), revised.path, { retrieved: '2026-05-02' });
      expect(r).toMatchObject({ status: 'loaded', retrieved: '2026-05-02', retrievedFrom: 'option', rows: 50 });
    } finally {
      revised.cleanup();
    }
    expect((await listModelLoads(store().db)).map((l) => l.retrieved)).toEqual(['2026-05-02', '2026-04']);
    const now = await modelCatalog(store().db);
    expect(now.models).toHaveLength(50);
    expect(now.models[index]!.trainingComputeFlop).toBe(1.5e25);
    const before = await modelCatalog(store().db, { asOf: '2026-04-30' });
    expect(before.load!.retrieved).toBe('2026-04');
    expect(before.models[index]!.trainingComputeFlop).toBe(Number(rows[index]![header.indexOf('training_compute_flop')]));
    const versions = await selectModelVersions(store().db, [rows[index]![name]!]);
    expect(versions.map((v) => [v.retrieved, v.trainingComputeFlop])).toEqual([
      ['2026-04', Number(rows[index]![header.indexOf('training_compute_flop')])],
      ['2026-05-02', 1.5e25],
    ]);
  });
});
