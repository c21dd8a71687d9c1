import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../client/index.js';
import { DEMO_KEYS, startEmulator, TENANTS, type Emulator } from '../../emulator/index.js';
import { readAccessCheckConfig } from '../../functions/access-check/config.js';
import { API_PRODUCTS } from '../../functions/access-check/probes.js';
import type { AccessCheckReport } from '../../functions/access-check/report.js';
import { runAccessCheck } from '../../functions/access-check/run.js';
import { type FakeSsm, startFakeSsm } from '../support/ssm-server.js';
import { freshClock } from './support/access-check.js';

// The SDK must never look for credentials outside the test: they are passed explicitly.
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const [first, second, third] = TENANTS as [(typeof TENANTS)[0], (typeof TENANTS)[0], (typeof TENANTS)[0]];

let emulator: Emulator;
let ssm: FakeSsm;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
  ssm = await startFakeSsm();
});

afterAll(async () => {
  await emulator.close();
  await ssm.close();
});

function envFor(key: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  return { PLEX_BASE_URL: emulator.url, ...key, ...extra };
}

async function run(env: Record<string, string>): Promise<AccessCheckReport> {
  const config = readAccessCheckConfig(env, { ssmClientConfig: ssm.clientConfig });
  return runAccessCheck(config, { clock: freshClock(), remainingTimeMs: () => 20_000 });
}

/** Returns the row of one target and product, failing the test when it is missing. */
function rowOf(report: AccessCheckReport, value: string | number | null, product: string) {
  const row = report.rows.find((entry) => entry.target.value === value && entry.product === product);
  if (!row) throw new Error(`no row for ${String(value)} × ${product}`);

  return row;
}

function readsOf(name: string): number {
  return ssm.reads.filter((read) => read === name).length;
}

describe('Function: runAccessCheck with a key that reaches everything', () => {
  let report: AccessCheckReport;

  beforeAll(async () => {
    report = await run(
      envFor(
        { PLEX_API_KEY: DEMO_KEYS.primary },
        { ACCESS_CHECK_TENANT_IDS: second.id, ACCESS_CHECK_CUSTOMER_IDS: String(third.pcn), ACCESS_CHECK_SCHEDULE: 'rate(1 hour)' },
      ),
    );
  });

  it('reports the default tenant', () => {
    expect(report.defaultTenant).toEqual({ id: first.id, code: first.code, name: first.name, determinedBy: 'record-match' });
  });

  it('lists the reachable tenants', () => {
    expect(report.reachableTenants).toEqual(TENANTS.map(({ id, code, name }) => ({ id, code, name })));
  });

  it('marks every probe ok', () => {
    expect(report.rows).toHaveLength(3 * API_PRODUCTS.length);
    for (const row of report.rows) {
      expect(row.status, `${String(row.target.value)} × ${row.product}: ${row.message}`).toBe('ok');
      expect(row.httpStatus).toBe(200);
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(report.summary).toMatchObject({ probes: 15, ok: 15, failed: 0 });
  });

  it('names each target', () => {
    expect(rowOf(report, first.id, 'mdm').target).toEqual({ kind: 'default', value: first.id, code: first.code, name: first.name });
    expect(rowOf(report, second.id, 'mdm').target).toEqual({ kind: 'tenantId', value: second.id, code: second.code, name: second.name });
    expect(rowOf(report, third.pcn, 'mdm').target).toEqual({ kind: 'customerId', value: third.pcn });
  });

  it('describes the key without containing it', () => {
    expect(report.keyFingerprint).toBe(fingerprint(DEMO_KEYS.primary));
    expect(report.keyOrigin).toBe('env:PLEX_API_KEY');
    expect(report.host).toBe(new URL(emulator.url).host);
    expect(report.tier).toBeNull();
    expect(report.schedule).toBe('rate(1 hour)');
    expect(JSON.stringify(report)).not.toContain(DEMO_KEYS.primary);
  });
});

describe('Function: runAccessCheck with a key for one tenant and product', () => {
  let report: AccessCheckReport;

  beforeAll(async () => {
    report = await run(
      envFor(
        { PLEX_API_KEY: DEMO_KEYS.mdmOnly },
        { ACCESS_CHECK_TENANT_IDS: first.id, ACCESS_CHECK_CUSTOMER_IDS: `${second.pcn},${third.pcn}` },
      ),
    );
  });

  it('finds the only tenant as the default', () => {
    expect(report.defaultTenant).toEqual({ id: second.id, code: second.code, name: second.name, determinedBy: 'only-tenant' });
  });

  it('separates subscribed and unsubscribed products', () => {
    expect(rowOf(report, second.id, 'mdm').status).toBe('ok');
    for (const product of API_PRODUCTS.filter((name) => name !== 'mdm')) {
      const row = rowOf(report, second.id, product);
      expect(row.status).toBe('product-not-subscribed');
      expect(row.httpStatus).toBe(401);
      expect(row.plexCode).toBe('REQUEST_NOT_AUTHENTICATED');
    }
  });

  it('marks a tenant UUID outside the list unreachable', () => {
    for (const product of API_PRODUCTS) expect(rowOf(report, first.id, product).status).toBe('tenant-not-reachable');
  });

  it('tells PCNs apart by their probes', () => {
    expect(rowOf(report, second.pcn, 'mdm').status).toBe('ok');
    expect(rowOf(report, second.pcn, 'production').status).toBe('product-not-subscribed');
    for (const product of API_PRODUCTS) expect(rowOf(report, third.pcn, product).status).toBe('tenant-not-reachable');
  });

  it('counts the statuses', () => {
    expect(report.summary.byStatus).toMatchObject({ ok: 2, 'product-not-subscribed': 8, 'tenant-not-reachable': 10 });
  });
});

describe('Function: runAccessCheck with a rejected key', () => {
  it.each([
    ['an unknown key', '/plex-connect/test/unknown-key', 'not-a-plex-key'],
    ['an expired key', '/plex-connect/test/expired-key', DEMO_KEYS.expired],
  ])('rejects %s on every row after one re-read', async (_name, parameter, key) => {
    ssm.parameters.set(parameter, key);
    emulator.clearRequests();

    const report = await run(envFor({ PLEX_API_KEY_PARAMETER: parameter }, { ACCESS_CHECK_TENANT_IDS: second.id }));

    expect(report.rows).toHaveLength(2 * API_PRODUCTS.length);
    for (const row of report.rows) {
      expect(row.status).toBe('key-rejected');
      expect(row.httpStatus).toBe(401);
    }
    expect(readsOf(parameter)).toBe(2);
    expect(emulator.requests()).toHaveLength(1);
    expect(report.defaultTenant).toBeNull();
    expect(report.reachableTenants).toBeNull();
    expect(report.keyOrigin).toBe(`ssm:${parameter}`);
    expect(JSON.stringify(report)).not.toContain(key);
  });

  it('picks up a rotated key on the re-read', async () => {
    const parameter = '/plex-connect/test/rotated-key';
    ssm.parameters.set(parameter, 'key-before-rotation');
    const config = readAccessCheckConfig(envFor({ PLEX_API_KEY_PARAMETER: parameter }), { ssmClientConfig: ssm.clientConfig });
    await expect(config.apiKey.get()).resolves.toBe('key-before-rotation');
    ssm.parameters.set(parameter, DEMO_KEYS.primary);

    const report = await runAccessCheck(config, { clock: freshClock(), remainingTimeMs: () => 20_000 });

    expect(readsOf(parameter)).toBe(2);
    expect(report.summary).toMatchObject({ probes: API_PRODUCTS.length, ok: API_PRODUCTS.length });
    expect(report.keyFingerprint).toBe(fingerprint(DEMO_KEYS.primary));
  });
});
