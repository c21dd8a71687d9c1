import { randomBytes } from 'node:crypto';
import { API_PRODUCTS, type ApiKeyConfig, TENANTS } from '../../../emulator/index.js';

/**
 * A secret made for one test file: a readable prefix, 24 random hex digits and `+/=`, so
 * that its percent-encoded and form-encoded forms differ from the plain one. The random
 * part alone identifies it in any of those forms.
 */
export interface TestSecret {
  readonly value: string;
  /** The random hex digits, present in every encoding of `value` that the leak check searches. */
  readonly core: string;
}

/** Creates a fresh secret such as `reliability-key-<24 hex digits>+/=`. */
export function createSecret(prefix: string): TestSecret {
  const core = randomBytes(12).toString('hex');
  return { value: `${prefix}-${core}+/=`, core };
}

/** Returns an emulator key that reaches all three tenants and all five API products, with no expiry. */
export function fullAccessKey(key: string): ApiKeyConfig {
  return {
    key,
    defaultTenant: TENANTS[0]!.id,
    tenants: TENANTS.map((tenant) => tenant.id),
    products: API_PRODUCTS,
  };
}
