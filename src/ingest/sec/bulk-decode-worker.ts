// A worker thread of bulk ingest's decoder pool (bulk-decoder.ts): inflates, parses and maps one
// companyfacts entry, off the thread that writes to the store.
import { Piscina } from 'piscina';
import { decodeStoredEntry, type StoredEntryTask } from './bulk-entry.js';

export default function decodeTask(task: StoredEntryTask) {
  const outcome = decodeStoredEntry(task);
  if (!outcome.ok) return outcome;
  // The packed facts' arrays move to the main thread rather than being copied.
  const { text, value, fy, preferred } = outcome.facts;
  const movable = { [Piscina.transferableSymbol]: [text.buffer, value.buffer, fy.buffer, preferred.buffer], [Piscina.valueSymbol]: outcome };
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]);
}
