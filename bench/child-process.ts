// Runs one measurement in a child process, so its memory (peak RSS) and event loop are its own.
// A child prints exactly one result line, `BENCH_RESULT {json}`, on stdout; anything else it
// writes goes to the terminal.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MARK = 'BENCH_RESULT ';

/** Path of a compiled sibling script, `bench/<rel>` → `dist/bench/<rel>.js`. */
export function benchScript(rel: string): string {
  return fileURLToPath(new URL(`./${rel}.js`, import.meta.url));
}

export function runChild<T>(script: string, args: string[], options: { nodeArgs?: string[] } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith(MARK)) result = line.slice(MARK.length);
        else process.stdout.write(`${line}\n`);
      }
    });
    let result: string | null = null;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 || result === null) {
        reject(new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${result === null ? ', no result' : ''}`));
        return;
      }
      resolve(JSON.parse(result) as T);
    });
  });
}

/** The child's side: print the result line and leave. */
export function reportResult(value: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify(value)}\n`);
}

/** The child's side: report a failure on stderr and exit non-zero. */
export function childMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}

/** Peak resident set size of this process so far, in MB (getrusage's ru_maxrss). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
