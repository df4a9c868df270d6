// Encodes rows for PostgreSQL's COPY ... FROM STDIN WITH (FORMAT csv). In that format an
// unquoted empty field is NULL and a quoted one ("") is the empty string, so every string is
// quoted and only null is left bare. Numbers use JavaScript's shortest round-trip form, which
// PostgreSQL parses back to the same double: values read back are identical to SQLite's.

/** One CSV record (with its newline) for COPY. */
export function copyCsvLine(values: readonly unknown[]): string {
  return values.map(copyCsvField).join(',') + '\n';
}

function copyCsvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return '"' + v.replace(/"/g, '""') + '"';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot COPY the number ${v}: only finite numbers are stored`);
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  throw new Error(`cannot COPY a value of type ${typeof v}`);
}

/** Joins records into chunks of about `size` characters: one small write per record is slow. */
export function* copyCsvChunks(rows: Iterable<readonly unknown[]>, size = 64 * 1024): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyCsvLine(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
