import { checkNumber, checkOptionObject } from './option-checks.js';

/** Retry policy with every default filled in. */
export interface RetryPolicy {
  limit: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/** Rate limit with every default filled in. */
export interface RateLimitSettings {
  requestsPerWindow: number;
  windowMs: number;
  safetyMarginMs: number;
}

/** Cache settings with every default filled in. */
export interface CacheSettings {
  ttlMs: number;
  maxEntries: number;
}

const ONE_MINUTE_MS = 60_000;

/**
 * Margin added to the window against network jitter. Jitter does not shrink
 * with the window: a burst that opens new connections arrives spread over
 * tens of milliseconds, so a short test window keeps up to a tenth of its
 * length as margin.
 */
const SAFETY_MARGIN_MS = 250;

/** Maximum wait that any option may request: the largest `setTimeout` delay, about 24.8 days. */
const MAX_DELAY_MS = 2_147_483_647;

/** Resolves the `retry` option. Returns undefined for `false`. @throws PlexConfigError */
export function resolveRetryPolicy(value: unknown): RetryPolicy | undefined {
  if (value === false) {
    return undefined;
  }
  const options = checkOptionObject(value, 'retry', ['limit', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs']) ?? {};
  const baseDelayMs = checkNumber(options['baseDelayMs'], 'retry.baseDelayMs', { min: 0, max: MAX_DELAY_MS }, 500);
  return {
    limit: checkNumber(options['limit'], 'retry.limit', { min: 0, max: 10, integer: true }, 2),
    baseDelayMs,
    maxDelayMs: checkNumber(
      options['maxDelayMs'],
      'retry.maxDelayMs',
      { min: baseDelayMs, max: MAX_DELAY_MS },
      Math.max(baseDelayMs, 10_000),
    ),
    maxRetryAfterMs: checkNumber(
      options['maxRetryAfterMs'],
      'retry.maxRetryAfterMs',
      { min: 0, max: MAX_DELAY_MS },
      ONE_MINUTE_MS,
    ),
  };
}

/** Resolves the `rateLimit` option. Returns undefined for `false`. @throws PlexConfigError */
export function resolveRateLimitSettings(value: unknown): RateLimitSettings | undefined {
  if (value === false) {
    return undefined;
  }
  const options = checkOptionObject(value, 'rateLimit', ['requestsPerMinute', 'windowMs', 'safetyMarginMs']) ?? {};
  const windowMs = checkNumber(options['windowMs'], 'rateLimit.windowMs', { min: 1, max: MAX_DELAY_MS }, ONE_MINUTE_MS);
  const defaultMarginMs = Math.min(SAFETY_MARGIN_MS, windowMs / 10);
  return {
    requestsPerWindow: checkNumber(
      options['requestsPerMinute'],
      'rateLimit.requestsPerMinute',
      { min: 1, max: 100_000, integer: true },
      200,
    ),
    windowMs,
    safetyMarginMs: checkNumber(
      options['safetyMarginMs'],
      'rateLimit.safetyMarginMs',
      { min: 0, max: MAX_DELAY_MS },
      defaultMarginMs,
    ),
  };
}

/** Resolves the `cache` option. Returns undefined for `false` and when it is not set. @throws PlexConfigError */
export function resolveCacheSettings(value: unknown): CacheSettings | undefined {
  const options = checkOptionObject(value, 'cache', ['ttlMs', 'maxEntries']);
  if (options === undefined) {
    return undefined;
  }
  return {
    ttlMs: checkNumber(options['ttlMs'], 'cache.ttlMs', { min: 1, max: MAX_DELAY_MS }, ONE_MINUTE_MS),
    maxEntries: checkNumber(options['maxEntries'], 'cache.maxEntries', { min: 1, max: 100_000, integer: true }, 100),
  };
}
