/** An unknown ticker, metric, period... The CLI turns it into exit code 2, the API into 400/404. */
export class UnknownChoiceError extends Error {
  constructor(
    readonly option: string,
    readonly given: string,
    readonly choices: readonly string[],
  ) {
    super(`unknown ${option}: ${given} (valid: ${choices.join(', ')})`);
    this.name = 'UnknownChoiceError';
  }
}
