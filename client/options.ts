import type { PlexClock } from './clock.js';
import type { PlexLogger } from './logger.js';

/** Function the client sends requests with. `globalThis.fetch` fits. */
export type PlexFetch = (request: Request) => Promise<Response>;

/** Plex Connect environment: production (`connect.plex.com`) or test (`test.connect.plex.com`). */
export type PlexTier = 'production' | 'test';

/** Retry policy for GET and HEAD requests. */
export interface PlexRetryOptions {
  /** Retries after the first attempt, from 0 to 10. @default 2 */
  limit?: number;
  /**
   * Backoff base in milliseconds. The wait after attempt n is a random value from 0 to
   * min(maxDelayMs, baseDelayMs × 2^(n−1)) ("full jitter"). @default 500
   */
  baseDelayMs?: number;
  /** Upper bound of the backoff in milliseconds. @default 10000 */
  maxDelayMs?: number;
  /**
   * Upper bound in milliseconds for a wait that a `Retry-After` header requests. A longer
   * `Retry-After` is cut to this value. @default 60000
   */
  maxRetryAfterMs?: number;
}

/** Client-side rate limit, shared by every client in the process that uses the same API key. */
export interface PlexRateLimitOptions {
  /** Requests allowed in any rolling window of `windowMs`. @default 200 */
  requestsPerMinute?: number;
  /** Window length in milliseconds. Only tests that scale time change it. @default 60000 */
  windowMs?: number;
  /**
   * Milliseconds added to the window so that network jitter cannot push the server's count
   * over the budget. @default 250 ms, or a tenth of `windowMs` when that is shorter
   */
  safetyMarginMs?: number;
}

/** Response cache for GET requests. */
export interface PlexCacheOptions {
  /** How long a response stays fresh, in milliseconds. @default 60000 */
  ttlMs?: number;
  /**
   * Maximum number of responses kept, dropping the least recently used first. Each entry
   * contains a whole body, and Plex lists can reach tens of megabytes. @default 100
   */
  maxEntries?: number;
}

/** Options of `createPlexClient`. */
export interface PlexClientOptions {
  /**
   * Consumer key from the Plex developer portal, sent as `X-Plex-Connect-Api-Key` on every
   * request and never in the URL. Required unless `baseUrl` is a loopback address
   * (127.0.0.1, localhost or [::1]), such as the local emulator.
   */
  apiKey?: string;
  /** Consumer secret, sent as `X-Plex-Connect-Api-Secret` when set. @default not sent */
  apiSecret?: string;
  /** Environment, mapped to the server URL of the description. Required unless `baseUrl` is set. */
  tier?: PlexTier;
  /**
   * Server URL that replaces the one derived from `tier`, such as `http://127.0.0.1:4010`
   * for the emulator. Must be http(s), and http only for a loopback address.
   */
  baseUrl?: string;
  /** Tenant UUID sent as `X-Plex-Connect-Tenant-Id`. Excludes `customerId`. @default the key's default tenant */
  tenantId?: string;
  /** PCN sent as `X-Plex-Connect-Customer-Id`. Excludes `tenantId`. @default the key's default tenant */
  customerId?: number;
  /** Timeout of each attempt in milliseconds, cut to the call's remaining time. @default 30000 */
  timeoutMs?: number;
  /** Retry policy, or false for a single attempt. @default { limit: 2 } */
  retry?: PlexRetryOptions | false;
  /** Client-side rate limit, or false to send without waiting. @default { requestsPerMinute: 200 } */
  rateLimit?: PlexRateLimitOptions | false;
  /** Allows methods other than GET and HEAD. @default false */
  allowWrites?: boolean;
  /** Function that sends requests. @default globalThis.fetch */
  fetch?: PlexFetch;
  /** Receives one event per retry (warn) and per attempt (debug). @default a logger that drops everything */
  logger?: PlexLogger;
  /** GET response cache with sharing of identical requests in flight, or false. @default false */
  cache?: PlexCacheOptions | false;
  /** Time source for waits and timeouts. @default Date.now and setTimeout */
  clock?: PlexClock;
  /** Source of random numbers in [0, 1) for the retry jitter. @default Math.random */
  random?: () => number;
}
