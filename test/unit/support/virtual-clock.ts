import type { PlexClock } from '../../../client/index.js';

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
  ms: number;
}

/**
 * Clock with virtual time for tests. `sleep` registers a timer; whenever the event loop has
 * nothing else to do (checked with `setImmediate`), time jumps to the earliest timer and
 * fires it. So waits take no real time, and their order and length are exact.
 *
 * `sleeps` lists the length of every sleep that ran to its end, in the order they ended.
 * Sleeps cancelled by their signal, such as the timeout of an attempt that finished, are
 * not listed.
 */
export class VirtualClock implements PlexClock {
  readonly sleeps: number[] = [];
  #now: number;
  #order = 0;
  #timers: Timer[] = [];
  #scheduled = false;

  constructor(startMs = Date.UTC(2024, 2, 1, 8, 0, 0)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = { at: this.#now + Math.max(0, ms), order: this.#order++, resolve, ms };
      const onAbort = (): void => {
        this.#timers = this.#timers.filter((other) => other !== timer);
        reject(signal?.reason);
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        this.sleeps.push(ms);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
      this.#schedule();
    });
  }

  /** Moves time forward without firing timers, for tests of code that only reads the clock. */
  advance(ms: number): void {
    this.#now += ms;
  }

  #schedule(): void {
    if (this.#scheduled) {
      return;
    }
    this.#scheduled = true;
    setImmediate(() => this.#fireNext());
  }

  #fireNext(): void {
    this.#scheduled = false;
    if (this.#timers.length === 0) {
      return;
    }
    this.#timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const timer = this.#timers.shift()!;
    this.#now = Math.max(this.#now, timer.at);
    timer.resolve();
    if (this.#timers.length > 0) {
      this.#schedule();
    }
  }
}
