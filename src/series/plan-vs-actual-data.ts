// The data behind the plan-versus-actual figure: one guidance history per company for a year,
// and one pledge's progress. Views (the CLI's chart command, the web server) draw it with
// planVsActualSpec.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { guidanceHistory, type GuidanceHistory } from './guidance-history.js';
import { pledgeProgress, type PledgeProgress } from './pledge-progress.js';

export interface PlanVsActualData {
  histories: GuidanceHistory[];
  pledge: PledgeProgress | null;
}

export async function planVsActualData(db: Kysely<Database>, { tickers, year, pledge }: { tickers: string[]; year: number; pledge: string | null }): Promise<PlanVsActualData> {
  const histories: GuidanceHistory[] = [];
  for (const ticker of tickers) histories.push(await guidanceHistory(db, { ticker, year }));
  return { histories, pledge: pledge ? await pledgeProgress(db, { ticker: pledge }) : null };
}
