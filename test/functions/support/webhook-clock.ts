import type { PlexClock } from '../../../client/index.js';

interface Timer {
  atMs: number;
  fire: () => void;
}

/**
 * A clock that runs with real time but can also jump ahead. `advance` moves
 * `now` forward and at once fires every sleep that is due by then. So a test
 * can pass a rate-limit window of a minute without waiting for it, while
 * network requests to the emulator still take their real time.
 */
export class JumpingClock implements PlexClock {
  #offsetMs = 0;
  readonly #timers = new Set<Timer>();

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise<void>((resolve, reject) => {
      const handle = setTimeout(() => timer.fire(), Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(handle);
        this.#timers.delete(timer);
        reject(signal?.reason);
      };
      const timer: Timer = {
        atMs: this.now() + Math.max(0, ms),
        fire: () => {
          clearTimeout(handle);
          this.#timers.delete(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.#timers.add(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms` and fires the sleeps that are due. */
  advance(ms: number): void {
    this.#offsetMs += ms;
    for (const timer of [...this.#timers]) if (timer.atMs <= this.now()) timer.fire();
  }
}
