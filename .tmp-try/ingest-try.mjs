import { openStore } from '/work/wt-speed/dist/src/store/database.js';
import { bulkIngest } from '/work/wt-speed/dist/src/ingest/sec/bulk-ingest.js';
import { rmSync } from 'node:fs';
const zip = process.argv[2];
for (const threads of process.argv.slice(3).map(Number)) {
  const path = `/tmp/ingest-try-${threads}.db`;
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const store = await openStore(path);
  const t0 = performance.now();
  const s = await bulkIngest(store, zip, { threads });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(); console.log(threads, 'cpu', Math.round((cpu.user+cpu.system)/1000), Math.round(ms), 'ms', s.facts, 'facts', JSON.stringify(s.stages, (k, v) => (typeof v === 'number' ? Math.round(v) : v)), 'rss', Math.round(process.resourceUsage().maxRSS / 1024));
  await store.close();
}
