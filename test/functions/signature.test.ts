import { describe, expect, it } from 'vitest';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signLookup,
  signatureHeaders,
  verifyLookupSignature,
} from '../../functions/webhook-lookup/signature.js';

// The worked example of the lookup-webhook description.
const EXAMPLE_BODY = Buffer.from('{"lookup":"employee-by-badge","params":{"badgeNumber":"004711"}}');
const EXAMPLE_TIMESTAMP = 1733325600;
const EXAMPLE_SIGNATURE = 'v1=c820c7c3119fa264a812b1ff21496929df9b4240085991983d54ba298890f2dd';
const SECOND_SIGNATURE = 'v1=ccfb51521654dddd495d1ebc35a4dbd083d6fb3a8d07f68e3d61ff687f35772b';
const NOW_MS = EXAMPLE_TIMESTAMP * 1000;

const verify = (overrides: Partial<Parameters<typeof verifyLookupSignature>[0]>) =>
  verifyLookupSignature({
    body: EXAMPLE_BODY,
    timestamp: String(EXAMPLE_TIMESTAMP),
    signature: EXAMPLE_SIGNATURE,
    secrets: ['whsec-example-1'],
    nowMs: NOW_MS,
    ...overrides,
  });

describe('Function: signLookup', () => {
  it('reproduces the documented example', () => {
    expect(signLookup(EXAMPLE_BODY, 'whsec-example-1', EXAMPLE_TIMESTAMP)).toBe(EXAMPLE_SIGNATURE);
  });

  it('signs a string body as UTF-8', () => {
    expect(signLookup(EXAMPLE_BODY.toString('utf8'), 'whsec-example-1', EXAMPLE_TIMESTAMP)).toBe(EXAMPLE_SIGNATURE);
  });

  it('rejects a timestamp in milliseconds as a fraction', () => {
    expect(() => signLookup(EXAMPLE_BODY, 'whsec-example-1', 1733325600.5)).toThrow(RangeError);
  });
});

describe('Function: signatureHeaders', () => {
  it('sends one entry per secret', () => {
    const headers = signatureHeaders(EXAMPLE_BODY, ['whsec-example-1', 'whsec-example-2'], NOW_MS + 999);

    expect(headers[TIMESTAMP_HEADER]).toBe('1733325600');
    expect(headers[SIGNATURE_HEADER]).toBe(`${EXAMPLE_SIGNATURE},${SECOND_SIGNATURE}`);
  });

  it('needs a secret', () => {
    expect(() => signatureHeaders(EXAMPLE_BODY, [])).toThrow(/at least one secret/);
  });
});

describe('Function: verifyLookupSignature', () => {
  it('accepts the documented example', () => {
    expect(verify({})).toEqual({ ok: true });
  });

  it.each([
    ['a missing timestamp', { timestamp: undefined }],
    ['an empty timestamp', { timestamp: '' }],
    ['a missing signature', { signature: undefined }],
    ['an empty signature', { signature: '' }],
  ])('reports SIGNATURE_MISSING for %s', (_case, overrides) => {
    expect(verify(overrides)).toMatchObject({ ok: false, code: 'SIGNATURE_MISSING' });
  });

  it.each([
    ['301 s old', { nowMs: NOW_MS + 301_000 }],
    ['301 s in the future', { nowMs: NOW_MS - 301_000 }],
    ['in milliseconds', { timestamp: String(NOW_MS) }],
    ['not a number', { timestamp: 'yesterday' }],
    ['negative', { timestamp: '-1733325600' }],
    ['with a fraction', { timestamp: '1733325600.0' }],
  ])('reports TIMESTAMP_OUT_OF_RANGE for a timestamp %s', (_case, overrides) => {
    expect(verify(overrides)).toMatchObject({ ok: false, code: 'TIMESTAMP_OUT_OF_RANGE' });
  });

  it.each([
    ['300 s old', NOW_MS + 300_000],
    ['300 s in the future', NOW_MS - 300_000],
  ])('accepts a timestamp %s', (_case, nowMs) => {
    expect(verify({ nowMs })).toEqual({ ok: true });
  });

  it.each([
    ['another secret', { secrets: ['whsec-example-3'] }],
    ['a changed body', { body: Buffer.from(EXAMPLE_BODY.toString().replace('004711', '004712')) }],
    ['a changed timestamp', { timestamp: String(EXAMPLE_TIMESTAMP + 1) }],
    ['uppercase hex', { signature: EXAMPLE_SIGNATURE.toUpperCase().replace('V1=', 'v1=') }],
    ['a v2 entry only', { signature: EXAMPLE_SIGNATURE.replace('v1=', 'v2=') }],
    ['a truncated digest', { signature: EXAMPLE_SIGNATURE.slice(0, -2) }],
    ['no active secrets', { secrets: [] }],
  ])('reports SIGNATURE_INVALID for %s', (_case, overrides) => {
    expect(verify(overrides)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('accepts any active secret during a rotation', () => {
    expect(verify({ signature: SECOND_SIGNATURE, secrets: ['whsec-example-1', 'whsec-example-2'] })).toEqual({ ok: true });
  });

  it('accepts a matching entry among others', () => {
    const signature = ` v2=abc , ${SECOND_SIGNATURE.replace('c', 'd')},${EXAMPLE_SIGNATURE} `;

    expect(verify({ signature })).toEqual({ ok: true });
  });

  it('puts no secret in its failure detail', () => {
    const result = verify({ secrets: ['whsec-never-logged'] });

    expect(JSON.stringify(result)).not.toContain('whsec-never-logged');
  });
});
