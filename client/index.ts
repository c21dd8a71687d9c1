export { createPlexClient, type PlexClient } from './client.js';
export type { PlexClock } from './clock.js';
export { systemClock } from './clock.js';
export type { PlexLogger } from './logger.js';
export { silentLogger } from './logger.js';
export type {
  PlexCacheOptions,
  PlexClientOptions,
  PlexFetch,
  PlexRateLimitOptions,
  PlexRetryOptions,
  PlexTier,
} from './options.js';
export type {
  PlexCallOptions,
  PlexData,
  PlexGetPath,
  PlexInit,
  PlexListItem,
  PlexListPath,
  PlexMethod,
  PlexPathWith,
  PlexPaths,
  PlexResult,
} from './types.js';
export type { PlexTenant } from './tenant.js';
export { RateLimiter, type AcquireOptions, type RateLimiterOptions } from './rate-limit.js';
export { fingerprint } from './fingerprint.js';
export { parseRetryAfterMs } from './retry-after.js';
export { API_KEY_HEADER, API_SECRET_HEADER, CUSTOMER_ID_HEADER, TENANT_ID_HEADER } from './headers.js';
export { PlexError } from './errors/PlexError.js';
export {
  PlexApiError,
  isPlexApiError,
  type PlexApiErrorJson,
  type PlexApiErrorKind,
  type PlexErrorDetail,
} from './errors/PlexApiError.js';
export { PlexConfigError } from './errors/PlexConfigError.js';
export { PlexRateLimitError } from './errors/PlexRateLimitError.js';
export {
  PlexDateTime,
  PlexDateTimeError,
  comparePlexDateTime,
  formatPlexDateTime,
  isPlexDateTime,
  parsePlexDateTime,
  toPlexQueryValue,
  type PlexDateTimeInput,
} from './datetime.js';
export type { components, operations, paths } from '../generated/plex-connect.js';
