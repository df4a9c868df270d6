// The entry decoder with worker threads: tasks beyond PREFETCH per thread wait, and while the caller
// waits for an outcome it decodes waiting tasks itself. Every outcome is what decoding on the
// caller's thread gives, whichever thread produced it.
import { expect, it } from 'vitest';
import { createEntryDecoder } from '../../src/ingest/sec/bulk-decoder.js';
import { decodeStoredEntry, type DecodeOutcome, type StoredEntryTask } from '../../src/ingest/sec/bulk-entry.js';
import { companyFactsJson, fixtureCompanies } from './fixtures/sec-fixtures.js';

/** An outcome without its step timings, which differ from run to run; the timings are checked apart. */
function withoutSteps(o: DecodeOutcome) {
  if (!o.ok) return o;
  const { steps, ...rest } = o;
  expect(Object.values(steps).every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
  return rest;
}

function taskOf(json: object, cik: number, ticker: string): StoredEntryTask {
  const bytes = Buffer.from(JSON.stringify(json));
  return { stored: new Uint8Array(bytes), compressionMethod: 0, uncompressedSize: bytes.length, cik, ticker, currency: null, source: `test:${ticker}` };
}

it('decodes waiting tasks on the calling thread while it waits, with the outcomes a serial decode gives', async () => {
  const companies = fixtureCompanies();
  // Many copies, so that some wait while the one worker is busy.
  const tasks = Array.from({ length: 24 }, (_, i) => companies[i % companies.length]!).map((c, i) => ({ c, i }));
  const make = () => tasks.map(({ c, i }) => taskOf(companyFactsJson(c), c.cik, `T${i}`));
  const serial = make().map(decodeStoredEntry).map(withoutSteps);
  const decoder = createEntryDecoder(1);
  try {
    const pending = make().map((t) => decoder.decode(t));
    const outcomes = [];
    for (const p of pending) outcomes.push(await decoder.wait(p));
    expect(outcomes.map(withoutSteps)).toEqual(serial);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // The caller decoded some of them itself (one worker cannot have started all 24 before the first wait).
    expect(decoder.decodedHereMs).toBeGreaterThan(0);
  } finally {
    await decoder.close();
  }
});
