// The one reviewed organisation map: Epoch's spellings of a tracked company count for it, labs
// stay themselves, and every name in Epoch's data that looks like a tracked company's has been
// reviewed (mapped, or listed here as someone else's).
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_MAP, actorOf, actorsOf } from '../../src/model/model-organizations.js';
import { countryGroupOf } from '../../src/model/country-group.js';
import { readCompaniesCsv } from '../../src/ingest/companies-csv.js';
import { bundledDataDir } from '../../src/config/paths.js';
import { join } from 'node:path';
import { EPOCH_FILE, TRANSCRIBED_FILE, readShared, table } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

/** Names that look like a tracked company's but are not (checked against the source's own pages). */
const REVIEWED_NOT_TRACKED: Record<string, string> = {
  'MetaMind Inc': 'a Salesforce acquisition (2016), not Meta',
};

const LOOKS_TRACKED = /google|deepmind|meta|facebook|\bfair\b|microsoft|amazon|\baws\b|alibaba|qwen/i;

describe('organisation map', () => {
  it('maps Epoch’s spellings of each tracked company to it, and keeps labs as themselves', () => {
    for (const name of ['Google DeepMind', 'Google', 'DeepMind', 'Google Brain', 'google  deepmind ']) expect(actorOf(name)).toMatchObject({ actor: 'Alphabet', ticker: 'GOOGL' });
    for (const name of ['Meta AI', 'Facebook AI Research', 'FAIR']) expect(actorOf(name)).toMatchObject({ actor: 'Meta', ticker: 'META' });
    expect(actorOf('Microsoft Research')).toMatchObject({ actor: 'Microsoft', ticker: 'MSFT' });
    expect(actorOf('Amazon')).toMatchObject({ actor: 'Amazon', ticker: 'AMZN' });
    expect(actorOf('Alibaba')).toMatchObject({ actor: 'Alibaba', ticker: 'BABA' });
    for (const lab of ['OpenAI', 'Anthropic', 'DeepSeek', 'xAI', 'Mistral AI']) expect(actorOf(lab)).toEqual({ organization: lab, actor: lab, ticker: null });
    expect(actorOf('Z.ai (Zhipu AI)')).toMatchObject({ actor: 'Zhipu AI', ticker: null });
    expect(actorOf('Moonshot')).toMatchObject({ actor: 'Moonshot AI', ticker: null });
    // Exact names only: a prefix is not a company.
    expect(actorOf('MetaMind Inc').ticker).toBeNull();
    expect(actorOf('Googleplex Labs').ticker).toBeNull();
  });

  it('counts a company once per model, and each participant of a joint model', () => {
    expect(actorsOf('Google DeepMind,Google').map((a) => a.actor)).toEqual(['Alphabet']);
    expect(actorsOf('Microsoft,OpenAI').map((a) => a.actor)).toEqual(['Microsoft', 'OpenAI']);
    expect(actorsOf(null)).toEqual([]);
  });

  it('maps only to companies airace tracks', () => {
    const tickers = new Set(readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'companies.csv').rows.map((r) => r.value.ticker));
    for (const e of ORGANIZATION_MAP) if (e.ticker) expect(tickers, e.organization).toContain(e.ticker);
    expect(new Set(ORGANIZATION_MAP.map((e) => e.organization.toLowerCase())).size).toBe(ORGANIZATION_MAP.length);
  });

  it('groups countries US / China / other by the stated rule', () => {
    expect(countryGroupOf('United States of America')).toBe('US');
    expect(countryGroupOf('China,Hong Kong')).toBe('China');
    expect(countryGroupOf('Hong Kong')).toBe('China');
    expect(countryGroupOf('United States of America,China')).toBe('Other');
    expect(countryGroupOf('United Kingdom of Great Britain and Northern Ireland')).toBe('Other');
    expect(countryGroupOf(null)).toBe('Other');
  });

  it('has reviewed every name in Epoch’s data that looks like a tracked company', needs('shared-models'), () => {
    const names = new Set<string>();
    for (const file of [TRANSCRIBED_FILE, EPOCH_FILE]) {
      const { header, rows } = table(readShared(file));
      const col = header.findIndex((h) => /^organi[sz]ation$/i.test(h));
      for (const r of rows) for (const o of r[col]!.split(',')) if (o.trim()) names.add(o.replace(/\s+/g, ' ').trim());
    }
    const unreviewed = [...names].filter((n) => LOOKS_TRACKED.test(n) && actorOf(n).ticker === null && !(n in REVIEWED_NOT_TRACKED));
    expect(unreviewed).toEqual([]);
    // And the reviewed exceptions are real names in the data, not stale entries.
    for (const n of Object.keys(REVIEWED_NOT_TRACKED)) expect(names).toContain(n);
  });
});
