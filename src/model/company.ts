export interface Company {
  ticker: string;
  name: string;
  /** `company`, or `group` for a named set of companies (the big four). */
  kind: 'company' | 'group';
  cik: number | null;
  country: string;
  /** Month (1-12) in which the fiscal year ends: 6 for Microsoft, 3 for Alibaba. */
  fiscalYearEndMonth: number;
  /** Reporting currency (ISO 4217). */
  currency: string;
  /** Fixed chart colour, so a company looks the same in every chart. */
  colour: string;
  aliases: string[];
  /** Member tickers, for groups. */
  members: string[];
}
