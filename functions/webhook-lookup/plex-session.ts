import type { PlexClient, PlexClock } from '../../client/index.js';
import type { SecretSource } from '../shared/secrets.js';

/** A Plex client and the key it sends. */
export interface PlexConnection {
  readonly apiKey: string;
  readonly client: PlexClient;
}

/**
 * Shortest time between two re-reads of the key after Plex rejected it, in
 * milliseconds, so that a key that stays rejected does not send every lookup
 * on to SSM as well.
 */
export const KEY_REFRESH_INTERVAL_MS = 60_000;

/**
 * Holds the container's one Plex client, and with it the rate limiter and the
 * cache, for as long as the key stays the same. A new key, read on schedule
 * or after a 401, gets a new client.
 */
export class PlexSession {
  readonly #keySource: SecretSource;
  readonly #connect: (apiKey: string) => PlexClient;
  readonly #clock: PlexClock;
  #connection: PlexConnection | undefined;
  #refreshing: Promise<PlexConnection> | undefined;
  #lastRefreshMs = Number.NEGATIVE_INFINITY;

  constructor(keySource: SecretSource, connect: (apiKey: string) => PlexClient, clock: PlexClock) {
    this.#keySource = keySource;
    this.#connect = connect;
    this.#clock = clock;
  }

  /** Returns the client for the current key. The key source caches the key, so this rarely reads SSM. */
  async current(): Promise<PlexConnection> {
    return this.#connectWith(await this.#keySource.get());
  }

  /**
   * Re-reads the key, bypassing the cache, after Plex rejected `rejected`
   * with 401. Returns the connection to retry with, or undefined when the key
   * is unchanged or was re-read less than `KEY_REFRESH_INTERVAL_MS` ago.
   * Concurrent callers share one re-read.
   */
  async renew(rejected: PlexConnection): Promise<PlexConnection | undefined> {
    if (this.#connection !== undefined && this.#connection.apiKey !== rejected.apiKey) return this.#connection;

    if (this.#refreshing === undefined) {
      const nowMs = this.#clock.now();
      if (nowMs - this.#lastRefreshMs < KEY_REFRESH_INTERVAL_MS) return undefined;

      this.#lastRefreshMs = nowMs;
      this.#refreshing = this.#keySource
        .refresh()
        .then((apiKey) => this.#connectWith(apiKey))
        .finally(() => {
          this.#refreshing = undefined;
        });
    }

    const renewed = await this.#refreshing;
    return renewed.apiKey === rejected.apiKey ? undefined : renewed;
  }

  #connectWith(apiKey: string): PlexConnection {
    if (this.#connection?.apiKey !== apiKey) this.#connection = { apiKey, client: this.#connect(apiKey) };

    return this.#connection;
  }
}
