import createClient, { type Client } from 'openapi-fetch';
import type { ResolvedConfig } from './config.js';
import { fingerprint } from './fingerprint.js';
import { API_KEY_HEADER, API_SECRET_HEADER } from './headers.js';
import type { PlexLogger } from './logger.js';
import { serializePlexQuery } from './query.js';
import { sharedRateLimiter } from './rate-limit-registry.js';
import type { RateLimiter } from './rate-limit.js';
import { createRedactor, type Redactor } from './redact.js';
import { ResponseCache } from './cache.js';
import type { PlexPaths } from './types.js';

/**
 * State shared by a client and every client derived from it with `withTenant`: the
 * configuration, the openapi-fetch instance, the rate limiter and the cache.
 */
export interface ClientCore {
  readonly config: ResolvedConfig;
  readonly api: Client<PlexPaths>;
  readonly limiter: RateLimiter | undefined;
  readonly cache: ResponseCache | undefined;
  readonly redactor: Redactor;
  /** The configured logger, with secrets removed from every message and field. */
  readonly logger: PlexLogger;
  /** Fingerprint of the API key for log fields, or undefined without a key. */
  readonly keyFingerprint: string | undefined;
}

/** Creates the shared state for a validated configuration. */
export function createCore(config: ResolvedConfig): ClientCore {
  const redactor = createRedactor([config.apiKey, config.apiSecret]);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (config.apiKey !== undefined) {
    headers[API_KEY_HEADER] = config.apiKey;
  }
  if (config.apiSecret !== undefined) {
    headers[API_SECRET_HEADER] = config.apiSecret;
  }
  return {
    config,
    api: createClient<PlexPaths>({ baseUrl: config.baseUrl, headers, querySerializer: serializePlexQuery }),
    limiter: config.rateLimit === undefined ? undefined : sharedRateLimiter(config.apiKey, config.rateLimit, config.clock),
    cache: config.cache === undefined ? undefined : new ResponseCache(config.cache, config.clock),
    redactor,
    logger: redactingLogger(config.logger, redactor),
    keyFingerprint: config.apiKey === undefined ? undefined : fingerprint(config.apiKey),
  };
}

function redactingLogger(logger: PlexLogger, redactor: Redactor): PlexLogger {
  return {
    debug: (message, fields) => logger.debug(redactor.text(message), redactor.fields(fields)),
    info: (message, fields) => logger.info(redactor.text(message), redactor.fields(fields)),
    warn: (message, fields) => logger.warn(redactor.text(message), redactor.fields(fields)),
    error: (message, fields) => logger.error(redactor.text(message), redactor.fields(fields)),
  };
}
