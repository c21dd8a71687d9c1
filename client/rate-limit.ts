import { systemClock, type PlexClock } from './clock.js';
import { resolveRateLimitSettings } from './config-policies.js';
import { PlexRateLimitError } from './errors/PlexRateLimitError.js';

/** Options of a `RateLimiter`. */
export interface RateLimiterOptions {
  /** Requests allowed in any rolling window of `windowMs`. @default 200 */
  requestsPerMinute?: number;
  /** Window length in milliseconds. @default 60000 */
  windowMs?: number;
  /** Milliseconds added to the window against network jitter. @default 250 ms, or a tenth of `windowMs` when that is shorter */
  safetyMarginMs?: number;
  /** Time source. @default Date.now and setTimeout */
  clock?: PlexClock;
}

/** Options of one `acquire` call. */
export interface AcquireOptions {
  /** Time (clock milliseconds) by which the slot must be granted. A later slot fails fast. */
  deadline?: number | undefined;
  /** Abort signal that removes the caller from the queue. */
  signal?: AbortSignal | undefined;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  /** Time at which this waiter expects its slot, assuming the waiters ahead all take theirs. */
  projected: number;
  deadline: number | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Sliding-window-log rate limiter with a FIFO queue.
 *
 * It keeps the send times of the last `requestsPerMinute` grants and grants another only
 * when the oldest of them is at least `windowMs + safetyMarginMs` old. So no rolling window
 * of `windowMs`, wherever it starts, ever contains more than the budget, even when each request
 * reaches the server up to `safetyMarginMs` later than the one before it. Under saturation it
 * uses windowMs / (windowMs + safetyMarginMs) of the budget: 99.6% of a one-minute window
 * with the default margin.
 *
 * Callers wait in arrival order. A caller whose deadline falls before its projected slot is
 * rejected at once with a `PlexRateLimitError` instead of waiting in vain.
 */
export class RateLimiter {
  /** Requests allowed per window. */
  readonly requestsPerMinute: number;
  readonly windowMs: number;
  readonly safetyMarginMs: number;
  readonly #clock: PlexClock;
  readonly #effectiveWindowMs: number;
  /** Grant times of the last `requestsPerMinute` grants, oldest first. */
  readonly #sent: number[] = [];
  readonly #waiting: Waiter[] = [];
  #blockedUntil = Number.NEGATIVE_INFINITY;
  #timer: AbortController | undefined;

  /** @throws PlexConfigError for an invalid option. */
  constructor(options: RateLimiterOptions = {}) {
    const settings = resolveRateLimitSettings({
      requestsPerMinute: options.requestsPerMinute,
      windowMs: options.windowMs,
      safetyMarginMs: options.safetyMarginMs,
    });
    // resolveRateLimitSettings returns undefined only for `false`, which cannot reach it here.
    this.requestsPerMinute = settings!.requestsPerWindow;
    this.windowMs = settings!.windowMs;
    this.safetyMarginMs = settings!.safetyMarginMs;
    this.#effectiveWindowMs = this.windowMs + this.safetyMarginMs;
    this.#clock = options.clock ?? systemClock;
  }

  /** Callers waiting for a slot. */
  get pending(): number {
    return this.#waiting.length;
  }

  /** Returns the milliseconds a new caller would wait now, assuming the waiters ahead take their slots. */
  estimateWaitMs(): number {
    const now = this.#clock.now();
    return this.#projectAt(this.#waiting.length, now) - now;
  }

  /**
   * Resolves when the caller may send one request, and counts that request.
   *
   * @throws PlexRateLimitError (as a rejection) when the projected slot is at or after
   *   `deadline`; its `retryAfterMs` is the projected wait. Rejects with the signal's reason
   *   when `signal` aborts while waiting.
   */
  acquire(options: AcquireOptions = {}): Promise<void> {
    const now = this.#clock.now();
    if (options.signal?.aborted) {
      return Promise.reject(options.signal.reason);
    }
    const projected = this.#projectAt(this.#waiting.length, now);
    if (this.#waiting.length === 0 && projected <= now) {
      this.#record(now);
      return Promise.resolve();
    }
    if (options.deadline !== undefined && projected >= options.deadline) {
      return Promise.reject(this.#deadlineError(projected - now));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        projected,
        deadline: options.deadline,
        signal: options.signal,
        onAbort: undefined,
      };
      if (options.signal !== undefined) {
        waiter.onAbort = () => this.#remove(waiter, options.signal?.reason);
        options.signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiting.push(waiter);
      this.#arm(now);
    });
  }

  /**
   * Delays every grant until `timeMs` (clock milliseconds), for example after the server
   * responded 429 with `Retry-After`. Waiters whose deadline can no longer be met are rejected.
   */
  pauseUntil(timeMs: number): void {
    if (timeMs <= this.#blockedUntil) {
      return;
    }
    this.#blockedUntil = timeMs;
    const now = this.#clock.now();
    this.#reproject(0, now);
    for (const waiter of [...this.#waiting]) {
      if (waiter.deadline !== undefined && waiter.projected >= waiter.deadline) {
        this.#remove(waiter, this.#deadlineError(waiter.projected - now));
      }
    }
  }

  /**
   * Returns the earliest grant time of the waiter at `index` in the queue (the queue length
   * for a new caller). It is `effectiveWindowMs` after the grant `requestsPerMinute`
   * positions earlier, counting granted requests and the projections of waiters ahead.
   */
  #projectAt(index: number, now: number): number {
    let earliest = Math.max(now, this.#blockedUntil);
    const earlier = this.#sent.length + index - this.requestsPerMinute;
    if (earlier >= 0) {
      const priorGrant =
        earlier < this.#sent.length ? this.#sent[earlier]! : this.#waiting[earlier - this.#sent.length]!.projected;
      earliest = Math.max(earliest, priorGrant + this.#effectiveWindowMs);
    }
    if (index > 0) {
      earliest = Math.max(earliest, this.#waiting[index - 1]!.projected);
    }
    return earliest;
  }

  #reproject(fromIndex: number, now: number): void {
    for (let index = fromIndex; index < this.#waiting.length; index += 1) {
      this.#waiting[index]!.projected = this.#projectAt(index, now);
    }
  }

  #record(now: number): void {
    this.#sent.push(now);
    if (this.#sent.length > this.requestsPerMinute) {
      this.#sent.shift();
    }
  }

  /** Returns the earliest time at which the next grant keeps every window within budget. */
  #nextSlot(now: number): number {
    return this.#projectAt(0, now);
  }

  /** Grants slots to the waiters at the head of the queue while the budget allows, then arms the timer. */
  #drain(): void {
    const now = this.#clock.now();
    while (this.#waiting.length > 0) {
      const slot = this.#nextSlot(now);
      if (slot > now) {
        this.#arm(now);
        return;
      }
      const waiter = this.#waiting.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort!);
      if (waiter.deadline !== undefined && now >= waiter.deadline) {
        waiter.reject(this.#deadlineError(0));
        continue;
      }
      this.#record(now);
      waiter.resolve();
    }
  }

  #arm(now: number): void {
    if (this.#timer !== undefined || this.#waiting.length === 0) {
      return;
    }
    const timer = new AbortController();
    this.#timer = timer;
    this.#clock.sleep(Math.max(0, this.#nextSlot(now) - now), timer.signal).then(
      () => {
        this.#timer = undefined;
        this.#drain();
      },
      () => undefined,
    );
  }

  #remove(waiter: Waiter, reason: unknown): void {
    const index = this.#waiting.indexOf(waiter);
    if (index === -1) {
      return;
    }
    this.#waiting.splice(index, 1);
    waiter.signal?.removeEventListener('abort', waiter.onAbort!);
    this.#reproject(index, this.#clock.now());
    if (this.#waiting.length === 0) {
      this.#timer?.abort();
      this.#timer = undefined;
    }
    waiter.reject(reason);
  }

  #deadlineError(waitMs: number): PlexRateLimitError {
    return new PlexRateLimitError(
      waitMs,
      `The client-side rate limit of ${this.requestsPerMinute} requests per ${this.windowMs} ms has no free slot ` +
        `before the deadline of this call; the next slot is expected in ${Math.ceil(waitMs)} ms.`,
    );
  }
}
