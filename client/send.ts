import type { CallContext } from './call-context.js';
import { PlexApiError } from './errors/PlexApiError.js';
import { PlexRateLimitError } from './errors/PlexRateLimitError.js';
import { deadlineFailure, rateLimiterFailure } from './failures.js';
import { isIdempotentMethod, isRetryableFailure, retryDelayMs } from './retry.js';

/**
 * Runs attempts until one succeeds or the retry policy gives up, and returns the result of
 * the successful attempt.
 *
 * Before each attempt it checks the deadline and takes a slot from the rate limiter. Each
 * attempt gets `timeoutMs` cut to the time left. After a retryable failure it waits as
 * `nextRetryDelayMs` decides and logs one warning.
 *
 * @throws PlexApiError of the last attempt, or of the rate limiter or the deadline.
 */
export async function sendWithRetries<T>(call: CallContext, attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await runAttempt(call, attempt);
    } catch (error) {
      if (!(error instanceof PlexApiError)) {
        throw error;
      }
      const delayMs = nextRetryDelayMs(call, error);
      if (delayMs === undefined) {
        throw error;
      }
      await call.core.config.clock.sleep(delayMs, call.signal);
    }
  }
}

/**
 * Decides whether to retry after `error`, and logs the retry. Returns the wait in
 * milliseconds, or undefined to give up: for a method other than GET and HEAD, a
 * non-retryable failure, a spent retry limit, or a wait that would end after the deadline.
 *
 * A 429 with `Retry-After` also pauses the shared rate limiter, so that other calls with the
 * same key hold back as well.
 */
export function nextRetryDelayMs(call: CallContext, error: PlexApiError): number | undefined {
  const { retry, clock, random } = call.core.config;
  if (error.status === 429 && error.retryAfterMs !== undefined) {
    const pauseMs = Math.min(error.retryAfterMs, retry?.maxRetryAfterMs ?? error.retryAfterMs);
    call.core.limiter?.pauseUntil(clock.now() + pauseMs);
  }
  if (retry === undefined || !isIdempotentMethod(call.method)) {
    return undefined;
  }
  if (call.attempts > retry.limit || !isRetryableFailure(error)) {
    return undefined;
  }
  const delayMs = retryDelayMs(retry, error, call.attempts, random);
  if (delayMs >= call.deadline.remainingMs()) {
    return undefined;
  }
  call.core.logger.warn('Retrying Plex Connect request', {
    operation: call.operation,
    method: call.method,
    url: call.redactor.url(call.url),
    attempt: call.attempts,
    status: error.status,
    kind: error.kind,
    delay_ms: delayMs,
    retry_after_ms: error.retryAfterMs,
    api_key: call.core.keyFingerprint,
  });
  return delayMs;
}

async function runAttempt<T>(call: CallContext, attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
  const { clock, timeoutMs } = call.core.config;
  if (call.deadline.remainingMs() <= 0) {
    throw deadlineFailure(call);
  }
  try {
    await call.core.limiter?.acquire({ deadline: call.deadline.endsAt(), signal: call.signal });
  } catch (error) {
    throw error instanceof PlexRateLimitError ? rateLimiterFailure(call, error) : error;
  }
  const remainingMs = call.deadline.remainingMs();
  call.attempts += 1;
  const startedAt = clock.now();
  const fields = { operation: call.operation, method: call.method, url: call.redactor.url(call.url), attempt: call.attempts };
  try {
    const result = await attempt(Math.max(1, Math.min(timeoutMs, remainingMs)));
    call.core.logger.debug('Plex Connect request succeeded', { ...fields, duration_ms: clock.now() - startedAt });
    return result;
  } catch (error) {
    const failure = error instanceof PlexApiError ? { status: error.status, kind: error.kind } : {};
    call.core.logger.debug('Plex Connect request failed', { ...fields, ...failure, duration_ms: clock.now() - startedAt });
    throw error;
  }
}
