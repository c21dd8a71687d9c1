/** API keys: which tenants each key reaches, which API products it is subscribed to, and when it expires. */
import { fingerprint } from '../client/fingerprint.js';
import { TENANTS, type TenantProfile, findTenant } from './data/tenants.js';

/** The API products (collections) of Plex Connect: the first segment of every path. */
export const API_PRODUCTS = ['mdm', 'production', 'inventory', 'purchasing', 'scheduling'] as const;

export type ApiProduct = (typeof API_PRODUCTS)[number];

/** A key the emulator accepts. Tenants are given by UUID or by PCN. */
export interface ApiKeyConfig {
  key: string;
  /** The tenant a request runs in when it sends no tenant header. */
  defaultTenant: string | number;
  /** Further tenants the key may reach. The default tenant is always reachable. */
  tenants?: readonly (string | number)[];
  /** @default every product */
  products?: readonly ApiProduct[];
  /** When the key stops working. A `Date` or an ISO 8601 string; absent or null for no expiry. */
  expiresAt?: Date | string | null;
}

/** The demo keys of the default configuration. They are published, so they guard nothing. */
export const DEMO_KEYS = Object.freeze({
  /** Tenants #1 (default), #2 and #3, every product, no expiry. */
  primary: 'emulator-key-primary',
  /** Tenant #2 only, the `mdm` product only. */
  mdmOnly: 'emulator-key-mdm-only',
  /** Like `primary`, but expired. */
  expired: 'emulator-key-expired',
});

const ALL_TENANTS = TENANTS.map((tenant) => tenant.id);

export const DEMO_KEY_CONFIGS: readonly ApiKeyConfig[] = Object.freeze([
  { key: DEMO_KEYS.primary, defaultTenant: TENANTS[0]!.id, tenants: ALL_TENANTS, products: API_PRODUCTS },
  { key: DEMO_KEYS.mdmOnly, defaultTenant: TENANTS[1]!.id, tenants: [TENANTS[1]!.id], products: ['mdm'] },
  {
    key: DEMO_KEYS.expired,
    defaultTenant: TENANTS[0]!.id,
    tenants: ALL_TENANTS,
    products: API_PRODUCTS,
    expiresAt: '2025-01-31T00:00:00Z',
  },
]);

/** A key configuration checked and resolved to tenant profiles. */
export interface ResolvedKey {
  key: string;
  fingerprint: string;
  defaultTenant: TenantProfile;
  /** Every reachable tenant, in the order of `TENANTS`. */
  tenants: TenantProfile[];
  products: ReadonlySet<string>;
  expiresAtMs: number | undefined;
}

// Logs and statistics name a key by the same fingerprint as the client's logs.
export { fingerprint };

function tenantOf(reference: string | number, field: string, keyFingerprint: string): TenantProfile {
  const tenant = findTenant(reference);
  if (tenant === undefined) {
    const known = TENANTS.map((entry) => `${entry.id} (PCN ${entry.pcn})`).join(', ');
    throw new RangeError(
      `API key ${keyFingerprint}: ${field} ${String(reference)} is not a tenant of the emulator. Use one of ${known}.`,
    );
  }

  return tenant;
}

function expiryOf(expiresAt: ApiKeyConfig['expiresAt'], keyFingerprint: string): number | undefined {
  if (expiresAt === undefined || expiresAt === null) {
    return undefined;
  }

  const ms = expiresAt instanceof Date ? expiresAt.getTime() : Date.parse(expiresAt);
  if (Number.isNaN(ms)) {
    throw new RangeError(`API key ${keyFingerprint}: expiresAt ${String(expiresAt)} is not a valid date.`);
  }

  return ms;
}

function resolveKey(config: ApiKeyConfig): ResolvedKey {
  if (typeof config.key !== 'string' || config.key === '') {
    throw new RangeError('Every API key configuration needs a non-empty `key` string.');
  }

  const keyFingerprint = fingerprint(config.key);
  const defaultTenant = tenantOf(config.defaultTenant, 'defaultTenant', keyFingerprint);
  const others = (config.tenants ?? []).map((entry) => tenantOf(entry, 'tenants', keyFingerprint));
  const reachable = new Set([defaultTenant, ...others]);
  const products = config.products ?? API_PRODUCTS;
  for (const product of products) {
    if (!(API_PRODUCTS as readonly string[]).includes(product)) {
      const known = API_PRODUCTS.join(', ');
      throw new RangeError(`API key ${keyFingerprint}: product ${String(product)} is unknown. Use ${known}.`);
    }
  }

  return {
    key: config.key,
    fingerprint: keyFingerprint,
    defaultTenant,
    tenants: TENANTS.filter((tenant) => reachable.has(tenant)),
    products: new Set(products),
    expiresAtMs: expiryOf(config.expiresAt, keyFingerprint),
  };
}

/** Checks key configurations and indexes them by key. */
export function resolveKeys(configs: readonly ApiKeyConfig[]): Map<string, ResolvedKey> {
  const keys = new Map<string, ResolvedKey>();
  for (const config of configs) {
    const resolved = resolveKey(config);
    if (keys.has(resolved.key)) {
      throw new RangeError(`API key ${resolved.fingerprint} is configured twice.`);
    }

    keys.set(resolved.key, resolved);
  }

  return keys;
}
