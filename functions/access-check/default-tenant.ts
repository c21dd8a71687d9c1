import {
  isPlexApiError,
  type PlexCallOptions,
  type PlexClient,
  type PlexInit,
  type PlexLogger,
} from '../../client/index.js';
import type { DefaultTenant, TenantSummary } from './report.js';

/** Tenants checked for the matching building before the first listed tenant is assumed. */
export const MAX_MATCH_CANDIDATES = 10;

/** Returns the UUID of the first building the request lists, or undefined for an empty list. */
async function firstBuildingId(
  client: PlexClient,
  init: PlexInit<'/mdm/v1/buildings', 'get'>,
): Promise<string | undefined> {
  for await (const building of client.stream('/mdm/v1/buildings', init)) {
    return building.id;
  }

  return undefined;
}

async function hasBuilding(
  client: PlexClient,
  tenantId: string,
  buildingId: string,
  call: PlexCallOptions,
): Promise<boolean> {
  const found = await firstBuildingId(client, { ...call, tenantId, params: { query: { id: [buildingId] } } });
  return found !== undefined;
}

/**
 * Finds the key's default tenant among the tenants it reaches.
 *
 * `GET /mdm/v1/tenants` has no default marker, in Plex's description and in the emulator
 * alike. So the first building of the default tenant (listed without tenant headers) is
 * looked up by UUID in each listed tenant in turn, and the tenant that has it is the
 * default. Record UUIDs do not repeat across tenants. This costs one request plus one per
 * tenant tried, at most `MAX_MATCH_CANDIDATES`. With one tenant no request is needed. When
 * no building matches, or a request fails, the first listed tenant is assumed, and
 * `determinedBy` records that.
 */
export async function findDefaultTenant(
  client: PlexClient,
  tenants: readonly TenantSummary[],
  call: PlexCallOptions,
  logger: PlexLogger,
): Promise<DefaultTenant | null> {
  const [first] = tenants;
  if (first === undefined) return null;
  if (tenants.length === 1) return { ...first, determinedBy: 'only-tenant' };

  try {
    const buildingId = await firstBuildingId(client, call);
    if (buildingId !== undefined) {
      for (const tenant of tenants.slice(0, MAX_MATCH_CANDIDATES)) {
        if (await hasBuilding(client, tenant.id, buildingId, call)) return { ...tenant, determinedBy: 'record-match' };
      }
    }
  } catch (error) {
    if (!isPlexApiError(error)) throw error;
    logger.warn('Default tenant not matched, assuming the first listed tenant', { error: error.toJSON() });
  }

  return { ...first, determinedBy: 'first-listed' };
}
