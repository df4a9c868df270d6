// Child: builds the query benchmark's database. Args: path facts seed.
//  1. openStore + ensureBundledData: the store's own schema and the real, verified companies.
//  2. Distinct SYNTHETIC companies from the archive generator's syntheticCompanyFacts, mapped by
//     the ingest's own mapCompanyFacts, inserted with one prepared statement (companies rows too,
//     as an ingest would leave them), until about a tenth of the facts are there.
//  3. Copies of those companies under other CIKs with INSERT … SELECT, inside SQLite, until the
//     database holds at least `facts` facts. Copies keep each company's shape, and are cheap.
import Sqlite from 'better-sqlite3';
import { openStore } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { mapCompanyFacts } from '../../src/ingest/sec/map-company-facts.js';
import type { CompanyFactsDoc } from '../../src/ingest/sec/companyfacts-parse.js';
import { companyColour } from '../../src/ingest/sec/company-colour.js';
import { mulberry32, syntheticCompanyFacts } from '../../scripts/make-synthetic-companyfacts.js';
import { childMain, reportResult } from '../child-process.js';
import { FACT_COLUMNS } from '../fact-columns.js';
import type { QueryDbInfo } from './query-db.js';

/** CIKs of generated companies start here; copy k adds k × CIK_STRIDE. */
const FIRST_CIK = 8_000_001;
const CIK_STRIDE = 1_000_000;
/** Distinct companies generated: the database is made of copies of about this many facts. */
const GENERATED_FACTS = 200_000;


/**
 * Document size of a company: the generator's skew (a Pareto tail, α = 1.15) with a larger
 * floor (150 KB, not 30 KB), since a store queried at scale is filled by sync and bulk ingest of
 * filers with years of statements. About 1,000 stored facts per company on average.
 */
function companyBytes(rnd: () => number): number {
  return Math.round(Math.min(8 * 1024 * 1024, 150 * 1024 * (1 - rnd()) ** (-1 / 1.15)));
}

childMain(async () => {
  const [path, factsArg, seedArg] = process.argv.slice(2);
  const want = Number(factsArg);
  const seed = Number(seedArg);
  const t0 = Date.now();

  const store = await openStore(path!);
  const bundled = await ensureBundledData(store);
  await store.close();

  const db = new Sqlite(path!);
  // Nothing here needs to survive a crash: the file is renamed into place only when complete.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const runId = Number(
    db.prepare(`insert into runs (kind, started_at, finished_at, status, detail) values ('bench', ?, ?, 'ok', 'SYNTHETIC companies for the query benchmark')`)
      .run(new Date().toISOString(), new Date().toISOString()).lastInsertRowid,
  );
  const insertCompany = db.prepare(
    `insert into companies (ticker, name, kind, cik, country, fiscal_year_end_month, currency, colour, aliases, members, source_kind, tracked)
     values (?, ?, 'company', ?, '', ?, ?, ?, '[]', '[]', 'sec', 0)`,
  );
  const insertFact = db.prepare(`insert into facts (${FACT_COLUMNS.join(', ')}) values (${FACT_COLUMNS.map(() => '?').join(', ')})`);

  const rnd = mulberry32(seed * 7919 + 17);
  let generated = 0;
  let generatedFacts = 0;
  const target = Math.min(GENERATED_FACTS, want);
  const insertCompanyAndFacts = db.transaction((cik: number) => {
    const ticker = `CIK${cik}`;
    const { doc } = syntheticCompanyFacts({ cik, targetBytes: companyBytes(rnd), seed });
    const mapped = mapCompanyFacts(doc as CompanyFactsDoc, { ticker, cik, source: 'bench' });
    if (!mapped.facts.length) return;
    insertCompany.run(ticker, (doc as CompanyFactsDoc).entityName, cik, mapped.fiscalYearEndMonth ?? 12, mapped.currency, companyColour(ticker));
    for (const f of mapped.facts) {
      insertFact.run(
        f.ticker, f.metric, f.concept, f.value, f.unit, f.periodStart, f.periodEnd, f.basis, f.confidence, f.preferred ? 1 : 0,
        f.sourceKind, f.sourceUrl, f.form, f.accession, f.filed, f.fy, f.fp, f.frame, f.note, runId, f.readAt, f.verified, f.supersededBy,
      );
    }
    generated++;
    generatedFacts += mapped.facts.length;
  });
  for (let cik = FIRST_CIK; generatedFacts < target; cik++) insertCompanyAndFacts(cik);
  const ids = db.prepare('select min(id) as first, max(id) as last from facts where run_id = ?').get(runId) as { first: number; last: number };

  // Copies under CIKs k × CIK_STRIDE further on, until there are enough facts.
  const bundledFacts = bundled.facts;
  const copies = Math.max(0, Math.ceil((want - bundledFacts) / generatedFacts) - 1);
  const otherColumns = FACT_COLUMNS.filter((c) => c !== 'ticker');
  const copy = db.transaction((k: number) => {
    db.prepare(
      `insert into companies (ticker, name, kind, cik, country, fiscal_year_end_month, currency, colour, aliases, members, source_kind, tracked)
       select 'CIK' || (cik + ?), name || ' (copy ' || ? || ')', kind, cik + ?, country, fiscal_year_end_month, currency, colour, aliases, members, source_kind, tracked
       from companies where source_kind = 'sec' and cik between ? and ?`,
    ).run(k * CIK_STRIDE, k, k * CIK_STRIDE, FIRST_CIK, FIRST_CIK + CIK_STRIDE - 1);
    db.prepare(
      `insert into facts (ticker, ${otherColumns.join(', ')})
       select 'CIK' || (cast(substr(ticker, 4) as integer) + ?), ${otherColumns.join(', ')} from facts where id between ? and ?`,
    ).run(k * CIK_STRIDE, ids.first, ids.last);
  });
  // Indexes are cheaper built once, sorted, than maintained row by row: take the facts table's
  // off for the copies and put the very same definitions back afterwards.
  const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'facts' and sql is not null`).all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`drop index "${ix.name}"`);
  for (let k = 1; k <= copies; k++) copy(k);
  for (const ix of indexes) db.exec(ix.sql);

  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  const info: QueryDbInfo = {
    facts: count('select count(*) as n from facts'),
    companies: count('select count(*) as n from companies'),
    syntheticCompanies: count(`select count(*) as n from companies where source_kind = 'sec' and name like 'SYNTHETIC%'`),
    bundledFacts,
    generatedCompanies: generated,
    buildMs: 0,
  };
  // The store runs in WAL mode; leave the file as openStore would.
  db.pragma('journal_mode = WAL');
  db.close();
  info.buildMs = Date.now() - t0;
  reportResult(info);
});
