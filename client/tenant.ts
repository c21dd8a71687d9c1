import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';
import { CUSTOMER_ID_HEADER, TENANT_ID_HEADER } from './headers.js';

/** Tenant a request runs in: by tenant UUID or by PCN (Plex customer number). */
export type PlexTenant = { readonly tenantId: string } | { readonly customerId: number };

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Largest PCN the description allows (the maximum of a 32-bit signed integer). */
const MAX_CUSTOMER_ID = 2_147_483_647;

/**
 * Checks a tenant UUID and returns it.
 *
 * @throws PlexConfigError unless `value` is a UUID in 8-4-4-4-12 form. `source` describes where
 *   the value came from, for example "in the call options".
 */
export function checkTenantId(value: unknown, source: string): string {
  if (typeof value === 'string' && UUID_PATTERN.test(value)) {
    return value;
  }
  const pcnHint =
    typeof value === 'string' && /^[0-9]+$/.test(value)
      ? ` It looks like a PCN: pass it as the number ${value} (customerId) to select the tenant by PCN.`
      : '';
  throw new PlexConfigError(
    'tenantId',
    `Invalid tenantId ${source}: ${describeValue(value)} is not a tenant UUID. ` +
      'Pass the UUID in 8-4-4-4-12 hexadecimal form, for example "8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34". ' +
      `GET /mdm/v1/tenants lists the tenants the key can reach.${pcnHint}`,
  );
}

/**
 * Checks a PCN and returns it.
 *
 * @throws PlexConfigError unless `value` is an integer from 1 to 2147483647. `source` describes
 *   where the value came from.
 */
export function checkCustomerId(value: unknown, source: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_CUSTOMER_ID) {
    return value;
  }
  throw new PlexConfigError(
    'customerId',
    `Invalid customerId ${source}: ${describeValue(value)} is not a PCN. ` +
      `Pass the Plex customer number as an integer from 1 to ${MAX_CUSTOMER_ID}, for example 79870, ` +
      'or select the tenant by UUID with tenantId.',
  );
}

/**
 * Builds a tenant from a `tenantId` and a `customerId`, of which at most one may be set.
 *
 * @throws PlexConfigError if both are set or the one set is invalid.
 */
export function tenantFromIds(tenantId: unknown, customerId: unknown, source: string): PlexTenant | undefined {
  if (tenantId !== undefined && customerId !== undefined) {
    throw new PlexConfigError(
      'tenantId',
      `Both tenantId and customerId are set ${source}. A request runs in one tenant, and Plex rejects ` +
        'a request with both tenant headers, so pass only one of them.',
    );
  }
  if (tenantId !== undefined) {
    return { tenantId: checkTenantId(tenantId, source) };
  }
  if (customerId !== undefined) {
    return { customerId: checkCustomerId(customerId, source) };
  }
  return undefined;
}

/**
 * Builds a tenant from the argument of `withTenant`: a string is a tenant UUID, a number a PCN.
 *
 * @throws PlexConfigError if the argument is neither a UUID nor a PCN.
 */
export function tenantFromArgument(idOrPcn: string | number): PlexTenant {
  if (typeof idOrPcn === 'number') {
    return { customerId: checkCustomerId(idOrPcn, 'passed to withTenant') };
  }
  return { tenantId: checkTenantId(idOrPcn, 'passed to withTenant') };
}

/** Returns the header that selects `tenant`, or no header for the key's default tenant. */
export function tenantHeaders(tenant: PlexTenant | undefined): Record<string, string> {
  if (tenant === undefined) {
    return {};
  }
  if ('tenantId' in tenant) {
    return { [TENANT_ID_HEADER]: tenant.tenantId };
  }
  return { [CUSTOMER_ID_HEADER]: String(tenant.customerId) };
}

/** Returns a short label of `tenant` for cache keys, log fields and messages. */
export function describeTenant(tenant: PlexTenant | undefined): string {
  if (tenant === undefined) {
    return 'default tenant';
  }
  return 'tenantId' in tenant ? `tenant ${tenant.tenantId.toLowerCase()}` : `PCN ${tenant.customerId}`;
}
