import type { SSMClientConfig } from '@aws-sdk/client-ssm';
import { resolveServerUrl } from '../../client/base-url.js';
import { PlexConfigError, type PlexTier } from '../../client/index.js';
import { containerShare } from '../shared/budget.js';
import { FunctionConfigError } from '../shared/config-error.js';
import { type Env, integer, list, oneOf, optionalString } from '../shared/env.js';
import { type SecretSource, secretFrom } from '../shared/secrets.js';
import { parseKeyExpiry } from './expiry.js';
import { API_PRODUCTS, type ApiProduct } from './probes.js';

/** A tenant the access check probes: the key's default tenant, or one chosen by UUID or PCN. */
export type AccessCheckTarget =
  | { readonly kind: 'default' }
  | { readonly kind: 'tenantId'; readonly tenantId: string }
  | { readonly kind: 'customerId'; readonly customerId: number };

/** Configuration of the access check, read once per container from the environment. */
export interface AccessCheckConfig {
  /** Tier from `PLEX_TIER`, or undefined when `PLEX_BASE_URL` picks the server. */
  tier: PlexTier | undefined;
  /** Server URL from `PLEX_BASE_URL`, which wins over the tier. */
  baseUrl: string | undefined;
  /** Host (and port, if any) of the server, for the report. */
  host: string;
  /** Source of the API key: an SSM parameter or `PLEX_API_KEY`. */
  apiKey: SecretSource;
  /** The default tenant first, then the tenant UUIDs, then the PCNs, each once. */
  targets: readonly AccessCheckTarget[];
  /** Products to probe in every target, in the order of `API_PRODUCTS`. */
  products: readonly ApiProduct[];
  /** When the key expires, if known. */
  keyExpiresAt: Date | undefined;
  /** The schedule expression, echoed in the report. */
  schedule: string | undefined;
  /** This container's share of the key's rate limit, in requests a minute. */
  requestsPerMinute: number;
  /** Timeout of each request attempt in milliseconds. */
  timeoutMs: number;
}

export interface AccessCheckConfigOptions {
  /** Client settings for SSM, such as a test endpoint. */
  ssmClientConfig?: SSMClientConfig;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PCN_PATTERN = /^[1-9][0-9]{0,9}$/;

/** Largest PCN, the maximum of a 32-bit signed integer as in the description. */
const MAX_PCN = 2_147_483_647;

/** Lambda's maximum run time, 15 minutes: no single request needs longer. */
const MAX_TIMEOUT_MS = 900_000;

function readServer(env: Env): Pick<AccessCheckConfig, 'tier' | 'baseUrl' | 'host'> {
  const tier = oneOf(env, 'PLEX_TIER', ['production', 'test'] as const);
  const baseUrl = optionalString(env, 'PLEX_BASE_URL');
  if (tier === undefined && baseUrl === undefined) {
    throw new FunctionConfigError(
      'PLEX_TIER',
      'is not set, and neither is PLEX_BASE_URL. Set PLEX_TIER to "production" or "test", ' +
        'or PLEX_BASE_URL to another server such as the local emulator.',
    );
  }

  try {
    const url = resolveServerUrl(tier, baseUrl);
    return { tier: baseUrl === undefined ? tier : undefined, baseUrl, host: url.host };
  } catch (error) {
    if (error instanceof PlexConfigError) throw new FunctionConfigError('PLEX_BASE_URL', error.message, { cause: error });
    throw error;
  }
}

function readTenantIds(env: Env): string[] {
  const name = 'ACCESS_CHECK_TENANT_IDS';
  const ids = list(env, name).map((entry) => {
    if (!UUID_PATTERN.test(entry)) {
      const hint = PCN_PATTERN.test(entry) ? ' It looks like a PCN: list PCNs in ACCESS_CHECK_CUSTOMER_IDS.' : '';
      throw new FunctionConfigError(name, `"${entry}" is not a tenant UUID. Separate UUIDs in 8-4-4-4-12 form with commas.${hint}`);
    }

    return entry.toLowerCase();
  });

  return [...new Set(ids)];
}

function readCustomerIds(env: Env): number[] {
  const name = 'ACCESS_CHECK_CUSTOMER_IDS';
  const pcns = list(env, name).map((entry) => {
    if (!PCN_PATTERN.test(entry) || Number(entry) > MAX_PCN) {
      throw new FunctionConfigError(
        name,
        `"${entry}" is not a PCN. Separate Plex customer numbers (whole numbers from 1 to ${MAX_PCN}) with commas.`,
      );
    }

    return Number(entry);
  });

  return [...new Set(pcns)];
}

function readProducts(env: Env): ApiProduct[] {
  const name = 'ACCESS_CHECK_PRODUCTS';
  const entries = list(env, name).map((entry) => entry.toLowerCase());
  if (entries.length === 0) return [...API_PRODUCTS];

  for (const entry of entries) {
    if (!(API_PRODUCTS as readonly string[]).includes(entry)) {
      throw new FunctionConfigError(name, `"${entry}" is not an API product. Use any of ${API_PRODUCTS.join(', ')}.`);
    }
  }

  return API_PRODUCTS.filter((product) => entries.includes(product));
}

function readTargets(env: Env): AccessCheckTarget[] {
  return [
    { kind: 'default' },
    ...readTenantIds(env).map((tenantId) => ({ kind: 'tenantId' as const, tenantId })),
    ...readCustomerIds(env).map((customerId) => ({ kind: 'customerId' as const, customerId })),
  ];
}

function readKeyExpiry(env: Env): Date | undefined {
  const raw = optionalString(env, 'PLEX_KEY_EXPIRES_AT');
  return raw === undefined ? undefined : parseKeyExpiry('PLEX_KEY_EXPIRES_AT', raw);
}

/**
 * Reads and validates the access check's configuration. Nothing is sent: the SSM
 * parameter, if any, is read later by `apiKey.get()`.
 *
 * @throws FunctionConfigError naming the first missing or invalid variable and the fix.
 */
export function readAccessCheckConfig(env: Env, options: AccessCheckConfigOptions = {}): AccessCheckConfig {
  const server = readServer(env);
  const apiKey = secretFrom(env, {
    parameterVariable: 'PLEX_API_KEY_PARAMETER',
    valueVariable: 'PLEX_API_KEY',
    ...(options.ssmClientConfig ? { ssmClientConfig: options.ssmClientConfig } : {}),
  });
  const budget = integer(env, 'PLEX_RATE_LIMIT_PER_MINUTE', { default: 200, min: 1, max: 100_000 });
  const concurrency = integer(env, 'PLEX_KEY_TOTAL_CONCURRENCY', { default: 1, min: 1, max: 100_000 });

  return {
    ...server,
    apiKey,
    targets: readTargets(env),
    products: readProducts(env),
    keyExpiresAt: readKeyExpiry(env),
    schedule: optionalString(env, 'ACCESS_CHECK_SCHEDULE'),
    requestsPerMinute: containerShare(budget, concurrency),
    timeoutMs: integer(env, 'PLEX_TIMEOUT_MS', { default: 10_000, min: 1, max: MAX_TIMEOUT_MS }),
  };
}
