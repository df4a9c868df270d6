// A stand-in for www.sec.gov and data.sec.gov on 127.0.0.1 (port 0): serves company_tickers,
// submissions and companyfacts in SEC's formats, with ETags, Last-Modified, gzip, SEC's 403
// for a missing User-Agent, and scripted faults (429 + Retry-After, 5xx, hangs, resets,
// truncated bodies, wrong content type, malformed JSON). Every request is recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { companyFactsJson, companyTickersJson, submissionsJson, type FixtureCompany } from './fixtures/sec-fixtures.js';
import { FixtureHttpServer } from '../helpers/fixture-http-server.js';

export type { Fault, RecordedRequest } from '../helpers/fixture-http-server.js';

const pad = (cik: number) => String(cik).padStart(10, '0');

export class SecFixtureServer extends FixtureHttpServer {
  static async start(companies: FixtureCompany[]): Promise<SecFixtureServer> {
    const s = new SecFixtureServer();
    s.setDocument(SecFixtureServer.tickersPath(), companyTickersJson(companies));
    for (const c of companies) s.publish(c);
    await s.listen();
    return s;
  }

  static tickersPath(): string {
    return '/www/files/company_tickers.json';
  }
  static submissionsPath(cik: number): string {
    return `/data/submissions/CIK${pad(cik)}.json`;
  }
  static companyFactsPath(cik: number): string {
    return `/data/api/xbrl/companyfacts/CIK${pad(cik)}.json`;
  }

  /** Environment for the CLI and secConfigFromEnv. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AIRACE_SEC_WWW_URL: `http://127.0.0.1:${this.port}/www`,
      AIRACE_SEC_DATA_URL: `http://127.0.0.1:${this.port}/data`,
      AIRACE_SEC_USER_AGENT: 'airace tests tests@example.com',
      AIRACE_SEC_BACKOFF_MS: '1',
      AIRACE_SEC_BACKOFF_MAX_MS: '5',
      AIRACE_SEC_TIMEOUT_MS: '2000',
      AIRACE_SEC_RETRIES: '3',
      ...extra,
    };
  }

  /** (Re)publishes a company's submissions and companyfacts; changed content gets a new ETag. */
  publish(c: FixtureCompany): void {
    this.setDocument(SecFixtureServer.submissionsPath(c.cik), submissionsJson(c));
    this.setDocument(SecFixtureServer.companyFactsPath(c.cik), companyFactsJson(c));
  }

  // SEC answers anonymous and library-default clients with 403.
  protected override refuse(req: IncomingMessage, res: ServerResponse): boolean {
    const ua = req.headers['user-agent'];
    if (ua && ua !== 'node' && /@/.test(ua)) return false;
    res.writeHead(403, { 'content-type': 'text/html' }).end('<html>Your Request Originates from an Undeclared Automated Tool</html>');
    return true;
  }
}
