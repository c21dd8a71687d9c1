import type { PlexClock } from './clock.js';
import type { CacheSettings } from './config-policies.js';
import type { ResponseSnapshot } from './snapshot.js';

interface CacheEntry {
  snapshot: ResponseSnapshot;
  expiresAt: number;
}

/**
 * Cache of successful GET responses with sharing of identical requests in flight.
 *
 * Entries are keyed by the caller (tenant and URL), expire `ttlMs` after they arrived, and
 * the least recently used entry is dropped when `maxEntries` is reached. Failures are never
 * stored, but callers that joined a request in flight receive its failure too.
 */
export class ResponseCache {
  readonly #settings: CacheSettings;
  readonly #clock: PlexClock;
  /** Entries in least-recently-used order: a Map iterates in insertion order. */
  readonly #entries = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, Promise<ResponseSnapshot>>();

  constructor(settings: CacheSettings, clock: PlexClock) {
    this.#settings = settings;
    this.#clock = clock;
  }

  /** Returns a fresh entry, or undefined. */
  get(key: string): ResponseSnapshot | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      return undefined;
    }
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#clock.now()) {
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.snapshot;
  }

  /**
   * Returns the cached response for `key`, joins a request in flight for it, or calls
   * `load` and stores its result when it is a 2xx response.
   *
   * With `share` false the call neither joins nor offers its request to others, for calls
   * with their own abort signal, whose cancellation must not fail other callers.
   *
   * NOTE: a call that joins a request in flight waits under the deadline and retry budget of
   * the call that started it, not under its own.
   */
  async getOrLoad(key: string, load: () => Promise<ResponseSnapshot>, share: boolean): Promise<ResponseSnapshot> {
    const cached = this.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const pending = share ? this.#inFlight.get(key) : undefined;
    if (pending !== undefined) {
      return pending;
    }
    const loading = load().then((snapshot) => {
      if (snapshot.ok) {
        this.#store(key, snapshot);
      }
      return snapshot;
    });
    if (share) {
      this.#inFlight.set(key, loading);
      const forget = (): void => {
        if (this.#inFlight.get(key) === loading) {
          this.#inFlight.delete(key);
        }
      };
      loading.then(forget, forget);
    }
    return loading;
  }

  #store(key: string, snapshot: ResponseSnapshot): void {
    this.#entries.delete(key);
    this.#entries.set(key, { snapshot, expiresAt: this.#clock.now() + this.#settings.ttlMs });
    while (this.#entries.size > this.#settings.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}
