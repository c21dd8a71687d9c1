import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { useEmulator } from './support/emulator.js';
import { plexJson, type Row } from './support/http.js';

interface ErrorBody {
  code: string;
  message: string;
  errors?: { code: string; message: string; parameter?: string; in?: string }[];
}

const plex = useEmulator({ rateLimit: false });

async function expectInvalid(
  path: string,
  query: Record<string, string | string[]>,
  parameters: string[],
): Promise<ErrorBody> {
  const { status, body } = await plexJson<ErrorBody>(plex.url, path, { query });
  expect(status).toBe(400);
  expect(body.code).toBe('REQUEST_VALIDATION_FAILED');
  expect(body.errors?.map((error) => error.code)).toEqual(parameters.map(() => 'ARGUMENT_INVALID'));
  expect(body.errors?.map((error) => error.parameter)).toEqual(parameters);
  return body;
}

describe('parameter validation', () => {
  it('rejects a path id that is not a UUID', async () => {
    const body = await expectInvalid('/mdm/v1/parts/12345', {}, ['id']);
    expect(body.errors?.[0]?.message).toBe('id: "12345" is not a valid UUID.');
  });

  it('rejects a query UUID that is not a UUID', async () => {
    await expectInvalid('/scheduling/v1/jobs', { partId: 'part-1' }, ['partId']);
  });

  it('names the bad item of a list parameter', async () => {
    const body = await expectInvalid('/mdm/v1/employees', { id: ['3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c', 'nope'] }, ['id']);
    expect(body.errors?.[0]?.message).toContain('"nope" (value 2)');
  });

  it.each([
    ['a space instead of T', '2024-03-01 08:00:00Z', 'space'],
    ['no zone', '2024-03-01T08:00:00', 'no time zone'],
    ['8 fractional digits', '2024-03-01T08:00:00.12345678Z', '8 fractional digits'],
    ['a date only', '2024-03-01', undefined],
    ['an offset', '2024-03-01T08:00:00+02:00', 'offset'],
    ['29 February of a common year', '2023-02-29T00:00:00Z', 'leap year'],
  ])('rejects a date-time with %s', async (_case, value, reason) => {
    const body = await expectInvalid('/mdm/v1/suppliers', { modifiedDateBegin: value }, ['modifiedDateBegin']);
    expect(body.errors?.[0]?.message).toContain(`modifiedDateBegin: ${JSON.stringify(value)} is not a valid date-time`);
    if (reason !== undefined) {
      expect(body.errors?.[0]?.message).toContain(reason);
    }
  });

  it.each(['2024-03-01T08:00Z', '2024-03-01T08:00:00Z', '2024-03-01T08:00:00.1Z', '2024-03-01T08:00:00.1234567Z'])(
    'accepts the date-time %s',
    async (value) => {
      const { status } = await plexJson(plex.url, '/mdm/v1/suppliers', { query: { modifiedDateBegin: value } });
      expect(status).toBe(200);
    },
  );

  it('rejects a boolean that is not true or false', async () => {
    const body = await expectInvalid('/mdm/v1/buildings', { active: 'yes' }, ['active']);
    expect(body.errors?.[0]?.message).toBe('active: "yes" must be boolean.');
  });

  it('names every bad parameter', async () => {
    await expectInvalid(
      '/scheduling/v1/jobs',
      { partId: 'x', dueDateBegin: '2024-01-01', completedDateEnd: '2024-01-01T00:00:00' },
      ['partId', 'dueDateBegin', 'completedDateEnd'],
    );
  });

  it('rejects a missing required path parameter', async () => {
    const body = await expectInvalid('/mdm/v1/parts/', {}, ['id']);
    expect(body.errors?.[0]?.message).toBe('id: the required path parameter is missing.');
  });

  it('rejects a missing container serial number', async () => {
    await expectInvalid('/inventory/v1/inventory-tracking/containers/', {}, ['serialNo']);
  });

  it('rejects an empty secret header', async () => {
    const headers = { 'X-Plex-Connect-Api-Secret': '' };
    const { status, body } = await plexJson<ErrorBody>(plex.url, '/mdm/v1/tenants', { headers });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.parameter).toBe('X-Plex-Connect-Api-Secret');
  });

  it('ignores unknown query parameters', async () => {
    const all = await plexJson<Row[]>(plex.url, '/mdm/v1/parts');
    const unknown = await plexJson<Row[]>(plex.url, '/mdm/v1/parts', { query: { partNumber: 'misspelled', limit: '5' } });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toHaveLength(all.body.length);
  });
});

describe('routing', () => {
  it('returns 404 for an unknown route', async () => {
    const { status, body } = await plexJson<ErrorBody>(plex.url, '/mdm/v1/widgets');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'RESOURCE_NOT_FOUND', message: 'The requested resource was not found.' });
  });

  it('returns 404 before checking the key', async () => {
    const { status } = await plexJson(plex.url, '/mdm/v2/parts', { key: null });
    expect(status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('returns 404 for %s on a known path', async (method) => {
    const { status, body } = await plexJson<ErrorBody>(plex.url, '/mdm/v1/parts', { method });
    expect(status).toBe(404);
    expect(body.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('does not route a location by id, which Plex does not offer', async () => {
    const path = '/inventory/v1/inventory-definitions/locations/3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c';
    const { status } = await plexJson(plex.url, path);
    expect(status).toBe(404);
  });
});

describe('validation from the description', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    // The Plex description has no enum parameter, so this copy gives `status` an enum.
    const bundle = JSON.parse(readFileSync(new URL('../../dist/openapi/plex-connect.json', import.meta.url), 'utf8'));
    const parameters = bundle.paths['/mdm/v1/parts'].get.parameters as { name: string; schema: object }[];
    const status = parameters.find((parameter) => parameter.name === 'status');
    if (status === undefined) {
      throw new Error('listParts has no status parameter');
    }
    status.schema = { type: 'string', enum: ['Active', 'Inactive'] };
    emulator = await startEmulator({ description: bundle, validateResponses: true, rateLimit: false });
  });

  afterAll(async () => {
    expect(emulator.responseMismatches()).toEqual([]);
    await emulator.close();
  });

  it('rejects a value outside an enum', async () => {
    const { status, body } = await plexJson<ErrorBody>(emulator.url, '/mdm/v1/parts', { query: { status: 'Retired' } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toBe('status: "Retired" must be one of Active, Inactive.');
  });

  it('accepts a value of the enum', async () => {
    const { status } = await plexJson(emulator.url, '/mdm/v1/parts', { query: { status: 'Active' } });
    expect(status).toBe(200);
  });
});
