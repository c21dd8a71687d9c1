import { servers } from '../generated/plex-connect.servers.js';
import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';
import type { PlexTier } from './options.js';

type TierVariable = (typeof servers)[0]['variables']['tier']['enum'][number];

/** Value of the `tier` server variable for each tier, checked against the description's enum. */
const TIER_VARIABLES = { production: '', test: 'test.' } as const satisfies Record<PlexTier, TierVariable>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Returns whether `url` points at 127.0.0.1, localhost or [::1]. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Returns the server URL for the options: `baseUrl` when set, or else the description's
 * server URL with the `tier` variable filled in.
 *
 * @throws PlexConfigError when `tier` is missing or unknown without a `baseUrl`, or when
 *   `baseUrl` is not an absolute http(s) URL.
 */
export function resolveServerUrl(tier: unknown, baseUrl: unknown): URL {
  const tierVariable = tier === undefined ? undefined : checkTier(tier);
  if (baseUrl !== undefined) {
    return checkBaseUrl(baseUrl);
  }
  if (tierVariable === undefined) {
    throw new PlexConfigError(
      'tier',
      'Missing option tier. Pass tier: "production" for connect.plex.com or tier: "test" for test.connect.plex.com, ' +
        'or pass baseUrl for another server such as the local emulator. The client never falls back to production.',
    );
  }
  const [server] = servers;
  // The template and the variable both come from the description, never from the caller.
  return new URL(server.url.replace('{tier}', tierVariable));
}

function checkTier(tier: unknown): TierVariable {
  if (tier === 'production' || tier === 'test') {
    return TIER_VARIABLES[tier];
  }
  throw new PlexConfigError(
    'tier',
    `Invalid option tier: ${describeValue(tier)}. Expected "production" (connect.plex.com) or "test" ` +
      '(test.connect.plex.com), or pass baseUrl for another server.',
  );
}

function checkBaseUrl(value: unknown): URL {
  if (typeof value !== 'string') {
    throw new PlexConfigError(
      'baseUrl',
      `Invalid option baseUrl: ${describeValue(value)}. Expected an absolute http(s) URL string.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PlexConfigError(
      'baseUrl',
      `Invalid option baseUrl: ${describeValue(value)} is not an absolute URL. Write it with its scheme, ` +
        'for example "http://127.0.0.1:4010".',
    );
  }
  checkBaseUrlParts(url, value);
  return url;
}

function checkBaseUrlParts(url: URL, value: string): void {
  // Checked first, so that the other messages can quote the URL without leaking a password.
  if (url.username !== '' || url.password !== '') {
    throw new PlexConfigError(
      'baseUrl',
      'Invalid option baseUrl: it contains a user name or password. Remove them from the URL.',
    );
  }
  const quoted = describeValue(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PlexConfigError(
      'baseUrl',
      `Invalid option baseUrl: ${quoted} uses ${url.protocol}. Use an http:// or https:// URL.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    throw new PlexConfigError(
      'baseUrl',
      `Invalid option baseUrl: ${quoted} uses plain http, which would send the API key unencrypted. ` +
        'Use https://, or http:// only with 127.0.0.1, localhost or [::1].',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new PlexConfigError(
      'baseUrl',
      `Invalid option baseUrl: ${quoted} has a query or fragment. ` +
        'Pass only scheme, host, port and an optional path prefix.',
    );
  }
}
