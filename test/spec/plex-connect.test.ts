import { describe, expect, it } from 'vitest';
import {
  type Json,
  type JsonObject,
  isObject,
  loadBundle,
  operations,
  parametersOf,
  resolve,
} from '../support/bundle.js';

const bundle = loadBundle('plex-connect');
const ops = operations(bundle);
const schemas = (bundle.components as JsonObject).schemas as JsonObject;

const SHARED_RESPONSES: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'NotFound',
  '429': 'TooManyRequests',
  '500': 'InternalServerError',
};

const TENANT_HEADERS = ['X-Plex-Connect-Tenant-Id', 'X-Plex-Connect-Customer-Id', 'X-Plex-Connect-Api-Secret'];

// Field and parameter names that hold a date or a date-time: `birthDate`,
// `createdDate`, `dueDateBegin`, `addDateTime`, `beginEarliestStartDateTime`.
const DATE_NAME = /(^date|[a-z]Date)/;

const DATE_TIME_REF = '#/components/schemas/PlexDateTime';

const operationName = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`;

/** Reports whether a schema is the date-time schema, or that schema or null. */
function isDateTimeSchema(schema: Json | undefined): boolean {
  if (!isObject(schema)) return false;
  if (schema.$ref === DATE_TIME_REF) return true;

  const variants = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(variants)) return false;

  const nonNull = variants.filter((variant) => !(isObject(variant) && variant.type === 'null'));
  return nonNull.length === 1 && isObject(nonNull[0]) && nonNull[0].$ref === DATE_TIME_REF;
}

/** Collects `[location, name, schema]` for every property of every component schema, nested ones included. */
function properties(): [string, string, Json][] {
  const found: [string, string, Json][] = [];
  const visit = (location: string, schema: Json | undefined) => {
    if (!isObject(schema)) return;
    if (isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        found.push([location, name, property]);
        if (!isDateTimeSchema(property)) visit(`${location}.${name}`, property);
      }
    }
    if (isObject(schema.items)) visit(`${location}[]`, schema.items);
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const variants = schema[key];
      if (Array.isArray(variants)) variants.forEach((variant) => visit(location, variant));
    }
  };

  for (const [name, schema] of Object.entries(schemas)) visit(name, schema);
  return found;
}

describe('Description: plex-connect', () => {
  it('declares the tiered server URL', () => {
    const [server, ...others] = bundle.servers as JsonObject[];
    const tier = ((server?.variables as JsonObject).tier ?? {}) as JsonObject;

    expect(others).toHaveLength(0);
    expect(server?.url).toBe('https://{tier}connect.plex.com');
    expect(tier.enum).toEqual(['', 'test.']);
    expect(tier.default).toBe('');
  });

  it('declares the API key scheme in its header', () => {
    const scheme = ((bundle.components as JsonObject).securitySchemes as JsonObject).PlexApiKey;

    expect(scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Plex-Connect-Api-Key' });
    expect(bundle.security).toEqual([{ PlexApiKey: [] }]);
  });

  it('models every path of the Plex Connect subset', () => {
    expect(ops.map(operationName).sort()).toMatchInlineSnapshot(`
      [
        "GET /inventory/v1/inventory-definitions/locations",
        "GET /inventory/v1/inventory-definitions/supply-items",
        "GET /inventory/v1/inventory-definitions/supply-items/{id}",
        "GET /inventory/v1/inventory-tracking/containers",
        "GET /inventory/v1/inventory-tracking/containers/{serialNo}",
        "GET /mdm/v1/buildings",
        "GET /mdm/v1/buildings/{id}",
        "GET /mdm/v1/contacts",
        "GET /mdm/v1/contacts/{id}",
        "GET /mdm/v1/customers",
        "GET /mdm/v1/customers/{id}",
        "GET /mdm/v1/employees",
        "GET /mdm/v1/employees/{id}",
        "GET /mdm/v1/operations",
        "GET /mdm/v1/operations/{id}",
        "GET /mdm/v1/parts",
        "GET /mdm/v1/parts/{id}",
        "GET /mdm/v1/suppliers",
        "GET /mdm/v1/suppliers/{id}",
        "GET /mdm/v1/tenants",
        "GET /mdm/v1/tenants/{id}",
        "GET /production/v1/production-definitions/workcenters",
        "GET /production/v1/production-definitions/workcenters/{id}",
        "GET /purchasing/v1/purchase-orders",
        "GET /purchasing/v1/purchase-orders/{id}",
        "GET /scheduling/v1/jobs",
        "GET /scheduling/v1/jobs/{id}",
      ]
    `);
  });

  describe.each(ops.map((op) => [operationName(op), op] as const))('Operation: %s', (_name, op) => {
    it('requires the API key', () => {
      expect(op.operation.security ?? bundle.security).toEqual([{ PlexApiKey: [] }]);
    });

    it.each(TENANT_HEADERS)('accepts the %s header', (header) => {
      const parameter = parametersOf(bundle, op).find((p) => p.in === 'header' && p.name === header);

      expect(parameter).toBeDefined();
      expect(parameter?.required).toBe(false);
    });

    it.each(Object.entries(SHARED_RESPONSES))('answers %s with the shared %s response', (status, name) => {
      const responses = op.operation.responses as JsonObject;

      expect(responses[status]).toEqual({ $ref: `#/components/responses/${name}` });
    });

    it('sends list query parameters as repeated keys', () => {
      const lists = parametersOf(bundle, op).filter(
        (p) => p.in === 'query' && isObject(resolve(bundle, p.schema)) && (resolve(bundle, p.schema) as JsonObject).type === 'array',
      );

      for (const list of lists) {
        expect(list, `${list.name}`).toMatchObject({ style: 'form', explode: true });
      }
    });

    it('types every date parameter as PlexDateTime', () => {
      const dates = parametersOf(bundle, op).filter((p) => DATE_NAME.test(String(p.name)));

      for (const date of dates) {
        expect(isDateTimeSchema(date.schema), `${date.name}`).toBe(true);
      }
    });

    it('has a tag, a sentence-case summary and an operationId', () => {
      expect(op.operation.tags).toHaveLength(1);
      expect(op.operation.summary).toMatch(/^[A-Z][a-z]+( [a-z0-9-]+)*$/);
      expect(op.operation.operationId).toMatch(/^(list|get)[A-Z][A-Za-z]+$/);
    });
  });

  it('types every date field as PlexDateTime', () => {
    const dates = properties().filter(([, name]) => DATE_NAME.test(name));

    expect(dates.length).toBeGreaterThan(10);
    for (const [location, name, schema] of dates) {
      expect(isDateTimeSchema(schema), `${location}.${name}`).toBe(true);
    }
  });

  it('uses no other date format', () => {
    const text = JSON.stringify(bundle);

    expect(text).not.toMatch(/"format":"date(-time)?"/);
  });

  it('shows the exact 401 body', () => {
    const unauthorized = ((bundle.components as JsonObject).responses as JsonObject).Unauthorized as JsonObject;
    const media = (unauthorized.content as JsonObject)['application/json'] as JsonObject;

    expect(JSON.stringify(media.example)).toBe(
      '{"code":"REQUEST_NOT_AUTHENTICATED","message":"The request could not be authenticated."}',
    );
  });

  it('sends Retry-After with 429', () => {
    const tooMany = ((bundle.components as JsonObject).responses as JsonObject).TooManyRequests as JsonObject;

    expect(Object.keys(tooMany.headers as JsonObject)).toEqual(['Retry-After']);
  });

  it('documents the error codes seen in practice', () => {
    const code = resolve(bundle, schemas.ErrorCode) as JsonObject;
    const [known, any] = code.anyOf as JsonObject[];

    expect(known?.enum).toEqual([
      'REQUEST_NOT_AUTHENTICATED',
      'REQUEST_MALFORMED',
      'REQUEST_VALIDATION_FAILED',
      'ARGUMENT_INVALID',
      'RESOURCE_NOT_FOUND',
      'REQUEST_PROCESSING_ERROR',
    ]);
    expect(any).toEqual({ type: 'string' });
  });

  it('keys workcenters by workcenterId', () => {
    const workcenter = schemas.Workcenter as JsonObject;

    expect(Object.keys(workcenter.properties as JsonObject)).toContain('workcenterId');
    expect(workcenter.required).toContain('workcenterId');
  });

  it('gives each API product a described tag', () => {
    const tags = bundle.tags as JsonObject[];

    expect(tags.map((tag) => tag.name)).toEqual(['mdm', 'production', 'inventory', 'purchasing', 'scheduling']);
    for (const tag of tags) expect(String(tag.description).length, `${tag.name}`).toBeGreaterThan(10);
  });
});
