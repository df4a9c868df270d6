import yauzl from 'yauzl';
import v8 from 'node:v8';
import { parseCompanyFacts } from '/work/wt-speed/dist/src/ingest/sec/companyfacts-parse.js';
import { mapCompanyFacts } from '/work/wt-speed/dist/src/ingest/sec/map-company-facts.js';
const zip = await yauzl.openPromise(process.argv[2], { lazyEntries: true });
const all = [];
let bytes = [];
for await (const e of zip.eachEntry()) {
  if (!e.fileName.endsWith('.json')) continue;
  const c = []; for await (const x of await zip.openReadStreamPromise(e)) c.push(x);
  bytes.push(Buffer.concat(c));
}
let t = performance.now();
for (const b of bytes) { const d = parseCompanyFacts(b, 'x'); all.push(mapCompanyFacts(d, { ticker: 'T', cik: d.cik, source: 'x' }).facts); }
console.log('parse+map', performance.now() - t);
t = performance.now();
const ser = all.map((f) => v8.serialize(f));
console.log('serialize', performance.now() - t, ser.reduce((n, b) => n + b.length, 0) / 1e6, 'MB');
t = performance.now();
for (const s of ser) v8.deserialize(s);
console.log('deserialize', performance.now() - t);
t = performance.now();
const js = all.map((f) => JSON.stringify(f));
console.log('json stringify', performance.now() - t);
t = performance.now();
for (const s of js) JSON.parse(s);
console.log('json parse', performance.now() - t);
// columnar: arrays per field
t = performance.now();
const cols = all.map((facts) => { const keys = Object.keys(facts[0] ?? {}); return { keys, rows: facts.map((f) => keys.map((k) => f[k])) }; });
const ser2 = cols.map((c) => v8.serialize(c));
console.log('rows serialize', performance.now() - t);
t = performance.now();
for (const s of ser2) v8.deserialize(s);
console.log('rows deserialize', performance.now() - t);
