/**
 * Time source of the client. Every wait (retry backoff, rate limit, per-attempt timeout)
 * goes through `sleep`, so tests can inject a virtual clock and assert the scheduled delays
 * without waiting.
 */
export interface PlexClock {
  /** Current time in milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. Rejects with `signal.reason` if `signal` aborts
   * first, and then the timer is cleared.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Clock on `Date.now` and `setTimeout`. */
export const systemClock: PlexClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
