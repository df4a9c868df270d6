// Builds docs/cli.md from the commands' own --help text, so the reference can't drift.
import type { Command } from '@commander-js/extra-typings';
import { buildProgram } from './main.js';

export function cliReference(program: Command = buildProgram()): string {
  const out = [
    '# CLI reference',
    '',
    '<!-- Generated from `airace --help` by `npm run docs:cli`; do not edit by hand. -->',
    '',
    'Every command accepts the global `--db <path>` option (a SQLite file or a `postgres://` URL;',
    'default: `AIRACE_DB`, then `DATABASE_URL`, then `airace.db` in the user data directory).',
    'Unknown tickers, metrics, periods or other choices exit with code 2 and list the valid choices.',
    '',
    '```',
    program.helpInformation().trimEnd(),
    '```',
  ];
  for (const cmd of program.commands) {
    out.push('', `## airace ${cmd.name()}`, '', '```', cmd.helpInformation().trimEnd(), '```');
    // Commands with subcommands (airace models …): each subcommand's own options.
    for (const sub of cmd.commands) out.push('', `### airace ${cmd.name()} ${sub.name()}`, '', '```', sub.helpInformation().trimEnd(), '```');
  }
  return out.join('\n') + '\n';
}
