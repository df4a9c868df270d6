// airace command line. Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';
import { UnknownChoiceError } from '../model/unknown-choice-error.js';
import { DataFileError } from '../ingest/data-file-error.js';
import { registerInit } from './commands/init.js';
import { registerCompanies } from './commands/companies.js';
import { registerSeries } from './commands/series.js';
import { registerFacts } from './commands/facts.js';
import { registerChart } from './commands/chart.js';
import { registerServe } from './commands/serve.js';
import { registerCheck } from './commands/check.js';
import { registerEvents } from './commands/events.js';
import { registerGuidance } from './commands/guidance.js';
import { registerAdd } from './commands/add.js';
import { registerSync } from './commands/sync.js';
import { registerAudit } from './commands/audit.js';
import { registerPrices } from './commands/prices.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };

/** Exit codes: 1 runtime failure, 2 bad usage (unknown ticker, metric, period, option). */
export const EXIT_USAGE = 2;

export function buildProgram(): Command {
  const program = new Command('airace')
    .description('Follow the money in the race toward AGI: capex, revenue and cash flow from filings, as cited series, charts and checked claims.')
    .version(version)
    .option('--db <path>', 'database file or postgres:// URL (default: AIRACE_DB, DATABASE_URL, or the user data directory)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [registerInit, registerCompanies, registerSeries, registerFacts, registerChart, registerAdd, registerSync, registerAudit, registerPrices, registerEvents, registerGuidance, registerCheck, registerServe]) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 1 ? EXIT_USAGE : e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`airace: ${err.message}\n`);
    if (e instanceof UnknownChoiceError || /^invalid \w+/.test(err.message)) return EXIT_USAGE;
    if (e instanceof DataFileError) return 1;
    if (process.env.AIRACE_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
