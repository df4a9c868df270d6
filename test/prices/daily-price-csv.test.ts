// The daily-price parser against the source's real format and every way a response goes wrong:
// each bad input is refused whole, with the symbol and the line in the message.
import { describe, expect, it } from 'vitest';
import { parseDailyPriceCsv } from '../../src/ingest/prices/daily-price-csv.js';
import { PriceDataError, type PriceDataProblem } from '../../src/ingest/prices/price-data-error.js';
import { syntheticPrices, toPriceCsv } from './synthetic-prices.js';

const HEADER = 'Date,Open,High,Low,Close,Volume';

function refusal(body: string, symbol = 'baba.us'): PriceDataError {
  try {
    parseDailyPriceCsv(body, symbol);
  } catch (e) {
    expect(e).toBeInstanceOf(PriceDataError);
    return e as PriceDataError;
  }
  throw new Error('expected the response to be refused');
}

function expectRefused(body: string, problem: PriceDataProblem, line: number, words: RegExp): void {
  const e = refusal(body);
  expect(e.problem).toBe(problem);
  expect(e.line).toBe(line);
  expect(e.message).toMatch(new RegExp(`^baba\\.us: line ${line}: `));
  expect(e.message).toMatch(words);
}

describe('parseDailyPriceCsv', () => {
  it('reads every row of a (synthetic) file in the real format, exactly', () => {
    const rows = syntheticPrices({ from: '2025-01-01', to: '2025-03-31', anchors: { '2025-01-02': 100, '2025-03-31': 130 } });
    const parsed = parseDailyPriceCsv(Buffer.from(toPriceCsv(rows)), 'baba.us');
    expect(parsed).toHaveLength(rows.length);
    expect(parsed).toEqual(rows);
    expect(parsed[0]).toMatchObject({ date: '2025-01-02', close: 100 });
    expect(parsed.at(-1)).toMatchObject({ date: '2025-03-31', close: 130 });
  });

  it('takes LF or CRLF line ends, a BOM, legacy YYYYMMDD dates and a file without Volume (indices)', () => {
    const crlf = `\ufeff${HEADER}\r\n20250102,1,2,0.5,1.5,100\r\n2025-01-03,1,2,0.5,1.6,200\r\n`;
    expect(parseDailyPriceCsv(crlf, 'x.us').map((p) => [p.date, p.close, p.volume])).toEqual([
      ['2025-01-02', 1.5, 100],
      ['2025-01-03', 1.6, 200],
    ]);
    const index = 'Date,Open,High,Low,Close\n2025-01-02,5800.1,5900,5790.5,5868.55\n';
    expect(parseDailyPriceCsv(index, '^spx')).toEqual([{ date: '2025-01-02', open: 5800.1, high: 5900, low: 5790.5, close: 5868.55, volume: null }]);
  });

  it('finds columns by name, whatever their order, and ignores extra ones', () => {
    const body = 'Close,Date,Volume,OpenInt\n12.5,2025-01-02,10,0\n';
    expect(parseDailyPriceCsv(body, 'x.us')).toEqual([{ date: '2025-01-02', open: null, high: null, low: null, close: 12.5, volume: 10 }]);
  });

  it('an unknown symbol: the source answers "No data"', () => {
    expectRefused('No data', 'unknown-symbol', 1, /unknown symbol: the price source answered "No data"/);
  });

  it('an HTML error page instead of CSV, named by its title', () => {
    expectRefused('<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>busy</body></html>', 'html', 1, /an HTML page instead of CSV \("503 Service Unavailable"\)/);
    expectRefused('<html><body>oops</body></html>', 'html', 1, /HTML page instead of CSV \(starts "<html><body>oops/);
  });

  it('the daily request limit, which the source reports in the body of a 200', () => {
    expectRefused('Exceeded the daily hits limit', 'quota', 1, /daily request limit is used up .*try again tomorrow/);
  });

  it('a truncated file: the last row stops partway', () => {
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1.5,100\n2025-01-03,1,2,0.`, 'truncated', 3, /file ends inside a row: 4 of 6 fields .*cut short/);
  });

  it('a row with too many or too few fields in the middle', () => {
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1.5\n2025-01-03,1,2,0.5,1.6,100\n`, 'row', 2, /5 fields where the header has 6/);
  });

  it('a date out of order, and a date given twice', () => {
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1.5,100\n2025-01-06,1,2,0.5,1.5,100\n2025-01-03,1,2,0.5,1.5,100\n`, 'order', 4, /date 2025-01-03 is out of order: line 3 is already 2025-01-06/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1.5,100\n2025-01-02,1,2,0.5,1.5,100\n`, 'order', 3, /date 2025-01-02 appears twice \(also line 2\)/);
  });

  it('a negative price, a zero close and a negative volume', () => {
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1.5,100\n2025-01-03,1,2,0.5,-1.6,100\n`, 'negative', 3, /negative close price -1.6 on 2025-01-03/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,-0.5,1.5,100\n`, 'negative', 2, /negative low price -0.5/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,0,100\n`, 'negative', 2, /close price of zero on 2025-01-02/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,1,-100\n`, 'negative', 2, /negative volume -100/);
  });

  it('dates and numbers that are not', () => {
    expectRefused(`${HEADER}\n2025-02-30,1,2,0.5,1.5,100\n`, 'row', 2, /not a date: "2025-02-30"/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,abc,100\n`, 'row', 2, /close: not a number: "abc"/);
    expectRefused(`${HEADER}\n2025-01-02,1,2,0.5,,100\n`, 'row', 2, /close: a number is required/);
  });

  it('a header that is not the price header, a header with no rows, an empty body', () => {
    expectRefused('Symbol,Name\nbaba.us,Alibaba\n', 'header', 1, /expected the header Date,Open,High,Low,Close,Volume but got "Symbol,Name" \(no Date or Close column\)/);
    expectRefused(`${HEADER}\n`, 'empty', 1, /header but no prices/);
    expectRefused('  \n', 'empty', 1, /empty response/);
  });
});
