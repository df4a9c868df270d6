// The whole timeline, one collapsible table per year: recent years open, earlier ones closed,
// so the page leads with the race as it stands and the history is one click away.
import type { EventJson } from '../../views/event-rows.js';
import { html, type SafeHtml } from '../html.js';
import { eventTable } from './event-table.js';

export interface EventTimelineOptions {
  id: string;
  /** Years from this one on start open. */
  openFrom: number;
}

export function eventTimeline(events: EventJson[], o: EventTimelineOptions): SafeHtml {
  const years = [...new Set(events.map((e) => e.date.slice(0, 4)))].sort();
  return html`${years.map((year) => {
    const inYear = events.filter((e) => e.date.startsWith(year));
    const count = `${inYear.length} event${inYear.length === 1 ? '' : 's'}`;
    return html`<details class="timeline-year"${Number(year) >= o.openFrom ? html` open` : ''}>
  <summary>${year} · ${count}</summary>
  ${eventTable(inYear, { id: `${o.id}-${year}`, caption: `Events in ${year}` })}
</details>`;
  })}`;
}
