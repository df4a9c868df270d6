// Markdown check report, for pasting into a pull request or an editor's notes: a summary table,
// then each claim with its evidence and links, then the redrawn charts as images.
import { basename } from 'node:path';
import type { CheckReport, CheckedClaim, SourceDocument } from './check-report.js';
import { articleDateLine, summaryLine } from './report-text.js';
import { againstLine } from './against-words.js';

const ICON: Record<string, string> = { supported: '✅ supported', close: '≈ close', contradicted: '❌ contradicted', 'not-checkable': '— not checkable' };

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const link = (url: string) => `[${new URL(url).hostname}](${url})`;
const safeLink = (url: string) => {
  try {
    return link(url);
  } catch {
    return url;
  }
};

/** A document as a link, with its form and accession when it is a filing, and where the value was read when elsewhere. */
function docLink(d: SourceDocument): string {
  const filing = [d.form, d.accession].filter(Boolean).join(' ');
  return `${safeLink(d.url)}${filing ? ` (${filing}${d.filed ? `, filed ${d.filed}` : ''})` : ''}${d.readAt ? ` read at ${safeLink(d.readAt)}` : ''}`;
}

function claimSection(c: CheckedClaim, i: number): string {
  const lines = [`### ${i}. ${ICON[c.verdict]}: “${cell(c.text)}”`, ''];
  const against = againstLine(c.against);
  if (against) lines.push(`- **Checked against:** ${cell(against)}`);
  if (c.against.metric?.definition) lines.push(`- **Definition:** ${cell(c.against.metric.definition)}`);
  if (c.period?.note) lines.push(`- **Period:** ${c.period.note}`);
  if (c.claimed) lines.push(`- **Claimed:** ${c.claimed.display}`);
  if (c.actual) lines.push(`- **Ours:** ${c.actual.display}: ${c.actual.label}${c.actual.statedOn ? `, stated ${c.actual.statedOn}` : ''}`);
  if (c.difference) lines.push(`- **Difference:** ${c.difference.display}`);
  if (c.tolerance) lines.push(`- **Rule:** ${c.tolerance}`);
  if (c.reason) lines.push(`- **${c.verdict === 'not-checkable' ? 'Why' : 'Basis'}:** ${c.reason}`);
  if (c.sources.length) lines.push(`- **Sources:** ${c.sources.map((d) => docLink(d)).join(', ')}`);
  for (const e of c.alsoAgainst) {
    const fig = e.actual ? `${e.actual.display}${e.difference ? ` (${e.difference.display})` : ''}` : 'no figure';
    lines.push(`- **Also:** ${e.verdict ? `${ICON[e.verdict]}, ` : ''}${e.label}: ${fig}${e.note ? `. _${cell(e.note)}_` : ''}${e.sources.length ? ` ${e.sources.map((d) => docLink(d)).join(', ')}` : ''}`);
  }
  for (const n of c.notes) lines.push(`- **Note:** ${n}`);
  return lines.join('\n');
}

export function reportToMarkdown(report: CheckReport): string {
  const out = [`## airace check`, '', summaryLine(report) + '.', '', articleDateLine(report) + '.', '', `> ${report.policy}`, ''];
  if (report.claims.length) {
    out.push('| # | Verdict | Claim | Claimed | Ours |', '|---|---|---|---|---|');
    report.claims.forEach((c, i) => out.push(`| ${i + 1} | ${ICON[c.verdict]} | ${cell(c.text)} | ${cell(c.claimed?.display ?? '')} | ${cell(c.actual?.display ?? c.reason ?? '')} |`));
    out.push('');
    report.claims.forEach((c, i) => out.push(claimSection(c, i + 1), ''));
  }
  report.charts.forEach((ch, i) => {
    out.push(`### Chart ${i + 1}: ${ch.type}`, '', `> ${cell(ch.text)}`, '');
    const svg = ch.files.find((f) => f.endsWith('.svg'));
    if (svg) out.push(`![${cell(ch.alt ?? '')}](${basename(svg)})`, '');
    else if (ch.alt) out.push(`_${cell(ch.alt)}_`, '');
    if (ch.request) out.push(`Request: \`${JSON.stringify(ch.request)}\``, '');
    if (ch.error) out.push(`Not drawn: ${ch.error}`, '');
    for (const n of ch.notes) out.push(`Note: ${n}`, '');
  });
  return out.join('\n').replace(/\n+$/, '\n');
}
