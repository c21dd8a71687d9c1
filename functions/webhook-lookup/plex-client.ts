import {
  type PlexClient,
  type PlexClock,
  PlexConfigError,
  type PlexFetch,
  type PlexLogger,
  createPlexClient,
} from '../../client/index.js';
import { FunctionConfigError } from '../shared/config-error.js';
import type { LookupConfig } from './config.js';

export interface LookupClientOptions {
  fetch: PlexFetch;
  clock: PlexClock;
  logger: PlexLogger;
}

/** The variable behind each client option that the configuration sets. */
const VARIABLES: Readonly<Record<string, string>> = {
  tier: 'PLEX_TIER',
  baseUrl: 'PLEX_BASE_URL',
  timeoutMs: 'PLEX_TIMEOUT_MS',
  'cache.ttlMs': 'LOOKUP_CACHE_TTL_MS',
  'rateLimit.requestsPerMinute': 'PLEX_RATE_LIMIT_PER_MINUTE',
};

/**
 * Creates the client the lookups use. Its rate limiter gets the container's
 * share of the key's budget. A cache with a positive TTL also makes identical
 * lookups that arrive together share one Plex request. One retry fits the
 * function's timeout, and the client starts no retry or rate-limit wait that
 * would end after the call's remaining time.
 *
 * @throws FunctionConfigError when the client rejects a configured value, naming its variable.
 */
export function createLookupClient(config: LookupConfig, apiKey: string, options: LookupClientOptions): PlexClient {
  try {
    return createPlexClient({
      apiKey,
      ...config.server,
      timeoutMs: config.timeoutMs,
      retry: { limit: 1 },
      rateLimit: { requestsPerMinute: config.requestsPerMinute },
      cache: config.cacheTtlMs > 0 ? { ttlMs: config.cacheTtlMs } : false,
      ...options,
    });
  } catch (error) {
    if (!(error instanceof PlexConfigError)) throw error;

    const keyVariable = config.apiKey.origin.startsWith('ssm:') ? 'PLEX_API_KEY_PARAMETER' : 'PLEX_API_KEY';
    const variable = error.option === 'apiKey' ? keyVariable : (VARIABLES[error.option] ?? error.option);
    throw new FunctionConfigError(variable, error.message, { cause: error });
  }
}
