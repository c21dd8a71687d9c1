import type { RetryPolicy } from './config-policies.js';
import type { PlexApiError } from './errors/PlexApiError.js';

/** Statuses worth another attempt: rate limited, and server or gateway failures. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Methods that may be sent twice without changing anything on the server. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Returns whether `method` is GET or HEAD, the only methods this client retries. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Returns whether a failure may succeed on another attempt: a 429, 500, 502, 503 or 504
 * response, a timeout, or a network failure.
 *
 * Never 400, 401, 403 or 404, and never a slot that the client's own rate limiter could not
 * grant before the deadline, because waiting again cannot help.
 */
export function isRetryableFailure(error: PlexApiError): boolean {
  if (error.status !== undefined) {
    return RETRYABLE_STATUSES.has(error.status);
  }
  return error.kind === 'timeout' || error.kind === 'network';
}

/**
 * Returns the backoff after attempt `attempt` (1 for the first): a random value from 0 to
 * min(maxDelayMs, baseDelayMs × 2^(attempt−1)), the "full jitter" strategy.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Returns the wait before the next attempt: the server's `Retry-After`, cut to
 * maxRetryAfterMs and never jittered, or else the backoff.
 */
export function retryDelayMs(policy: RetryPolicy, error: PlexApiError, attempt: number, random: () => number): number {
  if (error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  return backoffDelayMs(policy, attempt, random);
}
