/** A bad row in a data file, named by file:line so it can be fixed in an editor. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DataFileError';
  }
}
