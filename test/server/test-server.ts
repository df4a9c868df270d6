// A server on a fresh temporary SQLite file with the bundled data loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { buildServer, type BuildServerOptions } from '../../src/server/build-server.js';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  dbFile: string;
  close(): Promise<void>;
}

export async function testServer(options: Partial<Omit<BuildServerOptions, 'store'>> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'airace-server-'));
  const dbFile = join(dir, 'airace.db');
  const store = await openStore(dbFile);
  await ensureBundledData(store);
  const app = buildServer({ store, rateLimit: false, ...options });
  return {
    app,
    store,
    dbFile,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
