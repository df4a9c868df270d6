// The errors a user causes, by kind. Every layer throws these instead of plain `Error`s with
// "invalid …" messages, and each surface maps them by class: the CLI to an exit code
// (src/cli/exit-code.ts), the API to an HTTP status (src/server/api-error.ts). A plain Error is a
// runtime failure (exit 1, HTTP 500).

/** Lists at most this many choices in a message; the full list stays in `allowed`. */
const CHOICES_IN_MESSAGE = 40;

function listed(choices: readonly string[]): string {
  if (choices.length <= CHOICES_IN_MESSAGE) return choices.join(', ');
  return `${choices.slice(0, CHOICES_IN_MESSAGE).join(', ')} … and ${choices.length - CHOICES_IN_MESSAGE} more`;
}

/** An empty value is shown as '' so the message does not read as if a word were missing. */
const shown = (given: string) => (given === '' ? "''" : given);

/** "a or b", "a, b or c". */
function alternatives(phrases: readonly string[]): string {
  return phrases.length <= 2 ? phrases.join(' or ') : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

/** Something the user asked for is wrong: the option it came from and what that option accepts. */
export abstract class UsageError extends Error {
  /** The option as the layer that threw knows it (a CLI flag or engine option: `from`, `company`, `scale`). */
  abstract readonly option: string;
  /** What the option accepts: choices, or descriptions of the accepted form. Never empty. */
  abstract readonly allowed: readonly string[];
}

/** A value of the wrong form or out of bounds: `invalid scale: 100 (expected a number from 1 to 4)`. */
export class InvalidOptionError extends UsageError {
  constructor(
    readonly option: string,
    readonly given: string,
    /** What the option accepts, each a short phrase ("a year such as 2025"). */
    readonly expected: readonly string[],
    /** Why the value is wrong, when "expected …" alone does not say it. */
    reason?: string,
  ) {
    super(`invalid ${option}: ${shown(given)} (${reason ?? `expected ${alternatives(expected)}`})`);
    this.name = 'InvalidOptionError';
  }

  get allowed(): readonly string[] {
    return this.expected;
  }
}

/** A keyword outside its list: an unknown metric, period, preset, chart type. */
export class UnknownChoiceError extends UsageError {
  constructor(
    readonly option: string,
    readonly given: string,
    readonly choices: readonly string[],
  ) {
    super(`unknown ${option}: ${shown(given)} (valid: ${listed(choices)})`);
    this.name = 'UnknownChoiceError';
  }

  get allowed(): readonly string[] {
    return this.choices;
  }
}

/**
 * A thing the user named that the store does not hold: a company, a ticker to sync. `known`
 * lists what does exist, when that list helps; `reason` replaces it in the message.
 */
export class NotFoundError extends UsageError {
  constructor(
    readonly option: string,
    readonly given: string,
    readonly known: readonly string[],
    reason?: string,
  ) {
    super(`unknown ${option}: ${shown(given)} (${reason ?? `valid: ${listed(known)}`})`);
    this.name = 'NotFoundError';
  }

  get allowed(): readonly string[] {
    return this.known.length ? this.known : [`a ${this.option} that exists`];
  }
}

/** A period range whose start is after its end (`--from 2025 --to 2022`). */
export class EmptyRangeError extends UsageError {
  readonly option = 'to';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`empty range: from ${from} is after to ${to}`);
    this.name = 'EmptyRangeError';
  }

  get allowed(): readonly string[] {
    return [`${this.from} or later`];
  }
}

/** A period range with more periods than one request may compute. */
export class RangeTooLongError extends UsageError {
  readonly option = 'to';
  constructor(
    readonly periods: number,
    readonly max: number,
  ) {
    super(`range too long: ${periods} periods (at most ${max})`);
    this.name = 'RangeTooLongError';
  }

  get allowed(): readonly string[] {
    return [`at most ${this.max} periods after from`];
  }
}

/** An input larger than the tool accepts (an article to check); HTTP 413. */
export class TooLargeError extends UsageError {
  constructor(
    readonly option: string,
    readonly limitBytes: number,
  ) {
    super(`invalid ${option}: larger than ${limitBytes} bytes`);
    this.name = 'TooLargeError';
  }

  get allowed(): readonly string[] {
    return [`at most ${this.limitBytes} bytes`];
  }
}

/**
 * The database cannot be written (a read-only file, folder or file system) and the command needs
 * to write. A runtime failure (exit 1): reading such a database works.
 */
export class ReadOnlyStoreError extends Error {
  constructor(
    readonly location: string,
    /** Why it is read-only: "the file is not writable". */
    readonly reason: string,
    /** What needed to write: "airace sync", "loading the bundled data". */
    readonly action: string,
  ) {
    super(`the database at ${location} is read-only (${reason}), and ${action} needs to write to it: give it write access, or copy it to a writable folder and pass --db with the copy`);
    this.name = 'ReadOnlyStoreError';
  }
}

/** SQLite found the database damaged (a failed integrity check, or "malformed" on a read). Exit 1. */
export class CorruptStoreError extends Error {
  static readonly ADVICE =
    'Restore it from a backup; or recover what SQLite can read (`sqlite3 OLD .recover | sqlite3 NEW`, then --db NEW); ' +
    'or move it aside and run `airace init` to rebuild it from the bundled data, then `airace sync` to fetch SEC facts again.';

  constructor(
    readonly location: string,
    /** The first problems SQLite reported. */
    readonly problems: readonly string[],
  ) {
    super(
      `the database at ${location} is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. ` +
        `${CorruptStoreError.ADVICE} \`airace doctor\` runs the full check.`,
    );
    this.name = 'CorruptStoreError';
  }
}
