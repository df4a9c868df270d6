// `airace … | head`: every command, run as the real binary with stdout a pipe whose reader has
// already gone, must end quietly with exit 0 (no "Unhandled 'error' event", no EPIPE trace).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecFixtureServer } from '../sync/sec-fixture-server.js';
import { fixtureCompanies } from '../sync/fixtures/sec-fixtures.js';

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname;
const article = new URL('../../examples/articles/big-four-capex.md', import.meta.url).pathname;

/** Runs the binary with its stdout closed by the reader before it writes; resolves to exit code and stderr. */
function runWithClosedStdout(args: string[], env: Record<string, string>, cwd?: string): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, cwd });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe('output piped to a closed reader', () => {
  let dir: string;
  let server: SecFixtureServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'airace-pipe-'));
    server = await SecFixtureServer.start(fixtureCompanies());
    env = { ...server.env(), AIRACE_DB: join(dir, 'airace.db') };
    // Create and load the store first, so each command below reaches its own output.
    const init = await runWithClosedStdout(['init'], env);
    expect(init.code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const commands: string[][] = [
    ['--help'],
    ['init'],
    ['companies'],
    ['series', '-m', 'capex', '-c', 'AMZN,MSFT,GOOGL,META', '-p', 'quarter'],
    ['facts', 'GOOGL'],
    ['chart', '--preset', 'seed', '--out', 'seed.svg'],
    ['events'],
    ['guidance', 'GOOGL', '2025'],
    ['check', article, '--no-charts'],
    ['audit'],
    ['prices', 'listings'],
    ['prices', 'change', 'BABA', '--date', '2025-03-01'],
    ['add', 'SYNX'],
    ['sync', 'SYNX'],
    ['serve', '--port', '0'],
  ];
  for (const args of commands) {
    it(`airace ${args.join(' ')}`, async () => {
      const r = await runWithClosedStdout(args, env, dir);
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error'|at .*\.js:\d+/);
      expect([r.code, r.signal]).toEqual([0, null]);
    }, 60_000);
  }
});
