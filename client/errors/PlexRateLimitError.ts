import { PlexError } from './PlexError.js';

/**
 * Error thrown by `RateLimiter.acquire` when the caller's deadline passes before a slot in
 * the rate limit window would free up. The client turns it into a `rate-limited`
 * `PlexApiError`; code that uses the limiter directly receives this class.
 */
export class PlexRateLimitError extends PlexError {
  override readonly name = 'PlexRateLimitError';

  /** Milliseconds until the limiter expects a free slot. */
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, message: string) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}
