// Plain-text check report for the terminal: one block per claim, verdict first, then our figure,
// the difference, the tolerance used and the sources, so every number can be traced.
import type { CheckReport, CheckedClaim, Evidence } from './check-report.js';
import { againstLine } from './against-words.js';
import { excerpt } from './report-json.js';

const VERDICT_LABEL: Record<string, string> = {
  supported: 'SUPPORTED',
  close: 'CLOSE',
  contradicted: 'CONTRADICTED',
  'not-checkable': 'NOT CHECKABLE',
};

export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  return `${s.claims} claim${s.claims === 1 ? '' : 's'}: ${s.supported} supported, ${s.close} close, ${s.contradicted} contradicted, ${s.notCheckable} not checkable; ${s.charts} chart${s.charts === 1 ? '' : 's'} described`;
}

export function articleDateLine(report: CheckReport): string {
  const d = report.articleDate;
  if (!d) return 'Article date: not stated (give --date YYYY-MM-DD to resolve “this year” and pick the guidance at the time)';
  return `Article date: ${d.date} (${d.from === 'article' ? `stated in the article: “${d.words}”` : 'given with --date'})`;
}

function evidenceLine(e: Evidence): string {
  const verdict = e.verdict ? `${e.verdict}: ` : '';
  const figure = e.actual ? `${e.actual.display}${e.difference ? ` (${e.difference.display})` : ''}` : 'no figure';
  return `${verdict}${e.label}: ${figure}${e.note ? `; ${e.note}` : ''}${e.sources.length ? ` <${e.sources.map((d) => d.url).join('> <')}>` : ''}`;
}

export function claimToText(c: CheckedClaim, index: number): string {
  const lines = [`[${index}] ${VERDICT_LABEL[c.verdict]} (${c.kind}) “${excerpt(c.text, 0, c.text.length, c.figure ? { start: c.figure.start - c.start, end: c.figure.end - c.start } : null).replace(/\s+/g, ' ')}”`];
  const against = againstLine(c.against);
  if (against) lines.push(`    against  ${against}`);
  if (c.against.metric?.definition) lines.push(`    metric   ${c.against.metric.definition}`);
  if (c.period?.note) lines.push(`    period   ${c.period.note}`);
  if (c.claimed) lines.push(`    claimed  ${c.claimed.display}`);
  if (c.actual) lines.push(`    ours     ${c.actual.display}: ${c.actual.label}${c.actual.statedOn ? `, stated ${c.actual.statedOn}` : ''}`);
  if (c.actual?.fx) lines.push(`    fx       ${c.actual.fx.pair} ${c.actual.fx.rate} (${c.actual.fx.date})`);
  if (c.difference) lines.push(`    diff     ${c.difference.display}`);
  if (c.tolerance) lines.push(`    rule     ${c.tolerance}`);
  if (c.reason) lines.push(`    ${(c.verdict === 'not-checkable' ? 'why' : 'basis').padEnd(8)} ${c.reason}`);
  for (const s of c.sources) lines.push(`    source   ${s.url}${[s.form, s.accession].filter(Boolean).length ? ` (${[s.form, s.accession].filter(Boolean).join(' ')}${s.filed ? `, filed ${s.filed}` : ''})` : ''}${s.readAt ? `; read at ${s.readAt}` : ''} [${s.verified}]`);
  for (const e of c.alsoAgainst) lines.push(`    also     ${evidenceLine(e)}`);
  for (const n of c.notes) lines.push(`    note     ${n}`);
  return lines.join('\n');
}

export function reportToText(report: CheckReport): string {
  const out = [`airace check: ${summaryLine(report)}`, articleDateLine(report), `Rules: ${report.policy}`, ''];
  report.claims.forEach((c, i) => out.push(claimToText(c, i + 1), ''));
  if (report.uncheckedFrom !== null) out.push(`(the article was checked up to offset ${report.uncheckedFrom}: one check covers at most ${report.claims.length} figures)`, '');
  report.charts.forEach((ch, i) => {
    out.push(`[chart ${i + 1}] ${ch.type} “${ch.text.replace(/\s+/g, ' ')}”`);
    if (ch.request) out.push(`    request  ${JSON.stringify(ch.request)}`);
    if (ch.error) out.push(`    error    ${ch.error}`);
    for (const f of ch.files) out.push(`    file     ${f}`);
    if (ch.alt) out.push(`    alt      ${ch.alt}`);
    for (const n of ch.notes) out.push(`    note     ${n}`);
    out.push('');
  });
  return out.join('\n').replace(/\n+$/, '\n');
}
