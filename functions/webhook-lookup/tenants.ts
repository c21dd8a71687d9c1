import { FunctionConfigError } from '../shared/config-error.js';
import { type Env, list } from '../shared/env.js';
import { type ProblemResponse, problem } from './problems.js';
import type { LookupRequest } from './request-validation.js';

/** The tenants that a request may choose with `tenantId` or `customerId`. */
export interface TenantAllowList {
  /** Tenant UUIDs in lower case. */
  readonly tenantIds: ReadonlySet<string>;
  /** PCNs. */
  readonly customerIds: ReadonlySet<number>;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The largest PCN the description allows, the maximum of a 32-bit signed integer. */
const MAX_CUSTOMER_ID = 2_147_483_647;

/**
 * Reads a comma-separated list of tenant UUIDs and PCNs. An empty or unset
 * variable allows no tenant field, so every lookup runs in the key's default
 * tenant.
 *
 * @throws FunctionConfigError naming the variable and the entry that is neither.
 */
export function readTenantAllowList(env: Env, variable: string): TenantAllowList {
  const tenantIds = new Set<string>();
  const customerIds = new Set<number>();
  for (const entry of list(env, variable)) {
    if (UUID.test(entry)) {
      tenantIds.add(entry.toLowerCase());
      continue;
    }

    const pcn = Number(entry);
    if (!/^\d+$/.test(entry) || pcn < 1 || pcn > MAX_CUSTOMER_ID) {
      throw new FunctionConfigError(
        variable,
        `"${entry}" is neither a tenant UUID (8-4-4-4-12 hexadecimal) nor a PCN (a whole number from 1 to ${MAX_CUSTOMER_ID}).`,
      );
    }

    customerIds.add(pcn);
  }

  return { tenantIds, customerIds };
}

/** Returns the tenant a request chose, for log fields: the UUID, `pcn:<number>`, or `default`. */
export function tenantLabel(request: Pick<LookupRequest, 'tenantId' | 'customerId'>): string {
  if (request.tenantId !== undefined) return request.tenantId.toLowerCase();

  return request.customerId !== undefined ? `pcn:${request.customerId}` : 'default';
}

/**
 * Checks the chosen tenant against the allow-list: check 9 of the
 * description. A request without a tenant field always passes.
 */
export function checkTenantAllowed(request: LookupRequest, allowed: TenantAllowList): ProblemResponse | undefined {
  if (request.tenantId !== undefined && !allowed.tenantIds.has(request.tenantId.toLowerCase())) {
    return problem('TENANT_NOT_ALLOWED', `This deployment does not serve the tenant with tenantId ${request.tenantId}.`);
  }

  if (request.customerId !== undefined && !allowed.customerIds.has(request.customerId)) {
    return problem('TENANT_NOT_ALLOWED', `This deployment does not serve the tenant with customerId ${request.customerId}.`);
  }

  return undefined;
}
