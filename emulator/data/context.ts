/**
 * The inputs every record generator shares: the seed, the tenant and the record counts.
 */
import { decodeId, encodeId, type IdScope } from './ids.js';
import { hash32, hashString, Random } from './random.js';
import {
  AUXILIARY_NAMES,
  RESOURCE_NAMES,
  recordCount,
  type AuxiliaryName,
  type ResourceName,
  type Scale,
} from './scale.js';
import type { TenantProfile } from './tenants.js';

export type ScopeName = ResourceName | AuxiliaryName;

const SCOPE_CODES = new Map<ScopeName, number>(
  [...RESOURCE_NAMES, ...AUXILIARY_NAMES].map((name, position) => [name, position + 1]),
);

function scopeCode(name: ScopeName): number {
  const code = SCOPE_CODES.get(name);
  if (code === undefined) {
    throw new RangeError(`Unknown record scope ${name}`);
  }

  return code;
}

/** Converts a seed option to the 32-bit number that all hashes start from. */
export function seedHashOf(seed: string | number): number {
  return hashString(String(seed));
}

/** Everything a generator needs to build record `index` of a resource in one tenant. */
export class TenantContext {
  readonly tenant: TenantProfile;
  readonly scale: Scale;
  readonly seedHash: number;
  readonly #counts = new Map<ResourceName | 'users', number>();

  constructor(seedHash: number, scale: Scale, tenant: TenantProfile) {
    this.seedHash = seedHash;
    this.scale = scale;
    this.tenant = tenant;
  }

  /** Returns the number of records of a resource in this tenant. */
  count(name: ResourceName | 'users'): number {
    let count = this.#counts.get(name);
    if (count === undefined) {
      count = recordCount(this.scale, this.tenant, name);
      this.#counts.set(name, count);
    }

    return count;
  }

  /** Returns the generator for record `index` of `name`, the same one on every call. */
  random(name: ScopeName, index: number, stream = 0): Random {
    return new Random(hash32(this.seedHash, this.tenant.tenantNo, scopeCode(name), index, stream));
  }

  /** Returns the UUID of record `index` of `name`. */
  id(name: ScopeName, index: number): string {
    return encodeId(this.#scope(name), index);
  }

  /** Returns the index that a UUID of `name` encodes, or undefined for any other UUID. */
  indexOf(name: ScopeName, id: string): number | undefined {
    return decodeId(this.#scope(name), id);
  }

  /** Picks a random index of `name`, for a foreign key. */
  pickIndex(random: Random, name: ResourceName | 'users'): number {
    return random.int(0, this.count(name) - 1);
  }

  #scope(name: ScopeName): IdScope {
    return { seedHash: this.seedHash, tenantNo: this.tenant.tenantNo, resourceCode: scopeCode(name) };
  }
}
