// COPY's CSV is the one place values travel as text: NULL versus "" and the digits of a double
// must survive exactly, or PostgreSQL would store something SQLite does not.
import { describe, expect, it } from 'vitest';
import { copyCsvChunks, copyCsvLine } from '../../src/store/copy-csv.js';

describe('copyCsvLine', () => {
  it('leaves null bare and quotes every string, so NULL and the empty string stay apart', () => {
    expect(copyCsvLine([null, '', undefined, 'x'])).toBe(',"",,"x"\n');
  });

  it('doubles quotes and keeps commas, newlines, backslashes and a lone \\. inside quotes', () => {
    expect(copyCsvLine(['say "hi", then\nleave', 'C:\\path', '\\.'])).toBe('"say ""hi"", then\nleave","C:\\path","\\."\n');
  });

  it('writes numbers in their shortest round-trip form', () => {
    const values = [0.1 + 0.2, 1e21, -5e-324, 123456789012345, 7.2993];
    const line = copyCsvLine(values);
    expect(line.trimEnd().split(',').map(Number)).toEqual(values);
  });

  it('refuses numbers no column stores', () => {
    expect(() => copyCsvLine([NaN])).toThrow(/cannot COPY the number NaN/);
    expect(() => copyCsvLine([Infinity])).toThrow(/only finite numbers/);
  });
});

describe('copyCsvChunks', () => {
  it('groups records into chunks without splitting one, and drops none', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `row ${i}`]);
    const chunks = [...copyCsvChunks(rows, 100)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(rows.map((r) => copyCsvLine(r)).join(''));
  });
});
