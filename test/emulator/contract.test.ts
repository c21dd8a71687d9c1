/**
 * Drives every operation of the description through the emulator, with and without
 * filters, found and missing, and through every error status the emulator can send,
 * while response validation records any body that breaks the description.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { loadDescription, type OperationModel } from '../../emulator/description.js';
import { buildEndpoints, type Endpoint } from '../../emulator/endpoints.js';
import { formatMismatches, useEmulator } from './support/emulator.js';
import { plexFetch, plexJson, type Row } from './support/http.js';

const description = loadDescription();
const endpoints = [...buildEndpoints(description).values()];
const lists = endpoints.filter((endpoint) => endpoint.kind === 'list');
const gets = endpoints.filter((endpoint) => endpoint.kind === 'get');
const plex = useEmulator({ rateLimit: false });

const MISSING_UUID = '3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c';

/** Finds the list operation of the same resource as a get operation. */
function listOf(get: Endpoint): Endpoint {
  const list = lists.find((endpoint) => endpoint.resource === get.resource);
  if (list === undefined) throw new Error(`No list operation for ${get.operation.operationId}`);
  return list;
}

function pathOf(endpoint: Endpoint, key: string): string {
  return endpoint.operation.pathTemplate.replace(/\{[^}]+\}/, encodeURIComponent(key));
}

/** Picks a value for a filter parameter from the records, so the filter matches something. */
function filterValue(endpoint: Endpoint, name: string, records: Row[]): string[] | string | undefined {
  const rule = endpoint.rules.get(name);
  const parameter = endpoint.operation.parameters.find((entry) => entry.name === name);
  if (rule === undefined || parameter === undefined) return undefined;
  if (rule.kind === 'special') return 'Inventory';

  const isUsable = (entry: unknown) => entry !== null && entry !== undefined && !(Array.isArray(entry) && entry.length === 0);
  const value = records.map((record) => record[rule.field]).find(isUsable);
  if (value === undefined) return undefined;

  const scalar = String(Array.isArray(value) ? value[0] : value);
  return parameter.isArray ? [scalar] : scalar;
}

describe.each(lists.map((endpoint) => [endpoint.operation.operationId, endpoint] as const))('%s', (_id, endpoint) => {
  const path = endpoint.operation.pathTemplate;

  it('lists without filters', async () => {
    const { status, body } = await plexJson<Row[]>(plex.url, path);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
  });

  it('lists with each filter', async () => {
    const { body: records } = await plexJson<Row[]>(plex.url, path);
    for (const name of endpoint.rules.keys()) {
      const value = filterValue(endpoint, name, records);
      expect(value, `a value for ${name}`).toBeDefined();
      const { status, body } = await plexJson<Row[]>(plex.url, path, { query: { [name]: value! } });
      expect(status, name).toBe(200);
      expect(body.length, name).toBeGreaterThan(0);
    }
  });
});

describe.each(gets.map((endpoint) => [endpoint.operation.operationId, endpoint] as const))('%s', (_id, endpoint) => {
  it('gets a record that exists', async () => {
    const list = listOf(endpoint);
    const { body: records } = await plexJson<Row[]>(plex.url, list.operation.pathTemplate);
    const key = String(records.at(-1)?.[list.keyField]);
    const { status, body } = await plexJson<Row>(plex.url, pathOf(endpoint, key));
    expect(status).toBe(200);
    expect(body).toEqual(records.at(-1));
  });

  it('returns 404 for a record that does not exist', async () => {
    const key = endpoint.keyField === 'serialNo' ? 'S0000000' : MISSING_UUID;
    const { status } = await plexJson(plex.url, pathOf(endpoint, key));
    expect(status).toBe(404);
  });
});

const operationCases = description.operations.map((operation) => [operation.operationId, operation] as const);

describe.each(operationCases)('%s errors', (_id, operation) => {
  const path = (operation: OperationModel) => operation.pathTemplate.replace(/\{[^}]+\}/, 'not-valid');

  it('returns 400, 401, 429 and 500', async () => {
    const bad = operation.pathTemplate.includes('{') ? path(operation) : operation.pathTemplate;
    const invalid = await plexFetch(plex.url, bad, { tenantId: 'not-a-uuid' });
    const unauthenticated = await plexFetch(plex.url, bad, { key: null });
    plex.emulator.addFault({ kind: 'rate-limit', route: operation.operationId, count: 1, retryAfterSeconds: 1 });
    const limited = await plexFetch(plex.url, bad);
    plex.emulator.addFault({ kind: 'server-error', route: operation.operationId, count: 1 });
    const failed = await plexFetch(plex.url, bad);
    const statuses = [invalid, unauthenticated, limited, failed].map((response) => response.status);
    await Promise.all([invalid, unauthenticated, limited, failed].map((response) => response.arrayBuffer()));
    expect(statuses).toEqual([400, 401, 429, 500]);
  });
});

describe('contract', () => {
  it('served every operation with 200', () => {
    const succeeded = plex.emulator.requests().filter((entry) => entry.status === 200);
    const served = new Set(succeeded.map((entry) => entry.operationId));
    expect([...served].sort()).toEqual(description.operations.map((operation) => operation.operationId).sort());
  });

  it('sent only bodies that match the description', () => {
    const mismatches = plex.emulator.responseMismatches();
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
  });
});

describe('response validation', () => {
  it('records bodies that break the description', async () => {
    // A copy of the bundle whose Part schema requires a field that parts do not have,
    // and whose getPart operation does not describe 404.
    const bundle = JSON.parse(readFileSync(new URL('../../dist/openapi/plex-connect.json', import.meta.url), 'utf8'));
    bundle.components.schemas.Part.required.push('weightKg');
    delete bundle.paths['/mdm/v1/parts/{id}'].get.responses['404'];
    const emulator = await startEmulator({ description: bundle, validateResponses: true });
    try {
      await (await plexFetch(emulator.url, '/mdm/v1/parts')).arrayBuffer();
      await (await plexFetch(emulator.url, `/mdm/v1/parts/${MISSING_UUID}`)).arrayBuffer();
      const mismatches = emulator.responseMismatches();
      expect(mismatches[0]).toMatchObject({ operationId: 'listParts', status: 200, itemIndex: 0 });
      expect(mismatches[0]?.errors.join()).toContain('weightKg');
      expect(mismatches.at(-1)).toMatchObject({
        operationId: 'getPart',
        status: 404,
        errors: ['status 404 is not described for getPart'],
      });
    } finally {
      await emulator.close();
    }
  });

  it('records nothing when off', async () => {
    const bundle = JSON.parse(readFileSync(new URL('../../dist/openapi/plex-connect.json', import.meta.url), 'utf8'));
    bundle.components.schemas.Part.required.push('weightKg');
    const emulator = await startEmulator({ description: bundle });
    try {
      await (await plexFetch(emulator.url, '/mdm/v1/parts')).arrayBuffer();
      expect(emulator.responseMismatches()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
