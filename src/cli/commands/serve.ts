import { buildServer, DEFAULT_RATE_LIMIT } from '../../server/build-server.js';
import { openReadyStore, type Program } from '../cli-context.js';
import { adminTokenOf } from '../../server/admin-auth.js';
import { InvalidOptionError } from '../../model/errors.js';

function portOf(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidOptionError('port', s, ['0 to 65535']);
  return n;
}

/** AIRACE_RATE_LIMIT: requests per minute per IP; 0 or "off" disables it. */
export function rateLimitFromEnv(value: string | undefined): number | false {
  if (value === undefined || value === '') return DEFAULT_RATE_LIMIT;
  if (value === '0' || value.toLowerCase() === 'off') return false;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidOptionError('AIRACE_RATE_LIMIT', value, ['requests per minute', 'off']);
  return n;
}

/** How the URL is printed: IPv6 hosts go in brackets. */
function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

export function registerServe(program: Program): void {
  program
    .command('serve')
    .description('run the web dashboard and the JSON/CSV API (read-only; AIRACE_ADMIN_TOKEN enables admin endpoints)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--get <path>', 'answer one request in-process, print the body and exit (e.g. --get /index.json)')
    .action(async (_opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const port = portOf(opts.port);
      const rateLimit = rateLimitFromEnv(process.env.AIRACE_RATE_LIMIT);
      const adminToken = adminTokenOf(process.env.AIRACE_ADMIN_TOKEN);
      const store = await openReadyStore(opts);
      const app = buildServer({ store, adminToken, rateLimit: opts.get ? false : rateLimit });
      if (opts.get) {
        // Datasette's `serve --get`: any page or API response without opening a port.
        try {
          const res = await app.inject({ method: 'GET', url: opts.get });
          process.stdout.write(res.body.endsWith('\n') ? res.body : `${res.body}\n`);
          if (res.statusCode >= 400) throw new Error(`GET ${opts.get} answered ${res.statusCode}`);
        } finally {
          await app.close();
          await store.close();
        }
        return;
      }
      const close = async () => {
        await app.close();
        await store.close();
      };
      try {
        await app.listen({ host: opts.host, port });
      } catch (e) {
        await close();
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EADDRINUSE') throw new Error(`port ${port} on ${opts.host} is in use (try --port ${port + 1}, or --port 0 for any free port)`);
        throw e;
      }
      const address = app.server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      process.stdout.write(`Dashboard: ${urlOf(opts.host, actual)}\n`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          process.stderr.write(`airace: ${signal}, closing the server\n`);
          void close().then(() => process.exit(0));
        });
      }
    });
}
