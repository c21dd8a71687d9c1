import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signLookup, verifyLookupSignature } from '../../functions/webhook-lookup/signature.js';

// The description promises that digests are compared in constant time. Timing is not
// measured here: the difference between comparing one byte and 32 is nanoseconds, far below
// the scheduling noise of a shared CI machine, so such a test would either be flaky or
// prove nothing. These tests check instead that every comparison goes through
// crypto.timingSafeEqual on two 32-byte digests, and that entries of another length or
// letter case, which timingSafeEqual could not compare, never match.

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const SECRET = 'whsec-constant-time-test';
const BODY = Buffer.from('{"lookup":"employee-by-badge","params":{"badgeNumber":"004711"}}');
const TIMESTAMP = 1_733_325_600;
const NOW_MS = TIMESTAMP * 1000;
const VALID = signLookup(BODY, SECRET, TIMESTAMP);
const DIGEST = VALID.slice(3);

const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

function verify(signature: string, secrets: readonly string[] = [SECRET]) {
  return verifyLookupSignature({ body: BODY, timestamp: String(TIMESTAMP), signature, secrets, nowMs: NOW_MS });
}

describe('Function: verifyLookupSignature comparison', () => {
  afterEach(() => {
    timingSafeEqual.mockClear();
  });

  it('compares with timingSafeEqual', () => {
    expect(verify(VALID)).toEqual({ ok: true });

    expect(timingSafeEqual).toHaveBeenCalled();
    for (const [received, expected] of timingSafeEqual.mock.calls) {
      expect((received as Buffer).byteLength).toBe(32);
      expect((expected as Buffer).byteLength).toBe(32);
    }
  });

  it('compares every entry with every secret', () => {
    const wrong = `v1=${'0'.repeat(64)}`;

    expect(verify(`${wrong},${wrong}`, [SECRET, `${SECRET}-next`]).ok).toBe(false);

    expect(timingSafeEqual).toHaveBeenCalledTimes(4);
  });

  it.each([
    ['63 digits', `v1=${DIGEST.slice(0, 63)}`],
    ['65 digits', `v1=${DIGEST}0`],
    ['62 digits', `v1=${DIGEST.slice(0, 62)}`],
    ['66 digits', `v1=${DIGEST}00`],
    ['upper case', `v1=${DIGEST.toUpperCase()}`],
    ['mixed case', `v1=${DIGEST.slice(0, 32)}${DIGEST.slice(32).toUpperCase()}`],
    ['upper-case prefix', `V1=${DIGEST}`],
    ['text after the digest', `v1=${DIGEST}x`],
    ['base64 digest', `v1=${Buffer.from(DIGEST, 'hex').toString('base64')}`],
  ])('never matches an entry with %s', (_case, signature) => {
    const check = verify(signature);

    expect(check).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(timingSafeEqual).not.toHaveBeenCalled();
  });

  it('rejects a digest that differs in its last digit', () => {
    const last = DIGEST.at(-1) === '0' ? '1' : '0';

    expect(verify(`v1=${DIGEST.slice(0, 63)}${last}`).ok).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });
});
