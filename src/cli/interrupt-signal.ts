// Ctrl-C during long work: the first press asks the work to stop at a safe point (after the
// current company's transaction), a second press exits at once (transactions keep the store whole).

/** An AbortSignal that fires on the first Ctrl-C; the second exits with 130. */
export function interruptSignal(onFirst: () => void): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const handler = () => {
    if (ac.signal.aborted) process.exit(130);
    onFirst();
    ac.abort();
  };
  process.on('SIGINT', handler);
  return { signal: ac.signal, dispose: () => void process.off('SIGINT', handler) };
}
