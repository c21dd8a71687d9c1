import {
  createPlexClient,
  fingerprint,
  type PlexCallOptions,
  type PlexClient,
  type PlexClock,
  type PlexFetch,
  type PlexLogger,
  type PlexResult,
  type PlexRetryOptions,
} from '../../client/index.js';
import type { AccessCheckConfig } from './config.js';
import type { TenantSummary } from './report.js';

/** Client settings that only tests change, to shorten retry waits or scale the rate limit window. */
export interface ClientTuning {
  /** @default the client's retry policy: 2 retries, 500 ms backoff base */
  retry?: PlexRetryOptions | false;
  /** Source of the retry jitter. @default Math.random */
  random?: () => number;
  /** Rate limit window in milliseconds, over which the config's budget is spent. @default 60000 */
  rateLimitWindowMs?: number;
  /** Margin added to the window against network jitter. @default the client's, 250 ms a minute */
  rateLimitSafetyMarginMs?: number;
}

/** Dependencies of the clients that the access check creates. */
export interface ClientDeps {
  /** @default globalThis.fetch */
  fetch?: PlexFetch | undefined;
  /** @default the system clock */
  clock?: PlexClock | undefined;
  /** Receives the client's retry warnings. @default a logger that drops everything */
  logger?: PlexLogger | undefined;
  clientTuning?: ClientTuning | undefined;
}

/**
 * Creates a client for one key. Clients with the same key, budget and clock share one rate
 * limiter, so successive runs in a warm container draw from the same budget.
 *
 * @throws PlexConfigError when the key contains characters that cannot be sent in a header.
 */
export function createCheckClient(config: AccessCheckConfig, apiKey: string, deps: ClientDeps): PlexClient {
  const tuning = deps.clientTuning ?? {};
  const server = config.baseUrl === undefined ? { tier: config.tier } : { baseUrl: config.baseUrl };

  return createPlexClient({
    apiKey,
    ...server,
    timeoutMs: config.timeoutMs,
    rateLimit: {
      requestsPerMinute: config.requestsPerMinute,
      windowMs: tuning.rateLimitWindowMs,
      safetyMarginMs: tuning.rateLimitSafetyMarginMs,
    },
    retry: tuning.retry,
    random: tuning.random,
    fetch: deps.fetch,
    clock: deps.clock,
    logger: deps.logger,
  });
}

/** Result of the tenant list with the key and client that produced it. */
export interface TenantAccess {
  apiKey: string;
  client: PlexClient;
  result: PlexResult<TenantSummary[]>;
}

async function listTenants(client: PlexClient, call: PlexCallOptions): Promise<PlexResult<TenantSummary[]>> {
  const result = await client.GET('/mdm/v1/tenants', call);
  if (result.error) return result;

  const tenants = result.data.map((tenant) => ({ id: tenant.id, code: tenant.code, name: tenant.name ?? null }));
  return { data: tenants, response: result.response };
}

/**
 * Lists the tenants the key reaches, without tenant headers. On a 401 the key is read again,
 * bypassing the SSM cache, because it may have been rotated since the container started.
 * A changed key gets a second try, and an unchanged key is not sent again.
 *
 * @throws whatever reading the key throws, such as a missing SSM parameter.
 */
export async function openTenantAccess(
  config: AccessCheckConfig,
  deps: ClientDeps,
  call: PlexCallOptions,
): Promise<TenantAccess> {
  const apiKey = await config.apiKey.get();
  const client = createCheckClient(config, apiKey, deps);
  const result = await listTenants(client, call);
  if (result.error?.kind !== 'not-authenticated') return { apiKey, client, result };

  const refreshed = await config.apiKey.refresh();
  const fields = { key_origin: config.apiKey.origin, key_fingerprint: fingerprint(refreshed) };
  if (refreshed === apiKey) {
    deps.logger?.warn('API key rejected, and re-reading it returned the same key', fields);
    return { apiKey, client, result };
  }

  deps.logger?.info('API key rejected, retrying the tenant list with the key read again', fields);
  const refreshedClient = createCheckClient(config, refreshed, deps);
  return { apiKey: refreshed, client: refreshedClient, result: await listTenants(refreshedClient, call) };
}
