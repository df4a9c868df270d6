// EDGAR URLs. Data comes from the configured hosts; provenance always points at www.sec.gov,
// because a fact's source link must open the real filing whatever mirror served the data.
import type { SecConfig } from './sec-config.js';

/** CIK zero-padded to 10 digits, as EDGAR file names want it: 1018724 → 0001018724. */
export function padCik(cik: number): string {
  return String(cik).padStart(10, '0');
}

export function companyTickersUrl(cfg: Pick<SecConfig, 'wwwUrl'>): string {
  return `${cfg.wwwUrl}/files/company_tickers.json`;
}

export function submissionsUrl(cfg: Pick<SecConfig, 'dataUrl'>, cik: number): string {
  return `${cfg.dataUrl}/submissions/CIK${padCik(cik)}.json`;
}

export function companyFactsUrl(cfg: Pick<SecConfig, 'dataUrl'>, cik: number): string {
  return `${cfg.dataUrl}/api/xbrl/companyfacts/CIK${padCik(cik)}.json`;
}

/** The filing's index page: https://www.sec.gov/Archives/edgar/data/1018724/000101872425000004/ */
export function filingIndexUrl(cik: number, accession: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/`;
}
