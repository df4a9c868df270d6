// A price response airace will not store, named by symbol and line so the message says what the
// source sent: "9988.hk: line 41: date 2025-02-20 is out of order (line 40 is 2025-02-21)".
export const PRICE_DATA_PROBLEMS = [
  'unknown-symbol', // the source answered "No data"
  'quota', // the source's daily request limit is used up
  'html', // an HTML page instead of CSV
  'header', // not the Date,Open,High,Low,Close,Volume header
  'truncated', // the file ends inside a row
  'row', // a row with the wrong number of fields, or a field that is not a number or date
  'order', // dates not strictly ascending (out of order, or repeated)
  'negative', // a price below zero (or a close of zero), or a negative volume
  'empty', // a header and no prices
] as const;
export type PriceDataProblem = (typeof PRICE_DATA_PROBLEMS)[number];

export class PriceDataError extends Error {
  constructor(
    readonly problem: PriceDataProblem,
    readonly symbol: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${symbol}: line ${line}: ${reason}`);
    this.name = 'PriceDataError';
  }
}
