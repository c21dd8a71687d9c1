import type { PlexTier } from '../../client/index.js';
import type { KeyExpiry } from './expiry.js';
import type { ApiProduct } from './probes.js';

/**
 * Outcome of one probe.
 *
 * - `ok`: the list came back, so the key reaches this product in this tenant.
 * - `key-rejected`: the key itself was rejected (invalid or expired).
 * - `tenant-not-reachable`: 401 in a tenant the key cannot reach.
 * - `product-not-subscribed`: 401 in a tenant the key reaches, so the app lacks this API product.
 * - `not-found`: 404 from the probe's route.
 * - `rate-limited`: 429 after the retries, or no slot in this container's rate limit share in time.
 * - `upstream-error`: 5xx, a body that is not the documented JSON, a network failure, or an
 *   unexpected 400 or 403 (the probe's request is fixed, so these point at the server).
 * - `timeout`: the request timed out, or it was not sent because the Lambda time ran out.
 */
export const PROBE_STATUSES = [
  'ok',
  'key-rejected',
  'tenant-not-reachable',
  'product-not-subscribed',
  'not-found',
  'rate-limited',
  'upstream-error',
  'timeout',
] as const;

export type ProbeStatus = (typeof PROBE_STATUSES)[number];

/** A tenant as `GET /mdm/v1/tenants` lists it. */
export interface TenantSummary {
  id: string;
  code: string;
  name: string | null;
}

/**
 * Method by which the report found the key's default tenant. Plex's tenant list has no default marker.
 *
 * - `only-tenant`: the key reaches one tenant, so it is the default.
 * - `record-match`: a building listed without tenant headers was found again in this tenant.
 * - `first-listed`: no match was possible, so the first listed tenant is assumed.
 */
export type DefaultTenantMethod = 'only-tenant' | 'record-match' | 'first-listed';

export interface DefaultTenant extends TenantSummary {
  determinedBy: DefaultTenantMethod;
}

/** The tenant of a row: the default tenant (its UUID when known), a tenant UUID or a PCN. */
export interface RowTarget {
  kind: 'default' | 'tenantId' | 'customerId';
  value: string | number | null;
  code?: string;
  name?: string | null;
}

export interface AccessCheckRow {
  target: RowTarget;
  product: ApiProduct;
  status: ProbeStatus;
  /** Status of the final response, 200 for `ok`, or null when no response arrived. */
  httpStatus: number | null;
  /** `code` of the Plex error body, such as `REQUEST_NOT_AUTHENTICATED`. */
  plexCode: string | null;
  /** Time the probe took, retries and rate limit waits included, or null when it was not sent. */
  latencyMs: number | null;
  message: string;
}

export interface AccessCheckSummary {
  probes: number;
  ok: number;
  failed: number;
  byStatus: Record<ProbeStatus, number>;
}

/** Result of one access check. It contains the key's fingerprint and origin, never the key. */
export interface AccessCheckReport {
  /** Start of the run, ISO 8601 UTC. */
  timestamp: string;
  /** The tier, or null when a base URL picked the server. */
  tier: PlexTier | null;
  /** Host (and port, if any) the requests went to. */
  host: string;
  keyFingerprint: string;
  /** `env:<variable>` or `ssm:<parameter name>`. */
  keyOrigin: string;
  schedule: string | null;
  defaultTenant: DefaultTenant | null;
  /** Tenants the key can reach, or null when the tenant list could not be read. */
  reachableTenants: TenantSummary[] | null;
  keyExpiry: KeyExpiry | null;
  rows: AccessCheckRow[];
  summary: AccessCheckSummary;
}

/** Counts the rows by status. */
export function summarize(rows: readonly AccessCheckRow[]): AccessCheckSummary {
  const byStatus = Object.fromEntries(PROBE_STATUSES.map((status) => [status, 0])) as Record<ProbeStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;

  return { probes: rows.length, ok: byStatus.ok, failed: rows.length - byStatus.ok, byStatus };
}

/** Returns a short, stable label of a row's target: `default`, `tenant:<uuid>` or `pcn:<number>`. */
export function targetLabel(target: RowTarget): string {
  if (target.kind === 'default') return 'default';

  return target.kind === 'tenantId' ? `tenant:${String(target.value)}` : `pcn:${String(target.value)}`;
}
