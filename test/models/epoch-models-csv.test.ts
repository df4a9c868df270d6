// The models parser reads columns by header, in both formats (Epoch's published table and the
// transcribed selection), follows renamed and reordered columns, and fails a whole file on its
// first malformed row with file:line.
import { describe, expect, it } from 'vitest';
import { parseModelsCsv, datasetFromName } from '../../src/ingest/models/epoch-models-csv.js';
import { DataFileError } from '../../src/ingest/data-file-error.js';
import { EPOCH_FILE, TRANSCRIBED_FILE, firstRows, readShared, reshaped, startLines, table, toText, withCell } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

function failure(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    return e as DataFileError;
  }
  throw new Error('expected the file to be rejected');
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

describe('Epoch AI models files', needs('shared-models'), () => {
  it('reads Epoch’s published notable table by its headers, every row with the values of its cells', () => {
    const text = readShared(EPOCH_FILE);
    const file = parseModelsCsv(text, 'notable.csv');
    const { header, rows } = table(text);
    expect(file.format).toBe('epoch');
    expect(file.rows).toHaveLength(rows.length);
    expect(file.ignoredColumns).toBe(header.length - file.columns.length);
    expect(file.columns).toEqual(expect.arrayContaining(['Model', 'Organization', 'Publication date', 'Training compute (FLOP)', 'Country (of organization)', 'Model accessibility', 'Training compute cost (2023 USD)']));
    const col = (name: string) => header.indexOf(name);
    const cells = (name: string) => rows.map((r) => r[col(name)]);
    // One comparison per field (thousands of single expects are slow on a busy machine).
    expect(file.rows.map((m) => m.name)).toEqual(cells('Model'));
    expect(file.rows.map((m) => m.publicationDate)).toEqual(cells('Publication date').map((d) => d || null));
    expect(file.rows.map((m) => m.trainingComputeFlop)).toEqual(cells('Training compute (FLOP)').map(num));
    expect(file.rows.map((m) => m.parameters)).toEqual(cells('Parameters').map(num));
    expect(file.rows.map((m) => m.trainingCostUsd)).toEqual(cells('Training compute cost (2023 USD)').map(num));
    expect(file.rows.map((m) => m.costBasis)).toEqual(file.rows.map((m) => (m.trainingCostUsd === null ? null : '2023 USD')));
    expect(file.rows.map((m) => m.openWeights)).toEqual(cells('Model accessibility').map((a) => (a ? a.startsWith('Open weights') : null)));
    expect(file.rows.map((m) => m.line)).toEqual(startLines(text));
    // Epoch's notes span lines: row numbers are where each row starts, not its index.
    expect(file.rows.some((m, i) => m.line !== i + 2)).toBe(true);
  });

  it('reads the transcribed selection (snake_case columns, dataset and snapshot per row)', () => {
    const text = readShared(TRANSCRIBED_FILE);
    const file = parseModelsCsv(text, 'models.csv');
    const { header, rows } = table(text);
    expect(file.format).toBe('transcribed');
    expect(file.rows).toHaveLength(rows.length);
    expect(file.ignoredColumns).toBe(0);
    const cells = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(file.rows.map((m) => m.name)).toEqual(cells('model'));
    expect(file.rows.map((m) => m.trainingComputeFlop)).toEqual(cells('training_compute_flop').map(num));
    expect(file.rows.map((m) => m.dataset)).toEqual(cells('dataset'));
    expect(file.rows.map((m) => m.snapshot)).toEqual(cells('snapshot'));
    expect(file.rows.map((m) => m.openWeights)).toEqual(cells('open_weights').map((v) => (v === '' ? null : v === 'yes')));
    // The selection's README: notable rows hold 2023 dollars, large-scale rows cloud costs.
    expect(file.rows.filter((m) => m.trainingCostUsd !== null).map((m) => [m.dataset, m.costBasis])).toEqual(
      file.rows.filter((m) => m.trainingCostUsd !== null).map((m) => [m.dataset, m.dataset === 'notable' ? '2023 USD' : m.dataset === 'large_scale' ? 'cloud' : null]),
    );
    // Names keep Epoch's stray whitespace, for matching back.
    expect(file.rows.some((m) => m.name !== m.name.trim())).toBe(true);
  });

  it('follows renamed, reordered and added columns (the header decides, not the position)', () => {
    const text = firstRows(readShared(EPOCH_FILE), 60);
    const plain = parseModelsCsv(text, 'a.csv', { dataset: 'notable' });
    const renamed = parseModelsCsv(
      reshaped(text, { Model: 'System', 'Country (of organization)': 'Country (from Organization)', 'Training compute cost (2023 USD)': 'Training compute cost (2025 USD)' }),
      'b.csv',
      { dataset: 'notable' },
    );
    expect(renamed.columns).toContain('System');
    expect(renamed.rows.map(({ line: _l, costBasis: _c, ...m }) => m)).toEqual(plain.rows.map(({ line: _l, costBasis: _c, ...m }) => m));
    expect(renamed.rows.find((m) => m.trainingCostUsd !== null)?.costBasis).toBe('2025 USD');
  });

  it('takes a cloud-rental cost but never the hardware purchase ("upfront") cost', () => {
    const { header, rows } = table(firstRows(readShared(EPOCH_FILE), 30));
    const cost = header.indexOf('Training compute cost (2023 USD)');
    const h = [...header];
    h[cost] = 'Training compute cost (upfront)';
    const upfrontOnly = parseModelsCsv(toText(h, rows), 'large_scale_ai_models.csv');
    expect(upfrontOnly.rows.every((m) => m.trainingCostUsd === null)).toBe(true);
    const both = parseModelsCsv(toText([...h, 'Training compute cost (cloud)'], rows.map((r) => [...r, '1000'])), 'large_scale_ai_models.csv');
    expect(both.rows.every((m) => m.trainingCostUsd === 1000 && m.costBasis === 'cloud')).toBe(true);
    expect(both.rows[0]!.dataset).toBe('large_scale');
  });

  it('rejects a row with a malformed number, naming the file, the line the row starts on and the column', () => {
    const text = firstRows(readShared(EPOCH_FILE), 300);
    const lines = startLines(text);
    const index = 137;
    const err = failure(() => parseModelsCsv(withCell(text, index, 'Training compute (FLOP)', '3.1e25 FLOP'), 'notable.csv'));
    expect(err.file).toBe('notable.csv');
    expect(err.line).toBe(lines[index]);
    expect(err.message).toBe(`notable.csv:${lines[index]}: Training compute (FLOP): expected a non-negative number or an empty cell (got "3.1e25 FLOP")`);
    expect(failure(() => parseModelsCsv(withCell(text, 3, 'Parameters', '-7'), 'n.csv')).line).toBe(lines[3]);
  });

  it('rejects a date that is not a date (a spreadsheet shifted the columns) and a nameless row', () => {
    const text = readShared(TRANSCRIBED_FILE);
    const bad = failure(() => parseModelsCsv(withCell(text, 10, 'publication_date', 'NVIDIA Tesla V100 SMX2'), 'models.csv'));
    expect(bad.message).toMatch(/^models\.csv:12: publication_date: expected a publication date YYYY-MM-DD \(got "NVIDIA Tesla V100 SMX2"\)$/);
    expect(failure(() => parseModelsCsv(withCell(text, 4, 'publication_date', '2025-02-30'), 'models.csv')).line).toBe(6);
    expect(failure(() => parseModelsCsv(withCell(text, 2, 'model', '  '), 'models.csv')).message).toMatch(/models\.csv:4: model: a model name is required/);
    expect(failure(() => parseModelsCsv(withCell(text, 2, 'open_weights', 'maybe'), 'models.csv')).message).toMatch(/:4: open_weights: expected yes, no/);
    expect(failure(() => parseModelsCsv(withCell(text, 0, 'open_weights', 'no'), 'models.csv')).message).toMatch(/:2: open_weights says no but accessibility is "Open weights/);
  });

  it('rejects a row with a missing cell, and a file that is not a models table', () => {
    const text = firstRows(readShared(TRANSCRIBED_FILE), 20);
    const lines = text.split('\n');
    lines[2] = lines[2]!.split(',').slice(0, 5).join(',');
    expect(failure(() => parseModelsCsv(lines.join('\n'), 'short.csv')).message).toMatch(/^short\.csv:3: not valid CSV: Invalid Record Length/);
    expect(failure(() => parseModelsCsv('ticker,name\nAMZN,Amazon\n', 'companies.csv')).message).toMatch(/^companies\.csv:1: not a table of AI models: no "Model" or "Publication date" column/);
    expect(failure(() => parseModelsCsv('<!DOCTYPE html><html><body>Moved</body></html>\n', 'page.csv')).line).toBe(1);
    expect(failure(() => parseModelsCsv('', 'empty.csv')).message).toMatch(/empty file/);
    expect(failure(() => parseModelsCsv(text.split('\n')[0] + '\n', 'header.csv')).message).toMatch(/^header\.csv:2: no data rows after the header/);
  });
});

describe('models file names', () => {
  it('names Epoch’s tables from their file names', () => {
    expect(datasetFromName('https://epoch.ai/data/notable_ai_models.csv')).toBe('notable');
    expect(datasetFromName('/tmp/large_scale_ai_models.csv')).toBe('large_scale');
    expect(datasetFromName('all_ai_models.csv')).toBe('all');
    expect(datasetFromName('models.csv')).toBeNull();
  });
});
