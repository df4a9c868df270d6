// Syncs one company: companyfacts (conditional: a 304 means "unchanged" after one request),
// then submissions, then ONE transaction that replaces the company's SEC facts, its metadata,
// the validators and its run status together. A failure anywhere before the commit leaves the
// store exactly as it was; an interrupted process leaves an uncommitted transaction, which
// SQLite (and PostgreSQL) roll back.
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import { upsertCompany } from '../../store/companies-repository.js';
import { replaceCompanyFacts } from '../../store/replace-company-facts.js';
import { companySource, countSourceFacts } from '../../store/company-source-repository.js';
import { getValidators, recordFetch } from '../../store/sync-state-repository.js';
import { setItemStatus } from '../../store/sync-run-items-repository.js';
import type { RetryInfo, SecClient } from './sec-client.js';
import { SecError } from './sec-error.js';
import { companyFactsUrl, submissionsUrl } from './sec-urls.js';
import { parseCompanyFacts } from './companyfacts-parse.js';
import { parseSubmissions, type SubmissionsInfo } from './submissions.js';
import { mapCompanyFacts } from './map-company-facts.js';

export interface CompanySyncContext {
  store: Store;
  client: SecClient;
  runId: number;
  /** Ignore stored validators and download everything. */
  force?: boolean;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

export type CompanySyncResult =
  | { status: 'updated'; facts: number; byMetric: Record<string, number>; currency: string; skipped: number }
  | { status: 'unchanged' };

export async function syncCompany(ctx: CompanySyncContext, company: Company): Promise<CompanySyncResult> {
  const { store, client } = ctx;
  const { db } = store;
  if (company.kind !== 'company' || !company.cik) {
    throw new Error(`${company.ticker} has no SEC CIK (add one in companies.csv, or use \`airace add\` for a listed company)`);
  }
  const cik = company.cik;
  const get = { signal: ctx.signal, onRetry: ctx.onRetry };
  const factsUrl = companyFactsUrl(client.config, cik);
  const subsUrl = submissionsUrl(client.config, cik);

  // Ask "changed since?" only when the store still holds what the validators describe.
  const conditional = !ctx.force && (await countSourceFacts(db, company.ticker, 'sec')) > 0;
  const factsRes = await client.get(factsUrl, { ...get, validators: conditional ? await getValidators(db, factsUrl) : null });
  if (factsRes.kind === 'not-modified') {
    await db.transaction().execute(async (trx) => {
      await recordFetch(trx, factsUrl, company.ticker, null, false);
      await setItemStatus(trx, ctx.runId, company.ticker, 'unchanged');
    });
    return { status: 'unchanged' };
  }

  const doc = parseCompanyFacts(factsRes.body, factsUrl);
  if (doc.cik !== cik) throw new SecError('malformed', `${factsUrl} describes CIK ${doc.cik} (${doc.entityName}), not ${cik}`, factsUrl);

  const subsRes = await client.get(subsUrl, { ...get, validators: ctx.force ? null : await getValidators(db, subsUrl) });
  const info: SubmissionsInfo | null = subsRes.kind === 'ok' ? parseSubmissions(subsRes.body, subsUrl) : null;

  const source = await companySource(db, company.ticker);
  const ownedBySec = source?.sourceKind === 'sec';
  // Bundled companies keep their verified currency; companies airace added take what they file in.
  const mapped = mapCompanyFacts(doc, { ticker: company.ticker, cik, currency: ownedBySec ? null : company.currency, source: factsUrl });

  if (ctx.signal?.aborted) throw new SecError('interrupted', `interrupted before saving ${company.ticker}`);
  // Facts, metadata, validators and run status commit together or not at all.
  await replaceCompanyFacts(store, company.ticker, 'sec', mapped.facts, ctx.runId, async ({ db: trx }) => {
    if (ownedBySec) {
      const updated: Company = {
        ...company,
        name: info?.name ?? company.name,
        country: info?.country || company.country,
        fiscalYearEndMonth: info?.fiscalYearEndMonth ?? mapped.fiscalYearEndMonth ?? company.fiscalYearEndMonth,
        currency: mapped.currency,
      };
      await upsertCompany(trx, updated, 'sec', source.tracked);
    }
    await recordFetch(trx, factsUrl, company.ticker, factsRes.validators, true);
    if (subsRes.kind === 'ok') await recordFetch(trx, subsUrl, company.ticker, subsRes.validators, true);
    else await recordFetch(trx, subsUrl, company.ticker, null, false);
    await setItemStatus(trx, ctx.runId, company.ticker, 'updated', mapped.facts.length);
  });
  return { status: 'updated', facts: mapped.facts.length, byMetric: mapped.byMetric, currency: mapped.currency, skipped: mapped.skipped };
}
