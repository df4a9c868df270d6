// What a claim was checked against, in words, for the text and markdown reports and the /check
// page: "Microsoft (stated) · capex: cash paid for property and equipment … · fiscal 2025,
// 2024-07-01 to 2025-06-30 (carried from sentence 2) · guidance".
import type { CheckedAgainst } from './check-report.js';
import type { How } from './claim.js';

export function howWords(how: How, fromSentence: number | null): string {
  switch (how) {
    case 'stated':
      return 'stated';
    case 'carried':
      return fromSentence ? `carried from sentence ${fromSentence}` : 'carried from earlier in the sentence';
    case 'article-date':
      return 'from the article date';
    case 'inferred':
      return 'inferred: not stated';
    case 'matched':
      return 'matched by value: not stated';
  }
}

export interface AgainstParts {
  model: string | null;
  company: string | null;
  listing: string | null;
  metric: string | null;
  definition: string | null;
  period: string | null;
  basis: string | null;
}

export function againstParts(a: CheckedAgainst): AgainstParts {
  const company = a.company ? `${a.company.label}${a.company.untracked ? ' (not tracked)' : ''} (${howWords(a.company.how, a.company.fromSentence)})` : null;
  const metric = a.metric ? `${a.metric.label}${a.metric.segment ? `, ${a.metric.segment}` : ''} (${howWords(a.metric.how, a.metric.fromSentence)})` : null;
  const dates = a.period?.start && a.period.end ? `, ${a.period.start} to ${a.period.end}` : '';
  const period = a.period ? `${a.period.label}${dates} (${howWords(a.period.how, a.period.fromSentence)})` : null;
  const listing = a.listing ? `${a.listing.label} (${a.listing.words ? `“${a.listing.words}”, ` : ''}${howWords(a.listing.how, a.listing.fromSentence)})` : null;
  const basis = a.basis.value === 'actual' ? null : `${a.basis.value}${a.basis.statedWhen ? `, stated ${a.basis.statedWhen}` : ''}`;
  const m = a.model;
  const model = m ? `${m.name ?? 'no model named'}${m.epochName && m.epochName !== m.name ? ` (Epoch AI: ${m.epochName})` : ''} (${howWords(m.how, m.fromSentence)})${m.quantity && !a.metric ? ` · ${m.quantity.replaceAll('_', ' ')}` : ''}` : null;
  return { model, company, listing, metric, definition: a.metric?.definition ?? null, period, basis };
}

/** One line: company · listing · metric · period · basis. */
export function againstLine(a: CheckedAgainst): string {
  const p = againstParts(a);
  return [p.model, p.company, p.listing, p.metric, p.period, p.basis].filter(Boolean).join(' · ');
}
