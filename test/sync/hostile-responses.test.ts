// Hostile and broken answers from the SEC host, served by the loopback fixture server: a gzip
// bomb (2 MB that inflates to 2 GB), a body labelled gzip that is not, an oversized download,
// and redirects away from the configured hosts. Each must fail that company cleanly, with a
// message, and the run must end with a summary and a state --resume can act on.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { fixtureCompanies, AMZN_CIK, MSFT_CIK } from './fixtures/sec-fixtures.js';
import { failure, testClient } from './sync-test-kit.js';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect, type TestDatabase } from '../helpers/dialects.js';
import { companyFactsUrl } from '../../src/ingest/sec/sec-urls.js';
import { openStore } from '../../src/store/database.js';

const factsPath = SecFixtureServer.companyFactsPath(AMZN_CIK);


/** Another origin on the loopback: records what reaches it. */
async function elsewhere(): Promise<{ server: Server; url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"cik": 1018724, "entityName": "NOT SEC", "facts": {}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let server: SecFixtureServer;
beforeAll(async () => {
  server = await SecFixtureServer.start(fixtureCompanies());
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.clearFaults());

describe('the SEC client against hostile responses', () => {
  it('refuses a gzip bomb while it inflates, without holding it in memory', async () => {
    const { client } = testClient(server);
    server.fault(factsPath, { kind: 'gzip-bomb', inflatedMb: 2048 });
    const before = process.memoryUsage().rss;
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/CIK0001018724\.json inflates to more than 256\.0 MB \(from [\d.]+ (MB|bytes) received\); refused/);
    expect(err.attempts).toBe(1);
    // It stopped at the limit: far from the 2 GB the body would inflate to.
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });

  it('refuses a download over the size limit from its Content-Length, before reading it', async () => {
    const { client } = testClient(server, { maxDownloadBytes: 1000 });
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/is \d+(\.\d)? (MB|bytes), over the 1000 bytes limit/);
  });

  it('retries a body that does not decode, then gives up with the reason', async () => {
    const { client } = testClient(server);
    server.fault(factsPath, { kind: 'corrupt-gzip' }, 10);
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(err.kind).toBe('decode');
    expect(err.message).toMatch(/does not decode as gzip: .*\(gave up after 4 attempts\)/);
    expect(err.attempts).toBe(4);
  });

  it('refuses a redirect to another host, sending nothing there', async () => {
    const other = await elsewhere();
    try {
      const { client } = testClient(server);
      server.fault(factsPath, { kind: 'redirect', location: `${other.url}/api/xbrl/companyfacts/CIK0001018724.json` });
      const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
      expect(err.kind).toBe('redirect');
      expect(err.message).toMatch(new RegExp(`refused a redirect from .*CIK0001018724\\.json to ${other.url}/api/xbrl/companyfacts/CIK0001018724\\.json: redirects are followed only within http://127\\.0\\.0\\.1:${server.port}`));
      expect(err.attempts).toBe(1);
      expect(other.seen).toHaveLength(0);
    } finally {
      await new Promise((r) => other.server.close(r));
    }
  });

  it('follows a redirect within the configured hosts', async () => {
    const { client } = testClient(server);
    server.fault(factsPath, { kind: 'redirect', location: factsPath, status: 301 });
    const res = await client.get(companyFactsUrl(client.config, AMZN_CIK));
    expect(res.kind).toBe('ok');
    const last = server.requestsTo(factsPath).slice(-2);
    expect(last.map((r) => r.status)).toEqual([301, 200]);
    expect(last[1]!.headers['user-agent']).toBe('airace tests tests@example.com');
  });
});

forEachDialect('a sync run meeting hostile responses', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.createDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const cli = (args: string[]) => runCli(['--db', database.target, ...args], server.env());
  const lastRun = async () => {
    const store = await openStore(database.target);
    try {
      return await store.db.selectFrom('runs').select(['status', 'detail']).where('kind', '=', 'sync').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    } finally {
      await store.close();
    }
  };

  it('a gzip bomb fails that company alone; the run ends partial with a summary', async () => {
    server.fault(factsPath, { kind: 'gzip-bomb', inflatedMb: 2048 });
    const r = await cli(['sync', '--force', 'AMZN', 'MSFT']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Sync run \d+: 1 updated, 0 unchanged, 1 failed/);
    expect(r.stdout).toMatch(/failed\s+AMZN\s+response from .* inflates to more than 256\.0 MB/);
    expect(r.stdout).toMatch(/updated\s+MSFT/);
    expect(await lastRun()).toMatchObject({ status: 'partial' });
  });

  it('a corrupt gzip body fails cleanly, the run ends failed, and --resume retries it a bounded number of times', async () => {
    server.fault(factsPath, { kind: 'corrupt-gzip' }, 100);
    const first = await cli(['sync', '--force', 'AMZN']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Sync run \d+: 0 updated, 0 unchanged, 1 failed/);
    expect(first.stdout).toMatch(/failed\s+AMZN\s+response from .* does not decode as gzip/);
    expect(first.stderr).toMatch(/airace: 1 company failed to sync/);
    expect(await lastRun()).toMatchObject({ status: 'failed' });

    for (let i = 2; i <= 3; i++) {
      const again = await cli(['sync', '--resume']);
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/0 updated, 0 unchanged, 1 failed/);
      expect(await lastRun()).toMatchObject({ status: 'failed' });
    }
    const done = await cli(['sync', '--resume']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Nothing to resume: .*gave up on those that failed 3 times/);
    // A new run tries it again, and succeeds once the host behaves.
    server.clearFaults();
    const fresh = await cli(['sync', '--force', 'AMZN']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/1 updated, 0 unchanged, 0 failed/);
    expect(await lastRun()).toMatchObject({ status: 'ok' });
  });

  it('a cross-origin redirect fails that company with a clear error', async () => {
    const other = await elsewhere();
    try {
      server.fault(SecFixtureServer.companyFactsPath(MSFT_CIK), { kind: 'redirect', location: `${other.url}/elsewhere.json` });
      const r = await cli(['sync', '--force', 'MSFT']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/failed\s+MSFT\s+refused a redirect from .* to http:\/\/127\.0\.0\.1:\d+\/elsewhere\.json/);
      expect(other.seen).toHaveLength(0);
    } finally {
      await new Promise((r) => other.server.close(r));
    }
  });
});
