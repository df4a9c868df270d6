// `airace facts GOOGL | head`: when the reader goes away, writing to stdout fails with EPIPE.
// That is the reader's choice, not airace's failure: stop quietly with exit 0, the way Unix
// tools end on SIGPIPE, instead of an unhandled 'error' event and a stack trace. Whatever was
// in flight is abandoned like a Ctrl-C: an open transaction is rolled back by the database.

function isClosedPipe(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Makes a closed stdout or stderr end the process with exit 0. */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
      if (isClosedPipe(e)) process.exit(0);
      throw e;
    });
  }
}
