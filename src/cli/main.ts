// airace command line. Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';
import { EXIT_FAILURE, EXIT_OK, exitCodeFor } from './exit-code.js';
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
import { registerSources } from './commands/sources.js';
import { registerDoctor } from './commands/doctor.js';
import { registerPrices } from './commands/prices.js';
import { registerModels } from './commands/models.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('airace')
    .description('Follow the money in the race toward AGI: capex, revenue and cash flow from filings, as cited series, charts and checked claims.')
    .version(version)
    .option('--db <path>', 'database file or postgres:// URL (default: AIRACE_DB, DATABASE_URL, or the user data directory)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [registerInit, registerCompanies, registerSeries, registerFacts, registerChart, registerAdd, registerSync, registerAudit, registerSources, registerDoctor, registerPrices, registerEvents, registerGuidance, registerModels, registerCheck, registerServe]) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (e) {
    // Commander has already printed its own errors.
    if (e instanceof CommanderError) return exitCodeFor(e);
    const err = e as Error;
    process.stderr.write(`airace: ${err.message}\n`);
    const code = exitCodeFor(e);
    if (code === EXIT_FAILURE && process.env.AIRACE_DEBUG) process.stderr.write(`${err.stack}\n`);
    return code;
  }
}
