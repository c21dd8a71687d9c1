import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../emulator/data/ids.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const scope = fc.record({
  seedHash: fc.integer({ min: 0, max: 0xffff_ffff }),
  tenantNo: fc.integer({ min: 0, max: 2 }),
  resourceCode: fc.integer({ min: 1, max: 20 }),
});
const index = fc.integer({ min: 0, max: 0xffff_ffff });

describe('Function: encodeId', () => {
  it('builds version 4 UUIDs that decode to their index', () => {
    fc.assert(
      fc.property(scope, index, (idScope, position) => {
        const id = encodeId(idScope, position);
        expect(id).toMatch(UUID_V4);
        expect(decodeId(idScope, id)).toBe(position);
        expect(decodeId(idScope, id.toUpperCase())).toBe(position);
      }),
    );
  });

  it('gives neighbouring indexes unrelated prefixes', () => {
    const base = { seedHash: 1, tenantNo: 0, resourceCode: 3 };
    const prefixes = new Set(Array.from({ length: 64 }, (_, position) => encodeId(base, position).slice(0, 4)));
    expect(prefixes.size).toBeGreaterThan(60);
  });
});

describe('Function: decodeId', () => {
  it('rejects a UUID of another scope', () => {
    fc.assert(
      fc.property(scope, scope, index, (a, b, position) => {
        fc.pre(a.seedHash !== b.seedHash || a.tenantNo !== b.tenantNo || a.resourceCode !== b.resourceCode);
        expect(decodeId(b, encodeId(a, position))).toBeUndefined();
      }),
    );
  });

  it('rejects random UUIDs', () => {
    fc.assert(
      fc.property(scope, fc.uuid(), (idScope, id) => {
        expect(decodeId(idScope, id)).toBeUndefined();
      }),
    );
  });

  it.each(['', 'not-a-uuid', '3f2b8c1e6d4a4e0b9a7c2d5e8f1a0b3c'])('rejects %j', (id) => {
    expect(decodeId({ seedHash: 1, tenantNo: 0, resourceCode: 1 }, id)).toBeUndefined();
  });
});
