import { isLoopbackUrl, resolveServerUrl } from './base-url.js';
import { systemClock, type PlexClock } from './clock.js';
import {
  resolveCacheSettings,
  resolveRateLimitSettings,
  resolveRetryPolicy,
  type CacheSettings,
  type RateLimitSettings,
  type RetryPolicy,
} from './config-policies.js';
import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';
import { silentLogger, type PlexLogger } from './logger.js';
import { checkBoolean, checkFunction, checkKnownKeys, checkMethods, checkNumber, checkSecret } from './option-checks.js';
import type { PlexClientOptions, PlexFetch } from './options.js';
import { tenantFromIds, type PlexTenant } from './tenant.js';

/** Client options after validation, with every default filled in. */
export interface ResolvedConfig {
  /** Server URL without a trailing slash. */
  baseUrl: string;
  apiKey: string | undefined;
  apiSecret: string | undefined;
  tenant: PlexTenant | undefined;
  timeoutMs: number;
  retry: RetryPolicy | undefined;
  rateLimit: RateLimitSettings | undefined;
  allowWrites: boolean;
  fetch: PlexFetch;
  logger: PlexLogger;
  cache: CacheSettings | undefined;
  clock: PlexClock;
  random: () => number;
}

const KNOWN_OPTIONS: readonly (keyof PlexClientOptions)[] = [
  'apiKey',
  'apiSecret',
  'tier',
  'baseUrl',
  'tenantId',
  'customerId',
  'timeoutMs',
  'retry',
  'rateLimit',
  'allowWrites',
  'fetch',
  'logger',
  'cache',
  'clock',
  'random',
];

/** Wrong option names seen in the wild, with the name this client uses. */
const RENAMED_OPTIONS: Readonly<Record<string, string>> = {
  key: 'apiKey',
  apikey: 'apiKey',
  consumerKey: 'apiKey',
  secret: 'apiSecret',
  consumerSecret: 'apiSecret',
  environment: 'tier',
  env: 'tier',
  url: 'baseUrl',
  baseURL: 'baseUrl',
  tenant: 'tenantId',
  tenantID: 'tenantId',
  pcn: 'customerId',
  customerID: 'customerId',
  timeout: 'timeoutMs',
  retries: 'retry',
};

/** Maximum per-attempt timeout: the largest `setTimeout` delay, about 24.8 days. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Validates the options of `createPlexClient` and fills in the defaults.
 *
 * @throws PlexConfigError naming the first invalid option, its value (never a secret) and the fix.
 */
export function resolveConfig(options: PlexClientOptions): ResolvedConfig {
  if (options === null || typeof options !== 'object') {
    throw new PlexConfigError(
      'options',
      `Invalid options: ${describeValue(options)}. Pass an object such as { apiKey, tier: "test" }.`,
    );
  }
  checkKnownKeys(options as Record<string, unknown>, '', KNOWN_OPTIONS, RENAMED_OPTIONS);
  const serverUrl = resolveServerUrl(options.tier, options.baseUrl);
  const apiKey = checkSecret(options.apiKey, 'apiKey');
  if (apiKey === undefined && !isLoopbackUrl(serverUrl)) {
    throw new PlexConfigError(
      'apiKey',
      'Missing option apiKey. Pass the consumer key from the Plex developer portal; only a loopback baseUrl ' +
        '(127.0.0.1, localhost or [::1]), such as the local emulator, works without one.',
    );
  }
  return {
    baseUrl: serverUrl.href.replace(/\/+$/, ''),
    apiKey,
    apiSecret: checkSecret(options.apiSecret, 'apiSecret'),
    tenant: tenantFromIds(options.tenantId, options.customerId, 'in the client options'),
    timeoutMs: checkNumber(options.timeoutMs, 'timeoutMs', { min: 1, max: MAX_TIMEOUT_MS }, 30_000),
    retry: resolveRetryPolicy(options.retry),
    rateLimit: resolveRateLimitSettings(options.rateLimit),
    allowWrites: checkBoolean(options.allowWrites, 'allowWrites', false),
    fetch: checkFunction<PlexFetch>(options.fetch, 'fetch', (request) => globalThis.fetch(request)),
    logger: checkMethods<PlexLogger>(options.logger, 'logger', ['debug', 'info', 'warn', 'error'], silentLogger),
    cache: resolveCacheSettings(options.cache),
    clock: checkMethods<PlexClock>(options.clock, 'clock', ['now', 'sleep'], systemClock),
    random: checkFunction<() => number>(options.random, 'random', Math.random),
  };
}
