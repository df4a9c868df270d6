// How airace downloads Epoch AI's models table, read once from the environment.
//
// The default address: Epoch's documentation of the Notable AI Models dataset
// (https://epoch.ai/data/notable-ai-models-documentation) says the dataset "is available for
// download as a daily-updated CSV file", linked from its data page (https://epoch.ai/data/ai-models);
// that file is https://epoch.ai/data/notable_ai_models.csv (the address the shared data's README
// records for the real format, and the one public projects that use the data fetch).
// AIRACE_EPOCH_URL points airace at another table (large_scale_ai_models.csv), a mirror or a test server.
import type { HttpClientConfig } from '../http/http-client.js';
import { httpLimitsFromEnv } from '../http/http-limits-from-env.js';
import { InvalidOptionError } from '../../model/errors.js';

export const DEFAULT_EPOCH_URL = 'https://epoch.ai/data/notable_ai_models.csv';

export interface EpochConfig extends HttpClientConfig {
  url: string;
}

export function epochConfigFromEnv(env: NodeJS.ProcessEnv = process.env, version = '0'): EpochConfig {
  const url = (env.AIRACE_EPOCH_URL || DEFAULT_EPOCH_URL).trim();
  if (!/^https?:\/\/\S+$/i.test(url)) throw new InvalidOptionError('AIRACE_EPOCH_URL', url, ['an http(s) URL']);
  return {
    url,
    userAgent: env.AIRACE_EPOCH_USER_AGENT?.trim() || `airace/${version} (models sync)`,
    // One file per sync: no budget to share (so no AIRACE_EPOCH_MAX_RPS), but no reason to hammer
    // a server either. Epoch's notable table is about 2 MB, its all-models table a few times that:
    // generous size bounds.
    ...httpLimitsFromEnv(
      env,
      'AIRACE_EPOCH',
      { maxRequestsPerSecond: 2, timeoutMs: 120_000, retries: 4, backoffMs: 2_000, backoffMaxMs: 60_000, maxRetryAfterMs: 10 * 60_000, maxDownloadMb: 64, maxBodyMb: 128 },
      { rpsFromEnv: false },
    ),
    // Redirects only within the configured host (epoch.ai, or the mirror AIRACE_EPOCH_URL names).
    redirectOrigins: [new URL(url).origin],
  };
}
