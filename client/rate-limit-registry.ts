import type { PlexClock } from './clock.js';
import type { RateLimitSettings } from './config-policies.js';
import { fingerprint } from './fingerprint.js';
import { RateLimiter } from './rate-limit.js';

/**
 * Limiters by clock, then by key fingerprint and settings. Plex counts the budget per app,
 * so every client in the process with the same key must draw from one limiter. The clock is
 * part of the key only so that tests with virtual clocks do not share state.
 */
const limiters = new WeakMap<PlexClock, Map<string, RateLimiter>>();

/** Returns the limiter shared by every client with this API key, settings and clock, creating it on first use. */
export function sharedRateLimiter(
  apiKey: string | undefined,
  settings: RateLimitSettings,
  clock: PlexClock,
): RateLimiter {
  let byKey = limiters.get(clock);
  if (byKey === undefined) {
    byKey = new Map();
    limiters.set(clock, byKey);
  }
  const keyId = apiKey === undefined ? 'no-key' : fingerprint(apiKey);
  const id = `${keyId}|${settings.requestsPerWindow}|${settings.windowMs}|${settings.safetyMarginMs}`;
  let limiter = byKey.get(id);
  if (limiter === undefined) {
    limiter = new RateLimiter({
      requestsPerMinute: settings.requestsPerWindow,
      windowMs: settings.windowMs,
      safetyMarginMs: settings.safetyMarginMs,
      clock,
    });
    byKey.set(id, limiter);
  }
  return limiter;
}
