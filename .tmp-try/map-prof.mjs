import yauzl from 'yauzl';
import { parseCompanyFacts } from '/work/wt-speed/dist/src/ingest/sec/companyfacts-parse.js';
import { mapCompanyFacts } from '/work/wt-speed/dist/src/ingest/sec/map-company-facts.js';
const zip = await yauzl.openPromise(process.argv[2], { lazyEntries: true });
const bytes = [];
for await (const e of zip.eachEntry()) {
  if (!e.fileName.endsWith('.json')) continue;
  const c = []; for await (const x of await zip.openReadStreamPromise(e)) c.push(x);
  bytes.push(Buffer.concat(c));
}
for (let r = 0; r < 3; r++) {
let t = performance.now();
const docs = bytes.map((b) => parseCompanyFacts(b, 'x'));
const tp = performance.now() - t;
t = performance.now();
let n = 0;
for (const d of docs) n += mapCompanyFacts(d, { ticker: 'T', cik: d.cik, source: 'x' }).facts.length;
console.log('parse', Math.round(tp), 'map', Math.round(performance.now() - t), n);
}
