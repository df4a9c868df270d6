// `airace models sync` against a loopback server serving Epoch's table in its real format:
// conditional requests, retries with backoff, refusal of an HTML page or a malformed table, one
// transaction (nothing stored from a failed sync), every retrieval kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../src/store/database.js';
import { EpochClient } from '../../src/ingest/models/epoch-client.js';
import { HttpError } from '../../src/ingest/http/http-error.js';
import { epochConfigFromEnv, DEFAULT_EPOCH_URL } from '../../src/ingest/models/epoch-config.js';
import { syncModels } from '../../src/ingest/models/sync-models.js';
import { RateLimiter } from '../../src/ingest/http/rate-limiter.js';
import { listModelLoads } from '../../src/store/models-repository.js';
import { modelCatalog } from '../../src/series/model-catalog.js';
import { forEachDialect } from '../helpers/dialects.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../sync/sync-test-kit.js';
import { EpochFixtureServer, EPOCH_PATH } from './epoch-fixture-server.js';
import { EPOCH_FILE, readShared, sharedModelsPresent, table, withCell } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

/** A port nothing listens on: one the OS just handed out and took back. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function client(server: EpochFixtureServer, retries: string[] = [], env: Record<string, string> = {}): EpochClient {
  return new EpochClient(epochConfigFromEnv(server.env(env), 'test'), {
    limiter: new RateLimiter(1000),
    sleep: (ms) => {
      retries.push(String(ms));
      return new Promise((r) => setTimeout(r, 1));
    },
  });
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return e as HttpError;
  }
  throw new Error('expected the sync to fail');
}

describe('Epoch settings', () => {
  it('defaults to Epoch’s documented download and takes AIRACE_EPOCH_URL', () => {
    expect(epochConfigFromEnv({}).url).toBe(DEFAULT_EPOCH_URL);
    expect(DEFAULT_EPOCH_URL).toBe('https://epoch.ai/data/notable_ai_models.csv');
    expect(epochConfigFromEnv({ AIRACE_EPOCH_URL: 'http://127.0.0.1:1/x.csv' }).url).toBe('http://127.0.0.1:1/x.csv');
    expect(() => epochConfigFromEnv({ AIRACE_EPOCH_URL: 'ftp://x' })).toThrow(/invalid AIRACE_EPOCH_URL/);
    expect(() => epochConfigFromEnv({ AIRACE_EPOCH_RETRIES: 'many' })).toThrow(/invalid AIRACE_EPOCH_RETRIES/);
  });
});

forEachDialect('models sync', ['shared-models'], (dialect) => {
  let server: EpochFixtureServer;
  let store: Store;
  const csv = sharedModelsPresent ? readShared(EPOCH_FILE) : '';
  beforeAll(async () => {
    server = await EpochFixtureServer.start(csv);
    store = await bundledStore(dialect);
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });
  beforeEach(() => {
    server.clearFaults();
    server.publishTable(csv);
  });

  it('refuses an HTML page and a malformed table, and stores nothing from either', async () => {
    server.fault(EPOCH_PATH, { kind: 'content-type', type: 'text/html; charset=utf-8' });
    const html = await failure(syncModels(store, client(server), { today: '2026-05-01' }));
    expect(html.kind).toBe('content-type');
    expect(html.message).toMatch(/expected CSV from http:\/\/127\.0\.0\.1:\d+\/data\/notable_ai_models\.csv but got text\/html; charset=utf-8 starting "<!DOCTYPE html>/);

    server.publishTable(withCell(csv, 200, 'Publication date', 'April 2024'));
    const bad = await failure(syncModels(store, client(server), { today: '2026-05-01' }));
    expect(bad.kind).toBe('malformed');
    expect(bad.message).toMatch(/^Epoch AI's table is not in a format airace reads: http:\/\/127\.0\.0\.1:\d+\/data\/notable_ai_models\.csv:\d+: Publication date: expected a publication date YYYY-MM-DD \(got "April 2024"\)$/);

    server.removeDocument(EPOCH_PATH);
    const missing = await failure(syncModels(store, client(server), { today: '2026-05-01' }));
    expect(missing.message).toMatch(/not found \(404\): .*Has Epoch moved the file\? .*AIRACE_EPOCH_URL/);

    // A redirect to another host is refused (nothing is sent there); a gzip bomb stops at the size limit.
    server.publishTable(csv);
    server.fault(EPOCH_PATH, { kind: 'redirect', location: 'http://192.0.2.1/notable_ai_models.csv' });
    expect((await failure(syncModels(store, client(server), { today: '2026-05-01' }))).message).toMatch(/^refused a redirect from .* to http:\/\/192\.0\.2\.1\/notable_ai_models\.csv/);
    server.fault(EPOCH_PATH, { kind: 'gzip-bomb', inflatedMb: 64 });
    const bomb = await failure(syncModels(store, client(server, [], { AIRACE_EPOCH_MAX_BODY_MB: '8' }), { today: '2026-05-01' }));
    expect(bomb.message).toMatch(/inflates to more than 8\.0 MB/);

    expect(await listModelLoads(store.db)).toEqual([]);
    const runs = await store.db.selectFrom('runs').selectAll().where('kind', '=', 'models-sync').execute();
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
  });

  it('downloads the table (retrying what passes) and stores it as the retrieval of the day', async () => {
    server.fault(EPOCH_PATH, { kind: 'status', status: 503 }, 2);
    server.fault(EPOCH_PATH, { kind: 'truncate' });
    const sleeps: string[] = [];
    const progress: number[] = [];
    const r = await syncModels(store, client(server, sleeps), { today: '2026-05-01', onProgress: (n) => progress.push(n) });
    expect(r).toMatchObject({ status: 'loaded', notModified: false, retrieved: '2026-05-01', rows: table(csv).rows.length, format: 'epoch', datasets: ['notable'] });
    expect(sleeps).toHaveLength(3);
    expect(progress.length).toBeGreaterThan(0);
    const last = server.requestsTo(EPOCH_PATH).at(-1)!;
    expect(last.status).toBe(200);
    expect(last.headers['accept-encoding']).toBe('gzip, deflate');
    expect(last.headers['user-agent']).toBe('airace/test (models sync)');
    const catalog = await modelCatalog(store.db);
    expect(catalog.models).toHaveLength(table(csv).rows.length);
    expect(catalog.credit).toMatch(/^Data: Epoch AI, “Data on Notable AI Models”, published online at epoch\.ai .*Licensed under CC BY 4\.0\.$/);
    expect(catalog.dataAsOf).toBe('2026-05-01');
  });

  it('asks “changed since?”: an unchanged table costs one 304 and confirms the retrieval', async () => {
    const r = await syncModels(store, client(server), { today: '2026-05-08' });
    expect(r).toMatchObject({ status: 'unchanged', notModified: true, retrieved: '2026-05-01' });
    const last = server.requestsTo(EPOCH_PATH).at(-1)!;
    expect(last.status).toBe(304);
    expect(last.headers['if-none-match']).toMatch(/^"/);
    const loads = await listModelLoads(store.db);
    expect(loads).toHaveLength(1);
    expect(loads[0]).toMatchObject({ retrieved: '2026-05-01', confirmed: '2026-05-08' });
    expect((await modelCatalog(store.db)).dataAsOf).toBe('2026-05-08');
    // --force downloads again; the same bytes are a confirmation, not a new version.
    const forced = await syncModels(store, client(server), { today: '2026-05-09', force: true });
    expect(forced).toMatchObject({ status: 'unchanged', notModified: false });
    expect(server.requestsTo(EPOCH_PATH).at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(await listModelLoads(store.db)).toHaveLength(1);
  });

  it('keeps the earlier retrieval when Epoch revises the table', async () => {
    const { header, rows } = table(csv);
    const i = rows.findIndex((r) => r[header.indexOf('Training compute (FLOP)')] !== '');
    server.publishTable(withCell(csv, i, 'Training compute (FLOP)', '7.7e24'));
    const r = await syncModels(store, client(server), { today: '2026-06-01' });
    expect(r).toMatchObject({ status: 'loaded', retrieved: '2026-06-01' });
    expect((await listModelLoads(store.db)).map((l) => l.retrieved)).toEqual(['2026-06-01', '2026-05-01']);
    expect((await modelCatalog(store.db)).models[i]!.trainingComputeFlop).toBe(7.7e24);
    expect((await modelCatalog(store.db, { asOf: '2026-05-31' })).models[i]!.trainingComputeFlop).toBe(Number(rows[i]![header.indexOf('Training compute (FLOP)')]));
  });
});

describe('airace models sync (CLI)', needs('shared-models'), () => {
  let server: EpochFixtureServer;
  const dir = tempDir();
  beforeAll(async () => {
    server = await EpochFixtureServer.start(readShared(EPOCH_FILE));
  });
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  it('syncs from AIRACE_EPOCH_URL, then answers series with sources; a second sync is a 304', async () => {
    const db = `${dir.dir}/airace.db`;
    const first = await runCli(['--db', db, 'models', 'sync'], server.env());
    expect(first.stderr).toContain(`Downloading ${server.url}`);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Stored a new retrieval of http:\/\/127\.0\.0\.1:\d+\/data\/notable_ai_models\.csv\.\n {2}\d+ models \(epoch format; Epoch tables: notable\)/);
    expect(first.stdout).toMatch(/\d+ without one \(kept as unknown, never zero\)/);
    const second = await runCli(['--db', db, 'models', 'sync'], server.env());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Unchanged: Epoch AI says .* has not changed since the retrieval of \d{4}-\d{2}-\d{2}/);
    const series = await runCli(['--db', db, 'models', 'series', '--metric', 'frontier_compute', '--country', 'US,China', '--period', 'cy', '--from', '2020', '--to', '2024']);
    expect(series.code, series.stderr).toBe(0);
    expect(series.stdout).toMatch(/period\s+US\s+China/);
    expect(series.stdout).toMatch(/Sources \(Epoch AI rows\):\n {2}\[1\] /);
    expect(series.stdout).toContain('notable_ai_models.csv line ');
  });

  it('fails clearly when the server is down, exit 1 and nothing stored', async () => {
    const db = `${dir.dir}/down.db`;
    const port = await closedPort();
    const r = await runCli(['--db', db, 'models', 'sync'], { ...server.env(), AIRACE_EPOCH_URL: `http://127.0.0.1:${port}/notable_ai_models.csv`, AIRACE_EPOCH_RETRIES: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`retrying in`);
    expect(r.stderr).toMatch(new RegExp(`airace: cannot reach http://127\\.0\\.0\\.1:${port}/notable_ai_models\\.csv: ECONNREFUSED.*\\(gave up after 2 attempts\\)`));
    const list = await runCli(['--db', db, 'models', 'list']);
    expect(list.stdout).toMatch(/^No models data is loaded\. Run `airace models sync`/);
  });
});
