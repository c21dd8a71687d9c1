import { describe, expect, it } from 'vitest';
import { PlexApiError, createPlexClient, formatPlexDateTime, parsePlexDateTime } from '../../client/index.js';
import { DEMO_KEYS, TENANTS } from '../../emulator/index.js';
import { useEmulator } from '../emulator/support/emulator.js';

const plex = useEmulator({ rateLimit: { requests: 600, windowMs: 60_000 } });

// Retries wait for real here, so keep the backoff short.
const FAST_RETRY = { limit: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 2_000 };

const client = (options: Parameters<typeof createPlexClient>[0] = {}) =>
  createPlexClient({ baseUrl: plex.url, apiKey: DEMO_KEYS.primary, retry: FAST_RETRY, rateLimit: false, ...options });

const [lakeshore, lakeshoreMx, northBay] = TENANTS;

describe('Client against the emulator: calls', () => {
  it('lists the tenants the key can reach', async () => {
    const { data, error } = await client().GET('/mdm/v1/tenants');

    expect(error).toBeUndefined();
    expect(data?.map((tenant) => tenant.id).sort()).toEqual(TENANTS.map((tenant) => tenant.id).sort());
  });

  it('gets a record by the id a list returned', async () => {
    const [part] = await client().getOrThrow('/mdm/v1/parts');
    const { data } = await client().GET('/mdm/v1/parts/{id}', { params: { path: { id: part!.id } } });

    expect(data).toEqual(part);
  });

  it('reads workcenters by workcenterId', async () => {
    const [workcenter] = await client().getOrThrow('/production/v1/production-definitions/workcenters');
    const found = await client().getOrThrow('/production/v1/production-definitions/workcenters/{id}', {
      params: { path: { id: workcenter!.workcenterId } },
    });

    expect(found.workcenterId).toBe(workcenter!.workcenterId);
  });

  it('encodes a container serial number as one path segment', async () => {
    const [container] = await client().getOrThrow('/inventory/v1/inventory-tracking/containers');
    const found = await client().getOrThrow('/inventory/v1/inventory-tracking/containers/{serialNo}', {
      params: { path: { serialNo: container!.serialNo } },
    });

    expect(found.serialNo).toBe(container!.serialNo);
  });
});

describe('Client against the emulator: tenants', () => {
  it('runs in the key default tenant without headers', async () => {
    const [employee] = await client().getOrThrow('/mdm/v1/employees');
    const byTenantHeader = await client({ tenantId: lakeshore!.id }).getOrThrow('/mdm/v1/employees');

    expect(byTenantHeader[0]).toEqual(employee);
  });

  it('reaches another tenant by PCN with withTenant', async () => {
    const defaultParts = await client().getOrThrow('/mdm/v1/parts');
    const otherParts = await client().withTenant(northBay!.pcn).getOrThrow('/mdm/v1/parts');

    expect(otherParts.length).toBeGreaterThan(0);
    expect(otherParts[0]?.id).not.toBe(defaultParts[0]?.id);
  });

  it('gets not-authenticated for a tenant the key cannot reach', async () => {
    const mdmOnly = client({ apiKey: DEMO_KEYS.mdmOnly });
    const { error } = await mdmOnly.GET('/mdm/v1/parts', { tenantId: lakeshore!.id });

    expect(error).toBeInstanceOf(PlexApiError);
    expect(error?.kind).toBe('not-authenticated');
    expect(error?.code).toBe('REQUEST_NOT_AUTHENTICATED');
  });

  it('gets not-authenticated for an unsubscribed product', async () => {
    const { error } = await client({ apiKey: DEMO_KEYS.mdmOnly }).GET('/scheduling/v1/jobs', { tenantId: lakeshoreMx!.id });

    expect(error?.kind).toBe('not-authenticated');
  });

  it('gets not-authenticated for an expired key', async () => {
    const { error } = await client({ apiKey: DEMO_KEYS.expired }).GET('/mdm/v1/tenants');

    expect(error?.status).toBe(401);
  });
});

describe('Client against the emulator: filters', () => {
  it('sends a list filter as repeated keys', async () => {
    const parts = await client().getOrThrow('/mdm/v1/parts');
    const wanted = parts.slice(0, 3).map((part) => part.id);
    const found = await client().getOrThrow('/mdm/v1/parts', { params: { query: { id: wanted } } });

    expect(found.map((part) => part.id).sort()).toEqual([...wanted].sort());
  });

  it('encodes Tools & Inserts in a filter value', async () => {
    const items = await client().getOrThrow('/inventory/v1/inventory-definitions/supply-items', {
      params: { query: { category: 'Tools & Inserts' } },
    });

    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(['Tools & Inserts']));
  });

  it('sends a date read from the API back byte for byte', async () => {
    const suppliers = await client().getOrThrow('/mdm/v1/suppliers');
    const latest = suppliers
      .map((supplier) => supplier.modifiedDate)
      .filter((date): date is string => typeof date === 'string')
      .sort((a, b) => parsePlexDateTime(a).compare(parsePlexDateTime(b)))
      .at(-1)!;

    const changed = await client().getOrThrow('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: latest } } });

    expect(latest).toMatch(/\.\d{7}Z$/);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((supplier) => supplier.modifiedDate === latest || parsePlexDateTime(supplier.modifiedDate!).compare(parsePlexDateTime(latest)) > 0)).toBe(true);
  });

  it('tells apart dates 100 ns apart', async () => {
    const suppliers = await client().getOrThrow('/mdm/v1/suppliers');
    const date = suppliers.find((supplier) => supplier.modifiedDate)!.modifiedDate!;
    const oneTickLater = parsePlexDateTime(date);
    const next = formatPlexDateTime(
      oneTickLater.ticks === 9_999
        ? parsePlexDateTime(formatPlexDateTime(new Date(oneTickLater.epochMilliseconds + 1)))
        : parsePlexDateTime(`${date.slice(0, -2)}${(Number(date.at(-2)) + 1) % 10}Z`),
    );

    const atDate = await client().getOrThrow('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: date, modifiedDateEnd: date } } });
    const afterDate = await client().getOrThrow('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: next, modifiedDateEnd: next } } });

    expect(atDate.some((supplier) => supplier.modifiedDate === date)).toBe(true);
    expect(afterDate.some((supplier) => supplier.modifiedDate === date)).toBe(false);
  });

  it('converts a Date filter to the Plex format', async () => {
    const all = await client().getOrThrow('/mdm/v1/suppliers');
    const since = await client().getOrThrow('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: new Date(0) } } });

    expect(since.length).toBe(all.filter((supplier) => supplier.modifiedDate !== null).length);
  });
});

describe('Client against the emulator: streams', () => {
  it('streams the same items a plain call returns', async () => {
    const listed = await client().getOrThrow('/scheduling/v1/jobs');
    const streamed = [];
    for await (const job of client().stream('/scheduling/v1/jobs')) streamed.push(job);

    expect(streamed).toEqual(listed);
  });

  it('fails a stream cut mid-body instead of ending short', async () => {
    const fault = plex.emulator.addFault({ kind: 'reset', route: 'listJobs', count: 5, afterBytes: 2_000 });
    const read = async () => {
      let count = 0;
      for await (const _job of client({ retry: false }).stream('/scheduling/v1/jobs')) count += 1;
      return count;
    };

    await expect(read()).rejects.toBeInstanceOf(PlexApiError);
    plex.emulator.removeFault(fault.id);
  });

  it('fails a truncated stream instead of ending short', async () => {
    const fault = plex.emulator.addFault({ kind: 'truncate', route: 'listJobs', count: 5, afterBytes: 2_000 });
    const read = async () => {
      for await (const _job of client({ retry: false }).stream('/scheduling/v1/jobs'));
    };

    await expect(read()).rejects.toMatchObject({ kind: expect.stringMatching(/invalid-response|network/) });
    plex.emulator.removeFault(fault.id);
  });
});

describe('Client against the emulator: faults and limits', () => {
  it('retries a 500 to success', async () => {
    plex.emulator.addFault({ kind: 'server-error', route: 'listBuildings', count: 1 });
    const { data, error } = await client().GET('/mdm/v1/buildings');

    expect(error).toBeUndefined();
    expect(data?.length).toBeGreaterThan(0);
  });

  it('retries a 503 after its Retry-After', async () => {
    plex.emulator.addFault({ kind: 'unavailable', route: 'listOperations', count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const { error } = await client().GET('/mdm/v1/operations');

    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('reads an HTML 502 as an invalid response', async () => {
    plex.emulator.addFault({ kind: 'bad-gateway', route: 'listContacts', count: 3 });
    const { error } = await client().GET('/mdm/v1/contacts');

    expect(error?.kind).toBe('invalid-response');
    expect(error?.status).toBe(502);
    expect(error?.attempts).toBe(3);
  });

  it('times out a hanging request', async () => {
    plex.emulator.addFault({ kind: 'hang', route: 'listCustomers', count: 1 });
    const { error } = await client({ timeoutMs: 300, retry: false }).GET('/mdm/v1/customers');

    expect(error?.kind).toBe('timeout');
  });

  it('stays within a scaled budget', async () => {
    const apiKey = `emulator-budget-${Date.now()}`;
    const { startEmulator } = await import('../../emulator/index.js');
    const limited = await startEmulator({
      keys: [{ key: apiKey, defaultTenant: lakeshore!.id, tenants: [lakeshore!.id], products: ['mdm'] }],
      rateLimit: { requests: 10, windowMs: 1_000 },
    });
    const budgeted = createPlexClient({ baseUrl: limited.url, apiKey, rateLimit: { requestsPerMinute: 10, windowMs: 1_000 } });

    const results = await Promise.all(Array.from({ length: 25 }, () => budgeted.GET('/mdm/v1/buildings')));
    const stats = limited.keyStats(apiKey);
    await limited.close();

    expect(results.every((result) => result.error === undefined)).toBe(true);
    expect(stats, JSON.stringify(stats)).toMatchObject({ requests: 25 });
    expect(stats.rateLimited).toBe(0);
    expect(stats.maxInWindow).toBeLessThanOrEqual(10);
  });
});
