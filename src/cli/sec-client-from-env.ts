// Builds the SEC client for a command, or refuses with SEC's User-Agent requirement (exit 2).
import { CommanderError } from '@commander-js/extra-typings';
import { MissingUserAgentError, secConfigFromEnv } from '../ingest/sec/sec-config.js';
import { SecClient } from '../ingest/sec/sec-client.js';

export function secClientFromEnv(env: NodeJS.ProcessEnv = process.env): SecClient {
  try {
    return new SecClient(secConfigFromEnv(env));
  } catch (e) {
    if (e instanceof MissingUserAgentError) {
      process.stderr.write(`airace: ${e.message}`);
      throw new CommanderError(2, 'airace.secUserAgent', e.message);
    }
    throw e;
  }
}
