import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, TENANTS } from '../../emulator/index.js';
import { TenantContext, seedHashOf } from '../../emulator/data/context.js';
import { useEmulator } from './support/emulator.js';
import { plexJson, type Row } from './support/http.js';

const plex = useEmulator({ rateLimit: false });
const [first, second] = TENANTS;

describe('get by id', () => {
  it('returns the record the list returns', async () => {
    const list = await plexJson<Row[]>(plex.url, '/mdm/v1/parts');
    const part = list.body[17]!;
    const { status, body } = await plexJson<Row>(plex.url, `/mdm/v1/parts/${String(part.id)}`);
    expect(status).toBe(200);
    expect(body).toEqual(part);
  });

  it('accepts an upper-case UUID', async () => {
    const list = await plexJson<Row[]>(plex.url, '/mdm/v1/employees');
    const employee = list.body[3]!;
    const { status, body } = await plexJson<Row>(plex.url, `/mdm/v1/employees/${String(employee.id).toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.badgeNumber).toBe(employee.badgeNumber);
  });

  it('gets a workcenter by workcenterId', async () => {
    const list = await plexJson<Row[]>(plex.url, '/production/v1/production-definitions/workcenters');
    const workcenter = list.body[2]!;
    const path = `/production/v1/production-definitions/workcenters/${String(workcenter.workcenterId)}`;
    const { body } = await plexJson<Row>(plex.url, path);
    expect(body).toEqual(workcenter);
  });

  it('returns 404 for a UUID that names no record', async () => {
    const { status, body } = await plexJson<Row>(plex.url, '/mdm/v1/parts/3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'RESOURCE_NOT_FOUND', message: 'The requested resource was not found.' });
  });

  it('returns 404 for an index past the last record', async () => {
    const context = new TenantContext(seedHashOf(DEFAULT_SEED), 'small', first!);
    const pastEnd = context.id('parts', context.count('parts'));
    const { status } = await plexJson(plex.url, `/mdm/v1/parts/${pastEnd}`);
    expect(status).toBe(404);
  });

  it('returns 404 for a record of another tenant', async () => {
    const other = await plexJson<Row[]>(plex.url, '/mdm/v1/parts', { tenantId: second!.id });
    const { status } = await plexJson(plex.url, `/mdm/v1/parts/${String(other.body[0]!.id)}`);
    expect(status).toBe(404);
  });

  it('returns 404 for a record of another resource', async () => {
    const jobs = await plexJson<Row[]>(plex.url, '/scheduling/v1/jobs');
    const { status } = await plexJson(plex.url, `/mdm/v1/parts/${String(jobs.body[0]!.id)}`);
    expect(status).toBe(404);
  });

  it('gets a tenant by id', async () => {
    const { body } = await plexJson<Row>(plex.url, `/mdm/v1/tenants/${first!.id}`);
    expect(body).toEqual({ id: first!.id, code: first!.code, name: first!.name });
  });
});

describe('get container by serial number', () => {
  it('returns the container the list returns', async () => {
    const list = await plexJson<Row[]>(plex.url, '/inventory/v1/inventory-tracking/containers');
    const container = list.body[5]!;
    const { body } = await plexJson<Row>(plex.url, `/inventory/v1/inventory-tracking/containers/${String(container.serialNo)}`);
    expect(body).toEqual(container);
  });

  it('decodes a percent-encoded serial number', async () => {
    const list = await plexJson<Row[]>(plex.url, '/inventory/v1/inventory-tracking/containers');
    const serial = String(list.body[0]!.serialNo);
    const encoded = `%${serial.charCodeAt(0).toString(16)}${serial.slice(1)}`;
    const { status } = await plexJson(plex.url, `/inventory/v1/inventory-tracking/containers/${encoded}`);
    expect(status).toBe(200);
  });

  it.each(['S9999999', 'S0000001', 'X1234567', 'pallet 7'])('returns 404 for serial %s', async (serial) => {
    const { status } = await plexJson(plex.url, `/inventory/v1/inventory-tracking/containers/${encodeURIComponent(serial)}`);
    expect(status).toBe(404);
  });
});
