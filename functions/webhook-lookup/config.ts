import type { SSMClientConfig } from '@aws-sdk/client-ssm';
import type { PlexTier } from '../../client/index.js';
import { containerShare } from '../shared/budget.js';
import { FunctionConfigError } from '../shared/config-error.js';
import { type Env, integer, list, oneOf, optionalString } from '../shared/env.js';
import { type SecretSource, secretFrom } from '../shared/secrets.js';
import { type TenantAllowList, readTenantAllowList } from './tenants.js';

/** The server the Plex requests go to: a tier of Plex Connect, or another server such as the emulator. */
export type PlexServer = { readonly tier: PlexTier } | { readonly baseUrl: string };

/** The lookup function's settings, read once per container. */
export interface LookupConfig {
  readonly server: PlexServer;
  /** The Plex consumer key. */
  readonly apiKey: SecretSource;
  /** The comma-separated signing secrets. Read them with `readSigningSecrets`. */
  readonly signingSecrets: SecretSource;
  readonly allowedTenants: TenantAllowList;
  /** How long a Plex response stays cached, in milliseconds. 0 turns the cache and request sharing off. */
  readonly cacheTtlMs: number;
  /** Lookups that may wait for the rate limiter at once in one container. */
  readonly maxWaiting: number;
  /** This container's share of the key's Plex budget, in requests a minute. */
  readonly requestsPerMinute: number;
  /** Time limit of one Plex request, in milliseconds. */
  readonly timeoutMs: number;
}

export interface LookupConfigOptions {
  /** SSM client settings, such as a test endpoint. */
  ssmClientConfig?: SSMClientConfig;
}

const SIGNING_SECRETS_PARAMETER = 'LOOKUP_SIGNING_SECRETS_PARAMETER';
const SIGNING_SECRETS = 'LOOKUP_SIGNING_SECRETS';

function readServer(env: Env): PlexServer {
  const tier = oneOf(env, 'PLEX_TIER', ['production', 'test'] as const);
  const baseUrl = optionalString(env, 'PLEX_BASE_URL');
  if (tier !== undefined && baseUrl !== undefined) {
    throw new FunctionConfigError(
      'PLEX_BASE_URL',
      'is set together with PLEX_TIER. Set only one: PLEX_TIER for Plex Connect, PLEX_BASE_URL for another server such as the emulator.',
    );
  }

  if (baseUrl !== undefined) return { baseUrl: checkBaseUrl(baseUrl) };
  if (tier !== undefined) return { tier };

  throw new FunctionConfigError(
    'PLEX_TIER',
    'is not set. Set it to production or test, or set PLEX_BASE_URL to another server such as the emulator.',
  );
}

function checkBaseUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }

  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const message = `must be an absolute http(s) URL such as http://127.0.0.1:4010, got "${value}".`;
    throw new FunctionConfigError('PLEX_BASE_URL', message);
  }

  return value;
}

/**
 * Reads and validates the lookup function's environment. Secrets are not read
 * here: the returned sources read them from SSM or the environment on demand.
 *
 * @throws FunctionConfigError naming the first variable that is missing or invalid.
 */
export function readLookupConfig(env: Env, options: LookupConfigOptions = {}): LookupConfig {
  const { ssmClientConfig } = options;
  const server = readServer(env);
  const apiKey = secretFrom(env, {
    parameterVariable: 'PLEX_API_KEY_PARAMETER',
    valueVariable: 'PLEX_API_KEY',
    ssmClientConfig,
  });
  const signingSecrets = secretFrom(env, {
    parameterVariable: SIGNING_SECRETS_PARAMETER,
    valueVariable: SIGNING_SECRETS,
    ssmClientConfig,
  });
  if (optionalString(env, SIGNING_SECRETS_PARAMETER) === undefined && list(env, SIGNING_SECRETS).length === 0) {
    throw new FunctionConfigError(SIGNING_SECRETS, 'contains no secret. Separate several secrets with commas.');
  }

  const perMinute = integer(env, 'PLEX_RATE_LIMIT_PER_MINUTE', { default: 200, min: 1, max: 100_000 });
  const totalConcurrency = integer(env, 'PLEX_KEY_TOTAL_CONCURRENCY', { default: 1, min: 1, max: 100_000 });

  return {
    server,
    apiKey,
    signingSecrets,
    allowedTenants: readTenantAllowList(env, 'LOOKUP_ALLOWED_TENANTS'),
    cacheTtlMs: integer(env, 'LOOKUP_CACHE_TTL_MS', { default: 60_000, min: 0, max: 3_600_000 }),
    maxWaiting: integer(env, 'LOOKUP_MAX_WAITING', { default: 50, min: 0, max: 10_000 }),
    requestsPerMinute: containerShare(perMinute, totalConcurrency),
    timeoutMs: integer(env, 'PLEX_TIMEOUT_MS', { default: 5_000, min: 100, max: 900_000 }),
  };
}

/**
 * Reads the active signing secrets: the comma-separated value of the SSM
 * parameter or of `LOOKUP_SIGNING_SECRETS`, cached like every secret.
 *
 * @throws FunctionConfigError when the value contains no secret.
 */
export async function readSigningSecrets(config: LookupConfig): Promise<string[]> {
  const secrets = (await config.signingSecrets.get())
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (secrets.length === 0) {
    const variable = config.signingSecrets.origin.startsWith('ssm:') ? SIGNING_SECRETS_PARAMETER : SIGNING_SECRETS;
    throw new FunctionConfigError(variable, `${config.signingSecrets.origin} contains no secret. Separate several secrets with commas.`);
  }

  return secrets;
}
