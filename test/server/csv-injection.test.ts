// Issue #19 finding 11: a spreadsheet runs a CSV cell that begins with =, +, -, @, a tab or a
// carriage return as a formula. Every CSV airace writes goes through src/views/csv.ts, which
// neutralises such text cells; an article pasted into /check is the easy way to get one in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../src/views/csv.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

describe('CSV exports', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])('neutralise a text cell beginning %j', (cell) => {
    expect(csvCell(cell)).toBe(`'${cell}`);
    const [, row] = parse(toCsv(['a'], [[cell]]), { relaxColumnCount: true }) as string[][];
    expect(row![0]).toBe(`'${cell}`);
  });

  it('leave numbers, empty cells and ordinary text alone', () => {
    expect(csvCell(-5.2)).toBe(-5.2);
    expect(csvCell(null)).toBe('');
    expect(csvCell('Amazon')).toBe('Amazon');
    expect(toCsv(['x'], [[-1]])).toBe('x\n-1\n');
  });

  it('neutralise a formula an article puts into /check.csv', async () => {
    const article = '=HYPERLINK("http://evil.example","Amazon spent $83.0 billion on capex in 2024")';
    const res = await server.app.inject({ method: 'POST', url: '/check.csv', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ text: article }).toString() });
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.some((r) => r.text!.startsWith("'=HYPERLINK("))).toBe(true);
  });
});
