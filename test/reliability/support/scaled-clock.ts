import { type PlexClock, systemClock } from '../../../client/index.js';

/**
 * A clock that runs `factor` times faster than real time from its creation on: `now`
 * advances `factor` ms per real ms, and `sleep(ms)` waits ms / factor real ms. A handler
 * given this clock spends its one-minute rate limit window in 60 / factor real seconds,
 * and its timeouts, backoff and cache lifetime shrink by the same factor.
 */
export class ScaledClock implements PlexClock {
  readonly factor: number;
  readonly #startedMs = Date.now();

  constructor(factor: number) {
    this.factor = factor;
  }

  now(): number {
    return this.#startedMs + (Date.now() - this.#startedMs) * this.factor;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms / this.factor, signal);
  }
}
