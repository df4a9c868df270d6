// Which events a chart marks. The rule: events that name a company the chart shows (a group
// stands for its members). Events that name no company in the store at all (OpenAI, DeepSeek,
// US Government...) are added only when the caller asks for their kinds by name, since they
// are not about the companies shown. Events about another stored company are never added,
// except by id (a preset that tells a story, like the seed article's).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { EventKind, RaceEvent } from '../model/race-event.js';
import type { SeriesResult } from '../model/series.js';
import { listEvents } from './events.js';

export interface AnnotateRequest {
  /** Kinds asked for by name; omitted means every kind, for the companies shown only. */
  kinds?: EventKind[];
  /** Exact events, whoever they name (presets). Overrides the company rule. */
  ids?: string[];
  /** Inclusive ISO dates; the chart also leaves out events outside its periods. */
  from?: string;
  to?: string;
}

export async function chartEvents(db: Kysely<Database>, result: SeriesResult, req: AnnotateRequest = {}): Promise<RaceEvent[]> {
  // Computed market moves only when `market` is asked for by name: a capex chart is not about them.
  const window = { from: req.from, to: req.to, marketMoves: !!req.kinds?.includes('market') };
  if (req.ids) return listEvents(db, { ...window, ids: req.ids, kinds: req.kinds });
  const tickers = result.series.map((s) => s.ticker);
  const shown = tickers.length ? await listEvents(db, { ...window, companies: tickers, kinds: req.kinds }) : [];
  if (!req.kinds) return shown;
  const outside = (await listEvents(db, { ...window, kinds: req.kinds })).filter((e) => e.companies.every((c) => c.ticker === null));
  return [...shown, ...outside].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
}
