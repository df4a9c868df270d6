// Where bulk ingest decodes its entries (inflate, JSON.parse, concept map): in a pool of worker
// threads (piscina), so the main thread only reads stored bytes from the zip and writes to the
// store while the workers decode the next entries; or, with 0 threads, on the main thread, one
// entry after another (serial mode: tiny machines, and the reference the tests compare with).
// With workers, tasks go to the pool PREFETCH per thread (a worker finishing one finds the next
// already posted to it, instead of waiting for the main thread, busy in a write, to hand it one:
// with one per thread the decoder thread sat idle two thirds of a bulk ingest); the rest wait
// here, and when the main thread would wait for a decoded entry it decodes a waiting one itself.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { numberFromEnv } from '../../config/env-number.js';
import { workerFile } from '../../config/worker-file.js';
import { decodeStoredEntry, type DecodeOutcome, type StoredEntryTask } from './bulk-entry.js';

export const INGEST_THREADS_ENV = 'AIRACE_INGEST_THREADS';

/** Tasks posted to each worker at once: the one it decodes and the next. */
export const PREFETCH = 2;

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
  /** `pending`'s outcome; meanwhile decodes on this thread the tasks no worker has started. */
  wait(pending: Promise<DecodeOutcome>): Promise<DecodeOutcome>;
  /** Milliseconds this thread spent decoding inside wait(). */
  readonly decodedHereMs: number;
  close(): Promise<void>;
}

interface Job {
  task: StoredEntryTask;
  resolve: (outcome: DecodeOutcome) => void;
  reject: (error: unknown) => void;
}

export function createEntryDecoder(threads: number): EntryDecoder {
  if (threads === 0) {
    return { threads, decode: async (task) => decodeStoredEntry(task), wait: (pending) => pending, decodedHereMs: 0, close: async () => undefined };
  }
  const pool = new Piscina({ ...workerFile('ingest/sec/bulk-decode-worker'), minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: PREFETCH, idleTimeout: 1_000 });
  const waiting: Job[] = [];
  let running = 0;
  let decodedHereMs = 0;
  const pump = () => {
    while (running < threads * PREFETCH && waiting.length) {
      const { task, resolve, reject } = waiting.shift()!;
      running++;
      // The stored bytes move to the worker rather than being copied (the caller gives up the buffer).
      (pool.run(task, { transferList: [task.stored.buffer as ArrayBuffer] }) as Promise<DecodeOutcome>).then(resolve, reject).finally(() => {
        running--;
        pump();
      });
    }
  };
  return {
    threads,
    decode: (task) =>
      new Promise<DecodeOutcome>((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        pump();
      }),
    async wait(pending) {
      let settled = false;
      const done = () => {
        settled = true;
      };
      pending.then(done, done);
      // Let an outcome that is already there land before deciding to work.
      await new Promise((r) => setImmediate(r));
      while (!settled && waiting.length) {
        const { task, resolve } = waiting.shift()!;
        const t0 = performance.now();
        resolve(decodeStoredEntry(task));
        decodedHereMs += performance.now() - t0;
        await new Promise((r) => setImmediate(r));
      }
      return pending;
    },
    get decodedHereMs() {
      return decodedHereMs;
    },
    close: () => {
      for (const job of waiting.splice(0)) job.reject(new Error('the entry decoder was closed'));
      return pool.destroy();
    },
  };
}
