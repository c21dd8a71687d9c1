/**
 * Record counts per resource. `production` reproduces the sizes reported for a real tenant
 * (16,921 parts, 114,684 jobs, about 44 MB of purchase orders and so on). `small` keeps
 * tests fast while still giving every filter something to match.
 */
import type { TenantProfile } from './tenants.js';

/** The resources the emulator serves, named by the last segment of their list path. */
export const RESOURCE_NAMES = [
  'buildings',
  'employees',
  'parts',
  'suppliers',
  'customers',
  'contacts',
  'operations',
  'workcenters',
  'supply-items',
  'locations',
  'containers',
  'purchase-orders',
  'jobs',
] as const;

export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** Identifier scopes of things that records point to but the emulator does not serve. */
export const AUXILIARY_NAMES = [
  'users',
  'lots',
  'master-units',
  'heats',
  'part-operations',
  'production-lines',
  'supplier-addresses',
] as const;

export type AuxiliaryName = (typeof AUXILIARY_NAMES)[number];

export type Scale = 'small' | 'production';

export const SCALES: readonly Scale[] = ['small', 'production'];

type Counts = Record<ResourceName | 'users', number>;

const PRODUCTION: Counts = {
  buildings: 6,
  employees: 641,
  parts: 16_921,
  suppliers: 1_575,
  customers: 412,
  contacts: 2_240,
  operations: 186,
  workcenters: 143,
  'supply-items': 2_516,
  locations: 1_270,
  containers: 10_676,
  'purchase-orders': 36_000,
  jobs: 114_684,
  users: 48,
};

const SMALL: Counts = {
  buildings: 4,
  employees: 60,
  parts: 200,
  suppliers: 40,
  customers: 25,
  contacts: 80,
  operations: 20,
  workcenters: 15,
  'supply-items': 60,
  locations: 50,
  containers: 150,
  'purchase-orders': 120,
  jobs: 300,
  users: 12,
};

/** Share of the small counts held by the second and third tenant. */
const SMALL_FACTORS = [1, 0.5, 0.3];

/** Returns the number of records of `name` in `tenant` at `scale`. */
export function recordCount(scale: Scale, tenant: TenantProfile, name: ResourceName | 'users'): number {
  if (scale === 'production') {
    // Buildings are few in every tenant, so they do not shrink with the tenant.
    const factor = name === 'buildings' ? 1 : tenant.sizeFactor;
    return Math.max(2, Math.round(PRODUCTION[name] * factor));
  }

  const factor = SMALL_FACTORS[tenant.tenantNo] ?? 1;
  return Math.max(2, Math.round(SMALL[name] * factor));
}
