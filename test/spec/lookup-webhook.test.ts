import { describe, expect, it } from 'vitest';
import { type JsonObject, createValidator, isObject, loadBundle, operations, parametersOf, resolve } from '../support/bundle.js';

const bundle = loadBundle('lookup-webhook');
const [runLookup, ...others] = operations(bundle);
const responses = (runLookup?.operation.responses ?? {}) as JsonObject;
const ajv = createValidator(bundle);
const validateRequest = ajv.compile({ $ref: 'bundle#/components/schemas/LookupRequest' });

const LOOKUPS = [
  'employee-by-badge',
  'employee-by-last-name',
  'part-by-number',
  'supplier-by-code',
  'customer-by-code',
  'workcenter-by-code',
  'supply-item-by-number',
  'container-by-serial-no',
];

describe('Description: lookup-webhook', () => {
  it('has the one operation POST /lookups', () => {
    expect(others).toHaveLength(0);
    expect(runLookup?.method).toBe('post');
    expect(runLookup?.path).toBe('/lookups');
  });

  it('requires the signature scheme and the timestamp header', () => {
    const scheme = ((bundle.components as JsonObject).securitySchemes as JsonObject).LookupSignature;
    const timestamp = parametersOf(bundle, runLookup!).find((p) => p.name === 'X-Lookup-Timestamp');

    expect(bundle.security).toEqual([{ LookupSignature: [] }]);
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Lookup-Signature' });
    expect(timestamp).toMatchObject({ in: 'header', required: true });
  });

  it('answers every documented status', () => {
    expect(Object.keys(responses).sort()).toEqual(
      ['200', '400', '401', '403', '404', '413', '415', '429', '500', '502', '503', '504'].sort(),
    );
  });

  it.each(['400', '401', '403', '404', '413', '415', '429', '500', '502', '503', '504'])(
    'answers %s with problem+json',
    (status) => {
      const response = resolve(bundle, responses[status]) as JsonObject;
      const content = response.content as JsonObject;

      expect(Object.keys(content)).toEqual(['application/problem+json']);
      expect((content['application/problem+json'] as JsonObject).schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    },
  );

  it.each(['429', '503'])('sends Retry-After with %s', (status) => {
    const response = resolve(bundle, responses[status]) as JsonObject;

    expect(Object.keys(response.headers as JsonObject)).toContain('Retry-After');
  });

  it.each(LOOKUPS)('accepts a %s request', (lookup) => {
    const requests = ((resolve(bundle, (bundle.components as JsonObject).schemas) as JsonObject));
    const variant = Object.values(requests).find(
      (schema) => isObject(schema) && isObject(schema.properties) && isObject(schema.properties.lookup) && schema.properties.lookup.const === lookup,
    );

    expect(variant, `no request schema with lookup const ${lookup}`).toBeDefined();
  });

  it('rejects an unknown lookup', () => {
    expect(validateRequest({ lookup: 'employee-by-shoe-size', params: { size: '9' } })).toBe(false);
  });

  it('rejects both tenant fields at once', () => {
    const body = {
      lookup: 'employee-by-badge',
      params: { badgeNumber: '004711' },
      tenantId: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34',
      customerId: 79870,
    };

    const { customerId: _customerId, ...tenantOnly } = body;

    expect(validateRequest(tenantOnly)).toBe(true);
    expect(validateRequest(body)).toBe(false);
  });

  it('rejects control characters in a parameter', () => {
    expect(validateRequest({ lookup: 'employee-by-badge', params: { badgeNumber: '0047\u000011' } })).toBe(false);
  });

  it('rejects parameters of another lookup', () => {
    expect(validateRequest({ lookup: 'employee-by-badge', params: { partNumber: 'A-100' } })).toBe(false);
  });
});
