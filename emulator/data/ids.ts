/**
 * UUIDs that encode a record's index.
 *
 * A record's UUID is built from (seed, tenant, resource code, index). Its first 8 hex
 * digits are the index, masked with a hash of the first three and scrambled by an
 * invertible mix. A check hash of all four follows. Decoding therefore needs no lookup
 * table: unmask the index and recompute the check. A UUID of another tenant, resource or
 * seed fails the check and decodes to nothing. The result has the version 4 layout, so it passes any UUID validator.
 */
import { hash32 } from './random.js';

const CHECK_SALT = 1;
const FILLER_SALT = 2;
const FILLER_SALT_2 = 3;
const MASK_SALT = 0x5eed;
const VARIANT_DIGITS = '89ab';

/** The parts of the key that every UUID of one resource in one tenant shares. */
export interface IdScope {
  seedHash: number;
  tenantNo: number;
  resourceCode: number;
}

/** An odd multiplier and its inverse modulo 2^32, so multiplying by one undoes the other. */
const SPREAD = 0x2c1b3c6d;
const UNSPREAD = inverseModulo32(SPREAD);

function inverseModulo32(odd: number): number {
  // Newton's iteration doubles the number of correct low bits each round: 3, 6, 12, 24, 48.
  let inverse = odd;
  for (let round = 0; round < 5; round += 1) {
    inverse = Math.imul(inverse, 2 - Math.imul(odd, inverse));
  }

  return inverse >>> 0;
}

/** Scrambles a masked index so that neighbouring records get unrelated leading digits. Inverted by `unspread`. */
function spread(value: number): number {
  const product = Math.imul(value, SPREAD) >>> 0;
  return (product ^ (product >>> 16)) >>> 0;
}

function unspread(value: number): number {
  // x ^ (x >>> 16) is its own inverse, because the shift covers at least half the bits.
  const product = (value ^ (value >>> 16)) >>> 0;
  return Math.imul(product, UNSPREAD) >>> 0;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function maskOf(scope: IdScope): number {
  return hash32(scope.seedHash, scope.tenantNo, scope.resourceCode, MASK_SALT);
}

function checkOf(scope: IdScope, index: number): number {
  return hash32(scope.seedHash, scope.tenantNo, scope.resourceCode, index, CHECK_SALT);
}

/** Builds the UUID of record `index` (an integer from 0 to 2^32 - 1) in `scope`. */
export function encodeId(scope: IdScope, index: number): string {
  const filler = hash32(scope.seedHash, scope.tenantNo, scope.resourceCode, index, FILLER_SALT);
  const filler2 = hash32(scope.seedHash, scope.tenantNo, scope.resourceCode, index, FILLER_SALT_2);
  // 30 free hex digits: masked index (8), check (8), filler (8 + 6).
  const masked = hex8(spread(index ^ maskOf(scope)));
  const digits = masked + hex8(checkOf(scope, index)) + hex8(filler) + hex8(filler2).slice(0, 6);
  const variant = VARIANT_DIGITS[filler2 & 3];

  return (
    `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(12, 15)}-` +
    `${variant}${digits.slice(15, 18)}-${digits.slice(18, 30)}`
  );
}

const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Returns the record index that `id` encodes in `scope`, or undefined when `id` was not
 * made by `encodeId` for this scope. Hex digits may be upper or lower case.
 */
export function decodeId(scope: IdScope, id: string): number | undefined {
  const text = id.toLowerCase();
  if (!UUID_FORM.test(text)) {
    return undefined;
  }

  const index = (unspread(Number.parseInt(text.slice(0, 8), 16)) ^ maskOf(scope)) >>> 0;
  const check = Number.parseInt(text.slice(9, 13) + text.slice(15, 18) + text.slice(20, 21), 16);
  if (check !== checkOf(scope, index)) {
    return undefined;
  }

  return encodeId(scope, index) === text ? index : undefined;
}
