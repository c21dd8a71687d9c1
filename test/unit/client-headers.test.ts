import { describe, expect, it } from 'vitest';
import { PlexConfigError } from '../../client/index.js';
import { TEST_KEY, testClient } from './support/client.js';
import { json } from './support/scripted-fetch.js';

const TENANT_A = '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34';
const TENANT_B = '3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c';
const SECRET = 'sk_9fB2kQ7xL0pV4mN8';

const TENANT_HEADER = 'X-Plex-Connect-Tenant-Id';
const CUSTOMER_HEADER = 'X-Plex-Connect-Customer-Id';

describe('Function: createPlexClient', () => {
  describe('authentication headers', () => {
    it('sends the key in its header and never in the URL', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/parts', { params: { query: { status: 'Active' } } });

      const [request] = server.requests;
      expect(request?.headers.get('X-Plex-Connect-Api-Key')).toBe(TEST_KEY);
      expect(request?.url.href).not.toContain(encodeURIComponent(TEST_KEY));
      expect(request?.url.href).not.toContain(TEST_KEY);
      expect(request?.headers.get('Accept')).toBe('application/json');
    });

    it('sends the secret only when it is set', async () => {
      const withSecret = testClient([json(200, [])], { apiSecret: SECRET });
      const withoutSecret = testClient([json(200, [])]);

      await withSecret.client.GET('/mdm/v1/tenants');
      await withoutSecret.client.GET('/mdm/v1/tenants');

      expect(withSecret.server.requests[0]?.headers.get('X-Plex-Connect-Api-Secret')).toBe(SECRET);
      expect(withoutSecret.server.requests[0]?.headers.has('X-Plex-Connect-Api-Secret')).toBe(false);
    });
  });

  describe('tenant headers', () => {
    it('sends no tenant header for the default tenant', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/tenants');

      expect(server.requests[0]?.headers.has(TENANT_HEADER)).toBe(false);
      expect(server.requests[0]?.headers.has(CUSTOMER_HEADER)).toBe(false);
    });

    it('sends the client tenantId', async () => {
      const { client, server } = testClient([json(200, [])], { tenantId: TENANT_A });

      await client.GET('/mdm/v1/employees');

      expect(server.requests[0]?.headers.get(TENANT_HEADER)).toBe(TENANT_A);
      expect(server.requests[0]?.headers.has(CUSTOMER_HEADER)).toBe(false);
    });

    it('sends the client customerId', async () => {
      const { client, server } = testClient([json(200, [])], { customerId: 79870 });

      await client.GET('/mdm/v1/employees');

      expect(server.requests[0]?.headers.get(CUSTOMER_HEADER)).toBe('79870');
      expect(server.requests[0]?.headers.has(TENANT_HEADER)).toBe(false);
    });

    it('replaces the client tenant with a per-call customerId', async () => {
      const { client, server } = testClient([json(200, [])], { tenantId: TENANT_A });

      await client.GET('/mdm/v1/employees', { customerId: 310507 });

      expect(server.requests[0]?.headers.get(CUSTOMER_HEADER)).toBe('310507');
      expect(server.requests[0]?.headers.has(TENANT_HEADER)).toBe(false);
    });

    it('replaces the client tenant with a per-call tenantId', async () => {
      const { client, server } = testClient([json(200, [])], { customerId: 79870 });

      await client.GET('/mdm/v1/employees', { tenantId: TENANT_B });

      expect(server.requests[0]?.headers.get(TENANT_HEADER)).toBe(TENANT_B);
      expect(server.requests[0]?.headers.has(CUSTOMER_HEADER)).toBe(false);
    });

    it('replaces the client tenant with a typed header parameter', async () => {
      const { client, server } = testClient([json(200, [])], { tenantId: TENANT_A });

      await client.GET('/mdm/v1/employees', { params: { header: { [CUSTOMER_HEADER]: 79870 } } });

      expect(server.requests[0]?.headers.get(CUSTOMER_HEADER)).toBe('79870');
      expect(server.requests[0]?.headers.has(TENANT_HEADER)).toBe(false);
    });

    it('sends the tenant of withTenant and keeps the original client', async () => {
      const { client, server } = testClient([json(200, [])], { tenantId: TENANT_A }, json(200, []));
      const byPcn = client.withTenant(79870);
      const byUuid = byPcn.withTenant(TENANT_B);

      await byPcn.GET('/mdm/v1/employees');
      await byUuid.GET('/mdm/v1/employees');
      await client.GET('/mdm/v1/employees');

      expect(server.requests.map((request) => [request.headers.get(TENANT_HEADER), request.headers.get(CUSTOMER_HEADER)])).toEqual([
        [null, '79870'],
        [TENANT_B, null],
        [TENANT_A, null],
      ]);
      expect(byPcn.tenant).toEqual({ customerId: 79870 });
      expect(client.tenant).toEqual({ tenantId: TENANT_A });
    });

    it('shares the rate limiter with withTenant clients', () => {
      const { client } = testClient([], { rateLimit: { requestsPerMinute: 5 } });

      expect(client.withTenant(79870).rateLimiter).toBe(client.rateLimiter);
      expect(client.rateLimiter).toBeDefined();
    });
  });

  describe('invalid tenants', () => {
    const rejectedCalls: [string, (client: ReturnType<typeof testClient>['client']) => Promise<unknown>, string][] = [
      ['a tenantId that is not a UUID', (client) => client.GET('/mdm/v1/employees', { tenantId: 'lakeshore' }), 'tenantId'],
      ['a customerId of zero', (client) => client.GET('/mdm/v1/employees', { customerId: 0 }), 'customerId'],
      ['a negative customerId', (client) => client.GET('/mdm/v1/employees', { customerId: -5 }), 'customerId'],
      ['both tenantId and customerId', (client) => client.GET('/mdm/v1/employees', { tenantId: TENANT_A, customerId: 1 }), 'tenantId'],
      [
        'a tenant in both the header and the options',
        (client) => client.GET('/mdm/v1/employees', { customerId: 1, params: { header: { [TENANT_HEADER]: TENANT_A } } }),
        'tenantId',
      ],
      [
        'a tenant header written by hand',
        (client) => client.GET('/mdm/v1/employees', { headers: { 'X-Plex-Connect-Tenant-ID': TENANT_A } }),
        'headers',
      ],
      [
        'a key header written by hand',
        (client) => client.GET('/mdm/v1/employees', { headers: new Headers({ 'x-plex-connect-api-key': 'other' }) }),
        'headers',
      ],
      [
        'a header tenant that is not a UUID',
        (client) => client.GET('/mdm/v1/employees', { params: { header: { [TENANT_HEADER]: 'not-a-uuid' } } }),
        'tenantId',
      ],
    ];

    it.each(rejectedCalls)('rejects %s before sending', async (_name, call, option) => {
      const { client, server } = testClient([json(200, [])]);

      const error = await call(client).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexConfigError);
      expect((error as PlexConfigError).option).toBe(option);
      expect(server.requests).toHaveLength(0);
    });

    it.each([
      ['a company code', 'lakeshore'],
      ['a PCN as a string', '79870'],
      ['a PCN of zero', 0],
      ['a fractional PCN', 2.5],
    ] as const)('withTenant rejects %s', (_name, value) => {
      const { client } = testClient([]);

      expect(() => client.withTenant(value)).toThrow(PlexConfigError);
    });
  });
});
