// Exit codes by error class; the API's statuses for the same classes are in src/server/api-error.ts.
import { CommanderError } from '@commander-js/extra-typings';
import { UsageError } from '../model/errors.js';

export const EXIT_OK = 0;
/** A runtime failure: the message says what and where (a bad data file, an unreachable host). */
export const EXIT_FAILURE = 1;
/** Bad usage: an unknown ticker, metric or period, an invalid option, an empty range. */
export const EXIT_USAGE = 2;

export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
    // Commander reports its own usage errors (unknown option, missing argument) with exit code 1.
    return e.exitCode === 1 ? EXIT_USAGE : e.exitCode;
  }
  return e instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
}
