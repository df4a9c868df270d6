// Where bulk ingest decodes its entries (inflate, JSON.parse, concept map): in a pool of worker
// threads (piscina), so the main thread only reads stored bytes from the zip and writes to the
// store while the workers decode the next entries; or, with 0 threads, on the main thread, one
// entry after another (serial mode: tiny machines, and the reference the tests compare with).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { numberFromEnv } from '../../config/env-number.js';
import { workerFile } from '../../config/worker-file.js';
import { decodeStoredEntry, type DecodeOutcome, type StoredEntryTask } from './bulk-entry.js';

export const INGEST_THREADS_ENV = 'AIRACE_INGEST_THREADS';

/** Decoder threads by default: one core is left to the main thread's inserts; more than four gains nothing (the insert is the limit). */
export function defaultIngestThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** AIRACE_INGEST_THREADS (0: serial), else the default. */
export function ingestThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return numberFromEnv(env, INGEST_THREADS_ENV, defaultIngestThreads(), { integer: true });
}

export interface EntryDecoder {
  /** Worker threads; 0 when entries are decoded on the calling thread. */
  readonly threads: number;
  decode(task: StoredEntryTask): Promise<DecodeOutcome>;
  close(): Promise<void>;
}

export function createEntryDecoder(threads: number): EntryDecoder {
  if (threads === 0) {
    return { threads, decode: async (task) => decodeStoredEntry(task), close: async () => undefined };
  }
  const pool = new Piscina({ ...workerFile('ingest/sec/bulk-decode-worker'), minThreads: threads, maxThreads: threads, idleTimeout: 1_000 });
  return {
    threads,
    // The stored bytes move to the worker rather than being copied (the caller gives up the buffer).
    decode: (task) => pool.run(task, { transferList: [task.stored.buffer as ArrayBuffer] }) as Promise<DecodeOutcome>,
    close: () => pool.destroy(),
  };
}
