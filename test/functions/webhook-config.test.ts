import { describe, expect, it } from 'vitest';
import { FunctionConfigError } from '../../functions/shared/config-error.js';
import { readLookupConfig, readSigningSecrets } from '../../functions/webhook-lookup/config.js';
import { invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { describedResponseErrors } from './support/webhook-responses.js';
import { capturingLogger } from './support/webhook-logs.js';

const BASE_ENV = {
  PLEX_TIER: 'test',
  PLEX_API_KEY: 'local-key',
  LOOKUP_SIGNING_SECRETS: 'whsec-local',
};

const harness = useWebhookHarness();

describe('Function: readLookupConfig', () => {
  it('fills in the documented defaults', () => {
    const config = readLookupConfig(BASE_ENV);

    expect(config.server).toEqual({ tier: 'test' });
    expect(config.cacheTtlMs).toBe(60_000);
    expect(config.maxWaiting).toBe(50);
    expect(config.requestsPerMinute).toBe(200);
    expect(config.timeoutMs).toBe(5_000);
    expect(config.allowedTenants.tenantIds.size).toBe(0);
    expect(config.allowedTenants.customerIds.size).toBe(0);
  });

  it('gives the container its share of the key budget', () => {
    const config = readLookupConfig({ ...BASE_ENV, PLEX_RATE_LIMIT_PER_MINUTE: '200', PLEX_KEY_TOTAL_CONCURRENCY: '5' });

    expect(config.requestsPerMinute).toBe(40);
  });

  it('reads UUIDs and PCNs from the allow-list', () => {
    const env = { ...BASE_ENV, LOOKUP_ALLOWED_TENANTS: '8D3C2F7A-1B4E-4C9D-A6F0-5E2B7D9C1A34, 79870' };

    const { allowedTenants } = readLookupConfig(env);

    expect([...allowedTenants.tenantIds]).toEqual(['8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34']);
    expect([...allowedTenants.customerIds]).toEqual([79870]);
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ['no server', { PLEX_TIER: undefined }, 'PLEX_TIER: is not set'],
    ['an unknown tier', { PLEX_TIER: 'prod' }, 'PLEX_TIER: must be one of "production", "test", got "prod".'],
    ['both tier and URL', { PLEX_BASE_URL: 'http://127.0.0.1:4010' }, 'PLEX_BASE_URL: is set together with PLEX_TIER'],
    ['a URL that is not http', { PLEX_TIER: undefined, PLEX_BASE_URL: 'ftp://127.0.0.1' }, 'PLEX_BASE_URL: must be an absolute http(s) URL'],
    ['no key', { PLEX_API_KEY: undefined }, 'PLEX_API_KEY: is not set'],
    ['no signing secrets', { LOOKUP_SIGNING_SECRETS: undefined }, 'LOOKUP_SIGNING_SECRETS: is not set'],
    ['only commas as secrets', { LOOKUP_SIGNING_SECRETS: ' , ,' }, 'LOOKUP_SIGNING_SECRETS: contains no secret'],
    ['a tenant that is neither', { LOOKUP_ALLOWED_TENANTS: '79870,plant-2' }, 'LOOKUP_ALLOWED_TENANTS: "plant-2" is neither'],
    ['a PCN of 0', { LOOKUP_ALLOWED_TENANTS: '0' }, 'LOOKUP_ALLOWED_TENANTS: "0" is neither'],
    ['a negative TTL', { LOOKUP_CACHE_TTL_MS: '-1' }, 'LOOKUP_CACHE_TTL_MS: must be a whole number from 0'],
    ['a fractional queue limit', { LOOKUP_MAX_WAITING: '2.5' }, 'LOOKUP_MAX_WAITING: must be a whole number'],
    ['more containers than requests', { PLEX_KEY_TOTAL_CONCURRENCY: '201' }, 'PLEX_KEY_TOTAL_CONCURRENCY: 201 containers cannot share'],
    ['a timeout of 0', { PLEX_TIMEOUT_MS: '0' }, 'PLEX_TIMEOUT_MS: must be a whole number from 100'],
  ])('names the variable for %s', (_name, change, message) => {
    const read = () => readLookupConfig({ ...BASE_ENV, ...change });

    expect(read).toThrow(FunctionConfigError);
    expect(read).toThrow(message);
  });

  it('rejects an SSM parameter without a secret', async () => {
    harness.ssm.parameters.set('/plex-connect/test/empty-secrets', ',');
    const env = { ...BASE_ENV, LOOKUP_SIGNING_SECRETS: undefined, LOOKUP_SIGNING_SECRETS_PARAMETER: '/plex-connect/test/empty-secrets' };
    const config = readLookupConfig(env, { ssmClientConfig: { ...harness.ssm.clientConfig } });

    await expect(readSigningSecrets(config)).rejects.toThrow('LOOKUP_SIGNING_SECRETS_PARAMETER: ssm:/plex-connect/test/empty-secrets contains no secret');
  });
});

describe('Handler: webhook configuration failures', () => {
  it('returns 500 and logs the variable of an invalid environment', async () => {
    // Prepare
    const { logger, formatter } = capturingLogger();
    const handler = harness.createHandler({ logger, env: { LOOKUP_MAX_WAITING: 'many' } });

    // Act
    const reply = await invoke(handler, signedEvent({ lookup: 'employee-by-badge', params: { badgeNumber: '1' } }));

    // Assess
    expect(reply.status).toBe(500);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ type: 'urn:plex-connect:problem:internal-error', status: 500, code: 'INTERNAL_ERROR' });
    expect(reply.body.instance).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(reply.body.detail).not.toContain('LOOKUP_MAX_WAITING');
    expect(formatter.entries()[0]).toMatchObject({ level: 'ERROR', status: 500 });
    expect(formatter.lines[0]).toContain('LOOKUP_MAX_WAITING: must be a whole number');
  });

  it('returns 500 when the key parameter is missing from SSM', async () => {
    const { logger, formatter } = capturingLogger();
    const env = { PLEX_API_KEY: undefined, PLEX_API_KEY_PARAMETER: '/plex-connect/test/no-such-key' };
    const handler = harness.createHandler({ logger, env });

    const reply = await invoke(handler, signedEvent({ lookup: 'employee-by-badge', params: { badgeNumber: '1' } }));

    expect(reply.status).toBe(500);
    expect(reply.body.code).toBe('INTERNAL_ERROR');
    expect(formatter.lines[0]).toContain('no-such-key');
  });

  it('sends a 500 that matches the description', async () => {
    const handler = harness.createHandler({ env: { LOOKUP_MAX_WAITING: 'many' } });

    const reply = await invoke(handler, signedEvent({ lookup: 'employee-by-badge', params: { badgeNumber: '1' } }));

    expect(describedResponseErrors(reply)).toEqual([]);
  });
});
