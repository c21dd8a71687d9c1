import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, TENANTS } from '../../emulator/index.js';
import { useEmulator } from './support/emulator.js';
import { type Row, plexFetch, plexJson } from './support/http.js';

const NOT_AUTHENTICATED = { code: 'REQUEST_NOT_AUTHENTICATED', message: 'The request could not be authenticated.' };
const [first, second, third] = TENANTS;
const FUTURE_KEY = 'test-key-future';
const PAST_KEY = 'test-key-past';

const plex = useEmulator({
  rateLimit: false,
  keys: [
    { key: DEMO_KEYS.primary, defaultTenant: first!.id, tenants: [second!.id, third!.pcn] },
    { key: DEMO_KEYS.mdmOnly, defaultTenant: second!.pcn, products: ['mdm'] },
    { key: DEMO_KEYS.expired, defaultTenant: first!.id, expiresAt: '2025-01-31T00:00:00Z' },
    { key: FUTURE_KEY, defaultTenant: third!.id, expiresAt: new Date(Date.now() + 3_600_000) },
    { key: PAST_KEY, defaultTenant: third!.id, expiresAt: new Date(Date.now() - 1) },
  ],
});

async function expectNotAuthenticated(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(await response.text()).toBe(JSON.stringify(NOT_AUTHENTICATED));
}

describe('authentication', () => {
  it('rejects a missing key', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/parts', { key: null }));
  });

  it('rejects an empty key', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/parts', { key: '' }));
  });

  it('rejects an unknown key', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/parts', { key: 'not-a-configured-key' }));
  });

  it('rejects an expired key given as an ISO string', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/tenants', { key: DEMO_KEYS.expired }));
  });

  it('rejects an expired key given as a Date', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/tenants', { key: PAST_KEY }));
  });

  it('accepts a key that expires later', async () => {
    const response = await plexFetch(plex.url, '/mdm/v1/tenants', { key: FUTURE_KEY });
    expect(response.status).toBe(200);
  });

  it('rejects a tenant id the key may not reach', async () => {
    const response = await plexFetch(plex.url, '/mdm/v1/parts', { key: DEMO_KEYS.mdmOnly, tenantId: first!.id });
    await expectNotAuthenticated(response);
  });

  it('rejects a PCN the key may not reach', async () => {
    const response = await plexFetch(plex.url, '/mdm/v1/parts', { key: DEMO_KEYS.mdmOnly, customerId: first!.pcn });
    await expectNotAuthenticated(response);
  });

  it('rejects a PCN that belongs to no tenant', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/parts', { customerId: 12345 }));
  });

  it('rejects an unsubscribed product', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/scheduling/v1/jobs', { key: DEMO_KEYS.mdmOnly }));
  });

  it('rejects each unsubscribed product of the mdm-only key', async () => {
    const paths = [
      '/production/v1/production-definitions/workcenters',
      '/inventory/v1/inventory-definitions/supply-items',
      '/purchasing/v1/purchase-orders',
      '/scheduling/v1/jobs',
    ];
    for (const path of paths) {
      await expectNotAuthenticated(await plexFetch(plex.url, path, { key: DEMO_KEYS.mdmOnly }));
    }
  });

  it('rejects a valid key in the query string', async () => {
    const response = await plexFetch(plex.url, '/mdm/v1/tenants', { query: { token: DEMO_KEYS.primary } });
    await expectNotAuthenticated(response);
  });

  const keyParameterNames = ['apiKey', 'api_key', 'X-Plex-Connect-Api-Key', 'api-key'];
  it.each(keyParameterNames)('rejects a query parameter named %s', async (name) => {
    const response = await plexFetch(plex.url, '/mdm/v1/tenants', { query: { [name]: 'anything' } });
    await expectNotAuthenticated(response);
  });

  it('rejects a key only in the query string', async () => {
    const response = await plexFetch(plex.url, '/mdm/v1/tenants', { key: null, query: { apiKey: DEMO_KEYS.primary } });
    await expectNotAuthenticated(response);
  });

  it('rejects both tenant headers with 400', async () => {
    const { status, body } = await plexJson<Row>(plex.url, '/mdm/v1/parts', { tenantId: first!.id, customerId: first!.pcn });
    expect(status).toBe(400);
    expect(body.code).toBe('REQUEST_MALFORMED');
  });

  it('rejects a tenant id that is not a UUID with 400', async () => {
    const request = { tenantId: 'lakeshore' };
    const { status, body } = await plexJson<{ code: string; errors: Row[] }>(plex.url, '/mdm/v1/parts', request);
    expect(status).toBe(400);
    expect(body.code).toBe('REQUEST_VALIDATION_FAILED');
    expect(body.errors[0]?.parameter).toBe('X-Plex-Connect-Tenant-Id');
  });

  it('rejects a customer id that is not a number with 400', async () => {
    const { status, body } = await plexJson<{ errors: Row[] }>(plex.url, '/mdm/v1/parts', { customerId: 'PCN79870' });
    expect(status).toBe(400);
    expect(body.errors[0]?.parameter).toBe('X-Plex-Connect-Customer-Id');
  });

  it('checks the key before the tenant headers', async () => {
    const request = { key: 'unknown', tenantId: first!.id, customerId: first!.pcn };
    const response = await plexFetch(plex.url, '/mdm/v1/parts', request);
    await expectNotAuthenticated(response);
  });

  it('checks authentication before validation', async () => {
    await expectNotAuthenticated(await plexFetch(plex.url, '/mdm/v1/parts/not-a-uuid', { key: null }));
  });
});

describe('tenant selection', () => {
  it('runs in the default tenant without headers', async () => {
    const { body } = await plexJson<Row[]>(plex.url, '/mdm/v1/buildings');
    const named = await plexJson<Row[]>(plex.url, '/mdm/v1/buildings', { tenantId: first!.id });
    expect(body).toEqual(named.body);
  });

  it('selects a tenant by UUID in any case', async () => {
    const upper = await plexJson<Row[]>(plex.url, '/mdm/v1/buildings', { tenantId: second!.id.toUpperCase() });
    const byPcn = await plexJson<Row[]>(plex.url, '/mdm/v1/buildings', { customerId: second!.pcn });
    expect(upper.status).toBe(200);
    expect(upper.body).toEqual(byPcn.body);
  });

  it('gives each tenant its own records', async () => {
    const own = await plexJson<Row[]>(plex.url, '/mdm/v1/parts');
    const other = await plexJson<Row[]>(plex.url, '/mdm/v1/parts', { customerId: third!.pcn });
    expect(own.body.length).not.toBe(other.body.length);
    expect(own.body[0]?.id).not.toBe(other.body[0]?.id);
  });
});

describe('GET /mdm/v1/tenants', () => {
  it('lists every tenant of the primary key', async () => {
    const { status, body } = await plexJson<Row[]>(plex.url, '/mdm/v1/tenants');
    expect(status).toBe(200);
    expect(body.map((tenant) => tenant.id)).toEqual(TENANTS.map((tenant) => tenant.id));
  });

  it('lists only the tenant of the mdm-only key', async () => {
    const { body } = await plexJson<Row[]>(plex.url, '/mdm/v1/tenants', { key: DEMO_KEYS.mdmOnly });
    expect(body).toEqual([{ id: second!.id, code: second!.code, name: second!.name }]);
  });

  it('lists the same tenants whatever tenant header is sent', async () => {
    const { body } = await plexJson<Row[]>(plex.url, '/mdm/v1/tenants', { customerId: third!.pcn });
    expect(body).toHaveLength(3);
  });

  it('filters tenants by code and by id list', async () => {
    const byCode = await plexJson<Row[]>(plex.url, '/mdm/v1/tenants', { query: { code: 'lakeshoremx' } });
    const byIds = await plexJson<Row[]>(plex.url, '/mdm/v1/tenants', { query: { idList: [first!.id, third!.id] } });
    expect(byCode.body.map((tenant) => tenant.code)).toEqual(['lakeshoremx']);
    expect(byIds.body.map((tenant) => tenant.code)).toEqual([first!.code, third!.code]);
  });

  it('gets a reachable tenant and hides an unreachable one', async () => {
    const found = await plexJson<Row>(plex.url, `/mdm/v1/tenants/${second!.id}`, { key: DEMO_KEYS.mdmOnly });
    const hidden = await plexJson<Row>(plex.url, `/mdm/v1/tenants/${first!.id}`, { key: DEMO_KEYS.mdmOnly });
    expect(found.body.code).toBe(second!.code);
    expect(hidden.status).toBe(404);
  });
});
