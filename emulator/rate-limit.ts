/**
 * A rolling-window rate limit per key, like the gateway's limit of about 200 requests a
 * minute for each app.
 *
 * Every request that carries a configured key counts, expired keys included, whatever its
 * outcome: a request later rejected with 400, 401, 404 or 429 uses up budget just like a
 * 200, as the gateway does. Requests with an unknown key are not counted, because the
 * gateway cannot attribute them to an app.
 */

export interface RateLimitOptions {
  /** Requests allowed in any window. */
  requests: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** About 200 requests a minute for each app, the limit reported for Plex Connect. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = Object.freeze({ requests: 200, windowMs: 60_000 });

export interface KeyRateStats {
  /** Requests counted for the key since the emulator started. */
  requests: number;
  /** The largest number of the key's requests inside any one window. */
  maxInWindow: number;
  /** 429 responses sent to the key by the rate limit (injected 429 faults are counted as faults). */
  rateLimited: number;
}

export interface RateLimitStats {
  limit: RateLimitOptions | false;
  /** 429 responses sent by the rate limit, over all keys. */
  rateLimited: number;
  /** Statistics by key fingerprint. */
  keys: Record<string, KeyRateStats>;
}

export interface Admission {
  allowed: boolean;
  /** Whole seconds until a request would be allowed again, at least 1. Set when not allowed. */
  retryAfterSeconds?: number;
}

/** Request times of one key inside the current window, oldest first. */
class RollingWindow {
  readonly stats: KeyRateStats = { requests: 0, maxInWindow: 0, rateLimited: 0 };
  #times: number[] = [];
  #head = 0;

  /** Adds a request at `nowMs` and returns how many requests the window ending now holds. */
  add(nowMs: number, windowMs: number): number {
    while (this.#head < this.#times.length && (this.#times[this.#head] ?? 0) <= nowMs - windowMs) {
      this.#head += 1;
    }
    if (this.#head > 1_024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }

    this.#times.push(nowMs);
    const inWindow = this.#times.length - this.#head;
    this.stats.requests += 1;
    this.stats.maxInWindow = Math.max(this.stats.maxInWindow, inWindow);

    return inWindow;
  }

  /**
   * Returns the milliseconds until the window contains fewer than `limit` requests, so that
   * one more fits. That happens when the request at position `inWindow - limit` leaves it.
   */
  msUntilRoom(nowMs: number, limit: RateLimitOptions): number {
    const inWindow = this.#times.length - this.#head;
    const leaving = this.#times[this.#head + inWindow - limit.requests] ?? nowMs;
    return leaving + limit.windowMs - nowMs;
  }
}

export class RateLimiter {
  readonly #limit: RateLimitOptions | false;
  readonly #windows = new Map<string, RollingWindow>();
  #rateLimited = 0;

  constructor(limit: RateLimitOptions | false) {
    if (limit !== false && (!(limit.requests >= 1) || !(limit.windowMs >= 1))) {
      throw new RangeError(
        `rateLimit needs requests >= 1 and windowMs >= 1, received ${JSON.stringify(limit)}. ` +
          'Pass false to turn it off.',
      );
    }

    this.#limit = limit;
  }

  /** Counts a request of the key with this fingerprint and decides whether it is within the limit. */
  record(keyFingerprint: string, nowMs: number): Admission {
    let window = this.#windows.get(keyFingerprint);
    if (window === undefined) {
      window = new RollingWindow();
      this.#windows.set(keyFingerprint, window);
    }

    // With the limit off, the default window still measures maxInWindow.
    const limit = this.#limit === false ? DEFAULT_RATE_LIMIT : this.#limit;
    const inWindow = window.add(nowMs, limit.windowMs);
    if (this.#limit === false || inWindow <= limit.requests) {
      return { allowed: true };
    }

    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(window.msUntilRoom(nowMs, limit) / 1_000)) };
  }

  /** Counts a 429 that the rate limit sent. */
  countRejection(keyFingerprint: string): void {
    this.#rateLimited += 1;
    const window = this.#windows.get(keyFingerprint);
    if (window !== undefined) {
      window.stats.rateLimited += 1;
    }
  }

  stats(): RateLimitStats {
    const keys: Record<string, KeyRateStats> = {};
    for (const [keyFingerprint, window] of this.#windows) {
      keys[keyFingerprint] = { ...window.stats };
    }

    return { limit: this.#limit, rateLimited: this.#rateLimited, keys };
  }

  keyStats(keyFingerprint: string): KeyRateStats {
    const window = this.#windows.get(keyFingerprint);
    return window === undefined ? { requests: 0, maxInWindow: 0, rateLimited: 0 } : { ...window.stats };
  }
}
