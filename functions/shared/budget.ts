import { FunctionConfigError } from './config-error.js';

/**
 * Divides the per-key request budget between the containers that may run at
 * once. Plex counts requests per key across every caller, and each Lambda
 * container has its own rate limiter. With reserved concurrency set on every
 * function that uses the key, at most `totalConcurrency` containers exist at
 * any moment, so giving each floor(budget / totalConcurrency) requests a
 * minute keeps their sum within the budget. Example: 200 requests a minute
 * shared by the access check (reserved concurrency 1) and the lookup function
 * (reserved concurrency 4) gives each container floor(200 / 5) = 40.
 */
export function containerShare(requestsPerMinute: number, totalConcurrency: number): number {
  if (!Number.isInteger(totalConcurrency) || totalConcurrency < 1) {
    throw new FunctionConfigError('PLEX_KEY_TOTAL_CONCURRENCY', `must be a whole number of at least 1, got ${totalConcurrency}.`);
  }

  const share = Math.floor(requestsPerMinute / totalConcurrency);
  if (share < 1) {
    throw new FunctionConfigError(
      'PLEX_KEY_TOTAL_CONCURRENCY',
      `${totalConcurrency} containers cannot share ${requestsPerMinute} requests a minute. Lower the reserved concurrency.`,
    );
  }

  return share;
}
