import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, TENANTS, fingerprint, type ActiveFault, type RequestLogEntry } from '../../emulator/index.js';
import { isLoopbackAddress } from '../../emulator/control.js';
import { useEmulator } from './support/emulator.js';
import { plexFetch } from './support/http.js';

const plex = useEmulator({ rateLimit: false });

async function control<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T | undefined }> {
  const response = await fetch(`${plex.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as T) };
}

describe('fault control endpoint', () => {
  it('adds, lists and removes a fault', async () => {
    const spec = { kind: 'server-error', route: 'listWorkcenters', count: 5 };
    const added = await control<{ faults: ActiveFault[] }>('POST', '/faults', spec);
    const id = added.body?.faults[0]?.id ?? '';
    expect(added.status).toBe(201);
    expect((await plexFetch(plex.url, '/production/v1/production-definitions/workcenters')).status).toBe(500);

    const listed = await control<{ faults: ActiveFault[]; counts: unknown[] }>('GET', '/faults');
    expect(listed.body?.faults.map((fault) => [fault.id, fault.remaining])).toEqual([[id, 4]]);
    expect(listed.body?.counts).toContainEqual({ kind: 'server-error', operationId: 'listWorkcenters', count: 1 });

    expect((await control('DELETE', `/faults/${id}`)).status).toBe(204);
    expect((await control('DELETE', `/faults/${id}`)).status).toBe(404);
    expect((await plexFetch(plex.url, '/production/v1/production-definitions/workcenters')).status).toBe(200);
  });

  it('adds an array of faults and clears them', async () => {
    const specs = [{ kind: 'hang', route: 'getJob' }, { kind: 'latency', latencyMs: 1 }];
    const added = await control<{ faults: ActiveFault[] }>('POST', '/faults', specs);
    expect(added.body?.faults).toHaveLength(2);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await control<{ faults: unknown[] }>('GET', '/faults')).body?.faults).toEqual([]);
  });

  it('rejects an invalid fault and adds none of the array', async () => {
    const specs = [{ kind: 'hang' }, { kind: 'meltdown' }];
    const rejected = await control<{ code: string; message: string }>('POST', '/faults', specs);
    expect(rejected.status).toBe(400);
    expect(rejected.body?.message).toContain('meltdown');
    expect((await control<{ faults: unknown[] }>('GET', '/faults')).body?.faults).toEqual([]);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${plex.url}/_emulator/faults`, { method: 'POST', body: 'kind=hang' });
    expect(response.status).toBe(400);
  });

  it('returns 404 for an unknown control path', async () => {
    expect((await control('GET', '/nothing')).status).toBe(404);
  });
});

describe('request log', () => {
  it('records method, path, query, tenant and status', async () => {
    await control('DELETE', '/requests');
    const request = { customerId: TENANTS[1]!.pcn, query: { status: 'Active' } };
    await (await plexFetch(plex.url, '/mdm/v1/parts', request)).arrayBuffer();
    await (await plexFetch(plex.url, '/mdm/v1/widgets')).arrayBuffer();

    const { body } = await control<{ requests: RequestLogEntry[] }>('GET', '/requests');
    const [parts, widgets] = body?.requests ?? [];
    expect(body?.requests).toHaveLength(2);
    expect(parts).toMatchObject({
      method: 'GET',
      path: '/mdm/v1/parts',
      query: 'status=Active',
      operationId: 'listParts',
      tenantId: TENANTS[1]!.id,
      status: 200,
    });
    expect(parts?.keyFingerprint).toBe(fingerprint(DEMO_KEYS.primary));
    expect(parts?.durationMs).toBeGreaterThanOrEqual(0);
    expect(widgets).toMatchObject({ path: '/mdm/v1/widgets', operationId: null, tenantId: null, status: 404 });
  });

  it('shows that a request did not reach the emulator', async () => {
    plex.emulator.clearRequests();
    await fetch(`${plex.url}/_emulator/stats`);
    expect(plex.emulator.requests()).toEqual([]);
  });

  it('replaces keys in the query with their fingerprint', async () => {
    plex.emulator.clearRequests();
    const query = { apiKey: DEMO_KEYS.mdmOnly, x: DEMO_KEYS.primary };
    await (await plexFetch(plex.url, '/mdm/v1/tenants', { query })).arrayBuffer();
    const [entry] = plex.emulator.requests();
    expect(entry?.status).toBe(401);
    expect(entry?.query).not.toContain(DEMO_KEYS.mdmOnly);
    expect(entry?.query).not.toContain(DEMO_KEYS.primary);
    expect(new URLSearchParams(entry?.query).get('apiKey')).toBe(`[key ${fingerprint(DEMO_KEYS.mdmOnly)}]`);
  });
});

describe('Function: isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '0.0.0.0', undefined])('rejects %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
