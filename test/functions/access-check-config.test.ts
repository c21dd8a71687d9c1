import { describe, expect, it } from 'vitest';
import { readAccessCheckConfig } from '../../functions/access-check/config.js';
import { keyExpiryAt, parseKeyExpiry } from '../../functions/access-check/expiry.js';
import { API_PRODUCTS } from '../../functions/access-check/probes.js';
import { FunctionConfigError } from '../../functions/shared/config-error.js';

const TENANT_A = '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34';
const TENANT_B = 'B682A21B-BEFB-4416-97BC-2F7200426A97';

const BASE = { PLEX_TIER: 'test', PLEX_API_KEY: 'local-key' };

/** Reads the configuration and returns the error it throws. */
function errorOf(env: Record<string, string>): FunctionConfigError {
  try {
    readAccessCheckConfig(env);
  } catch (error) {
    if (error instanceof FunctionConfigError) return error;
    throw error;
  }

  throw new Error('readAccessCheckConfig did not throw');
}

describe('Function: readAccessCheckConfig', () => {
  it('applies the defaults', () => {
    const config = readAccessCheckConfig(BASE);

    expect(config.tier).toBe('test');
    expect(config.baseUrl).toBeUndefined();
    expect(config.host).toBe('test.connect.plex.com');
    expect(config.apiKey.origin).toBe('env:PLEX_API_KEY');
    expect(config.targets).toEqual([{ kind: 'default' }]);
    expect(config.products).toEqual([...API_PRODUCTS]);
    expect(config.keyExpiresAt).toBeUndefined();
    expect(config.schedule).toBeUndefined();
    expect(config.requestsPerMinute).toBe(200);
    expect(config.timeoutMs).toBe(10_000);
  });

  it('reads every variable', () => {
    const config = readAccessCheckConfig({
      ...BASE,
      ACCESS_CHECK_TENANT_IDS: `${TENANT_A}, ${TENANT_B},${TENANT_A}`,
      ACCESS_CHECK_CUSTOMER_IDS: '79870,84112',
      ACCESS_CHECK_PRODUCTS: 'scheduling, MDM',
      ACCESS_CHECK_SCHEDULE: 'rate(1 hour)',
      PLEX_KEY_EXPIRES_AT: '2026-03-14',
      PLEX_RATE_LIMIT_PER_MINUTE: '200',
      PLEX_KEY_TOTAL_CONCURRENCY: '5',
      PLEX_TIMEOUT_MS: '2500',
    });

    expect(config.targets).toEqual([
      { kind: 'default' },
      { kind: 'tenantId', tenantId: TENANT_A },
      { kind: 'tenantId', tenantId: TENANT_B.toLowerCase() },
      { kind: 'customerId', customerId: 79870 },
      { kind: 'customerId', customerId: 84112 },
    ]);
    expect(config.products).toEqual(['mdm', 'scheduling']);
    expect(config.schedule).toBe('rate(1 hour)');
    expect(config.keyExpiresAt?.toISOString()).toBe('2026-03-14T00:00:00.000Z');
    expect(config.requestsPerMinute).toBe(40);
    expect(config.timeoutMs).toBe(2500);
  });

  it('lets the base URL win over the tier', () => {
    const config = readAccessCheckConfig({ ...BASE, PLEX_BASE_URL: 'http://127.0.0.1:4010' });

    expect(config.tier).toBeUndefined();
    expect(config.baseUrl).toBe('http://127.0.0.1:4010');
    expect(config.host).toBe('127.0.0.1:4010');
  });

  it('names the SSM parameter as the key origin', () => {
    const config = readAccessCheckConfig({ PLEX_TIER: 'production', PLEX_API_KEY_PARAMETER: '/plex-connect/prod/api-key' });

    expect(config.apiKey.origin).toBe('ssm:/plex-connect/prod/api-key');
  });

  it.each([
    ['missing tier and base URL', { PLEX_API_KEY: 'k' }, 'PLEX_TIER', /neither is PLEX_BASE_URL/],
    ['unknown tier', { ...BASE, PLEX_TIER: 'prod' }, 'PLEX_TIER', /"production", "test", got "prod"/],
    ['plain http to a remote host', { ...BASE, PLEX_BASE_URL: 'http://connect.example.com' }, 'PLEX_BASE_URL', /plain http/],
    ['base URL that is no URL', { ...BASE, PLEX_BASE_URL: 'localhost:4010' }, 'PLEX_BASE_URL', /Use an http/],
    ['missing key', { PLEX_TIER: 'test' }, 'PLEX_API_KEY', /PLEX_API_KEY_PARAMETER/],
    ['bad UUID', { ...BASE, ACCESS_CHECK_TENANT_IDS: `${TENANT_A},8d3c2f7a` }, 'ACCESS_CHECK_TENANT_IDS', /"8d3c2f7a" is not a tenant UUID/],
    ['PCN among UUIDs', { ...BASE, ACCESS_CHECK_TENANT_IDS: '79870' }, 'ACCESS_CHECK_TENANT_IDS', /looks like a PCN/],
    ['bad PCN', { ...BASE, ACCESS_CHECK_CUSTOMER_IDS: '79870,79a' }, 'ACCESS_CHECK_CUSTOMER_IDS', /"79a" is not a PCN/],
    ['zero PCN', { ...BASE, ACCESS_CHECK_CUSTOMER_IDS: '0' }, 'ACCESS_CHECK_CUSTOMER_IDS', /"0" is not a PCN/],
    ['PCN over 32 bits', { ...BASE, ACCESS_CHECK_CUSTOMER_IDS: '2147483648' }, 'ACCESS_CHECK_CUSTOMER_IDS', /not a PCN/],
    ['unknown product', { ...BASE, ACCESS_CHECK_PRODUCTS: 'mdm,quality' }, 'ACCESS_CHECK_PRODUCTS', /"quality" is not an API product/],
    ['bad expiry', { ...BASE, PLEX_KEY_EXPIRES_AT: '14.03.2026' }, 'PLEX_KEY_EXPIRES_AT', /not a valid date/],
    ['rate limit of zero', { ...BASE, PLEX_RATE_LIMIT_PER_MINUTE: '0' }, 'PLEX_RATE_LIMIT_PER_MINUTE', /whole number/],
    ['more containers than requests', { ...BASE, PLEX_RATE_LIMIT_PER_MINUTE: '3', PLEX_KEY_TOTAL_CONCURRENCY: '4' }, 'PLEX_KEY_TOTAL_CONCURRENCY', /cannot share/],
    ['timeout that is no number', { ...BASE, PLEX_TIMEOUT_MS: '10s' }, 'PLEX_TIMEOUT_MS', /whole number/],
  ])('rejects %s', (_name, env, variable, message) => {
    const error = errorOf(env);

    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('never puts the key in an error', () => {
    const error = errorOf({ PLEX_API_KEY: 'secret-key-value', PLEX_TIER: 'nope' });

    expect(error.message).not.toContain('secret-key-value');
  });
});

describe('Function: parseKeyExpiry', () => {
  it.each([
    ['2026-03-14', '2026-03-14T00:00:00.000Z'],
    ['2026-03-14T17:05Z', '2026-03-14T17:05:00.000Z'],
    ['2026-03-14T17:05:30.1234567Z', '2026-03-14T17:05:30.123Z'],
    ['2026-03-14T17:05:30+02:00', '2026-03-14T15:05:30.000Z'],
    ['2026-03-14T00:30:00-01:30', '2026-03-14T02:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseKeyExpiry('PLEX_KEY_EXPIRES_AT', raw).toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-03-14T17:05:30', '2026-03-14 17:05Z', '2026-03-14T24:00Z', 'tomorrow', '20260314'])(
    'rejects %s',
    (raw) => {
      expect(() => parseKeyExpiry('PLEX_KEY_EXPIRES_AT', raw)).toThrow(`PLEX_KEY_EXPIRES_AT: "${raw}" is not a valid date`);
    },
  );
});

describe('Function: keyExpiryAt', () => {
  const expiresAt = new Date('2026-03-14T00:00:00Z');

  it.each([
    ['2026-03-04T00:00:00Z', 10],
    ['2026-03-13T12:00:00Z', 0],
    ['2026-03-14T00:00:01Z', -1],
  ])('counts whole days left at %s', (now, daysLeft) => {
    expect(keyExpiryAt(expiresAt, Date.parse(now))).toEqual({ expiresAt: '2026-03-14T00:00:00.000Z', daysLeft });
  });
});
