// Issue #19 finding 2: every claim once repeated its whole sentence, so 78 KB of input made a
// 126 MB report. Now the report holds the text once; claims point into it by offset and carry at
// most a short excerpt; and one check covers at most MAX_CLAIMS figures, saying where it stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { checkArticle } from '../../src/check/check-article.js';
import { MAX_CLAIMS } from '../../src/check/extract-claims.js';
import { MAX_EXCERPT, reportToWebJson } from '../../src/check/report-json.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

/** One long sentence with a figure every few words: the shape that made reports quadratic. */
const article = (figures: number) => `Amazon spent ${Array.from({ length: figures }, (_, i) => `$${i + 1}.5 billion`).join(' and ')} on capex in 2024.`;

describe('report size', () => {
  it('holds the text once and a bounded excerpt per claim, pointing into the text', async () => {
    const text = article(300);
    const json = reportToWebJson(await checkArticle(store.db, text, { charts: false }));
    expect(json.text).toBe(text);
    expect(json.claims).toHaveLength(300);
    for (const c of json.claims) {
      expect(c.text.length).toBeLessThanOrEqual(MAX_EXCERPT + 2);
      expect(text.slice(c.figure!.start, c.figure!.end)).toMatch(/^\$\d+\.5 billion$/);
      expect(c.sentence).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  it('grows with the article, not with the article times its claims', async () => {
    const size = async (n: number) => JSON.stringify(reportToWebJson(await checkArticle(store.db, article(n), { charts: false }))).length;
    const small = await size(100);
    const large = await size(400);
    // Four times the figures: about four times the report (a quadratic report would be sixteen times).
    expect(large / small).toBeLessThan(6);
  }, 120_000);

  it('checks at most MAX_CLAIMS figures and says where it stopped', async () => {
    const text = article(MAX_CLAIMS + 200);
    const r = await checkArticle(store.db, text, { charts: false });
    expect(r.claims).toHaveLength(MAX_CLAIMS);
    expect(r.uncheckedFrom).not.toBeNull();
    expect(text.slice(r.uncheckedFrom!)).toMatch(new RegExp(`^\\$${MAX_CLAIMS + 1}\\.5 billion`));
  }, 120_000);
});
