import { describe, expect, it } from 'vitest';
import { PlexConfigError, PlexError, createPlexClient, type PlexClientOptions } from '../../client/index.js';
import { TEST_KEY, TEST_SECRET, testClient } from './support/client.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

/** Calls `createPlexClient` and returns the PlexConfigError it threw. */
function configError(options: PlexClientOptions): PlexConfigError {
  try {
    createPlexClient(options);
  } catch (error) {
    if (error instanceof PlexConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected createPlexClient to throw');
}

const base = { apiKey: TEST_KEY, tier: 'test' } as const;

describe('Function: createPlexClient', () => {
  describe('server URL', () => {
    it.each([
      ['production', 'https://connect.plex.com/mdm/v1/tenants'],
      ['test', 'https://test.connect.plex.com/mdm/v1/tenants'],
    ] as const)('maps tier %s to its host', async (tier, expected) => {
      // Prepare
      const { client, server } = testClient([json(200, [])], { tier });

      // Act
      await client.GET('/mdm/v1/tenants');

      // Assess
      expect(server.requests[0]?.url.href).toBe(expected);
    });

    it('sends to baseUrl instead of the tier host', async () => {
      const { client, server } = testClient([json(200, [])], { baseUrl: 'https://plex-proxy.example.com/connect/' });

      await client.GET('/mdm/v1/tenants');

      expect(server.requests[0]?.url.href).toBe('https://plex-proxy.example.com/connect/mdm/v1/tenants');
      expect(client.baseUrl).toBe('https://plex-proxy.example.com/connect');
    });

    it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])('accepts loopback %s without a key', async (baseUrl) => {
      const server = scriptedFetch([json(200, [])]);
      const client = createPlexClient({ baseUrl, fetch: server.fetch, rateLimit: false });

      await client.GET('/mdm/v1/tenants');

      expect(server.requests[0]?.url.origin).toBe(baseUrl);
      expect(server.requests[0]?.headers.has('X-Plex-Connect-Api-Key')).toBe(false);
    });
  });

  describe('invalid options', () => {
    const cases: [string, PlexClientOptions, string, string][] = [
      ['missing tier', { apiKey: TEST_KEY }, 'tier', 'never falls back to production'],
      ['unknown tier', { apiKey: TEST_KEY, tier: 'prod' as never }, 'tier', '"prod"'],
      ['tier in wrong case', { apiKey: TEST_KEY, tier: 'Production' as never }, 'tier', '"Production"'],
      ['relative baseUrl', { ...base, baseUrl: 'connect.plex.com' }, 'baseUrl', 'not an absolute URL'],
      ['ftp baseUrl', { ...base, baseUrl: 'ftp://127.0.0.1/' }, 'baseUrl', 'ftp:'],
      ['plain http to a remote host', { ...base, baseUrl: 'http://connect.plex.com' }, 'baseUrl', 'unencrypted'],
      ['baseUrl with a query', { ...base, baseUrl: 'https://connect.plex.com/?key=1' }, 'baseUrl', 'query or fragment'],
      ['baseUrl of another type', { ...base, baseUrl: 42 as never }, 'baseUrl', '42'],
      ['missing apiKey', { tier: 'test' }, 'apiKey', 'Missing option apiKey'],
      ['non-loopback baseUrl without apiKey', { baseUrl: 'https://connect.plex.com' }, 'apiKey', 'loopback'],
      ['empty apiKey', { ...base, apiKey: '' }, 'apiKey', 'empty'],
      ['apiKey with a line break', { ...base, apiKey: `${TEST_KEY}\n` }, 'apiKey', 'whitespace'],
      ['apiKey of another type', { ...base, apiKey: 12345 as never }, 'apiKey', 'a number'],
      ['apiSecret with a space', { ...base, apiSecret: TEST_SECRET }, 'apiSecret', 'whitespace'],
      ['tenantId that is not a UUID', { ...base, tenantId: 'lakeshore' }, 'tenantId', '"lakeshore"'],
      ['tenantId that is a PCN', { ...base, tenantId: '79870' }, 'tenantId', 'pass it as the number 79870'],
      ['customerId zero', { ...base, customerId: 0 }, 'customerId', 'integer from 1'],
      ['customerId fraction', { ...base, customerId: 1.5 }, 'customerId', '1.5'],
      ['customerId string', { ...base, customerId: '79870' as never }, 'customerId', '"79870"'],
      ['tenantId and customerId', { ...base, tenantId: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34', customerId: 79870 }, 'tenantId', 'only one'],
      ['zero timeoutMs', { ...base, timeoutMs: 0 }, 'timeoutMs', 'from 1'],
      ['infinite timeoutMs', { ...base, timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs', 'Infinity'],
      ['timeoutMs string', { ...base, timeoutMs: '30000' as never }, 'timeoutMs', '"30000"'],
      ['retry limit above 10', { ...base, retry: { limit: 11 } }, 'retry.limit', 'from 0 to 10'],
      ['fractional retry limit', { ...base, retry: { limit: 1.5 } }, 'retry.limit', 'integer'],
      ['negative baseDelayMs', { ...base, retry: { baseDelayMs: -1 } }, 'retry.baseDelayMs', '-1'],
      ['maxDelayMs below baseDelayMs', { ...base, retry: { baseDelayMs: 500, maxDelayMs: 100 } }, 'retry.maxDelayMs', 'from 500'],
      ['unknown retry member', { ...base, retry: { retries: 3 } as never }, 'retry.retries', 'Known options'],
      ['retry true', { ...base, retry: true as never }, 'retry', 'false or an object'],
      ['zero requestsPerMinute', { ...base, rateLimit: { requestsPerMinute: 0 } }, 'rateLimit.requestsPerMinute', 'from 1'],
      ['zero windowMs', { ...base, rateLimit: { windowMs: 0 } }, 'rateLimit.windowMs', 'from 1'],
      ['zero cache ttlMs', { ...base, cache: { ttlMs: 0 } }, 'cache.ttlMs', 'from 1'],
      ['zero cache maxEntries', { ...base, cache: { maxEntries: 0 } }, 'cache.maxEntries', 'from 1'],
      ['allowWrites string', { ...base, allowWrites: 'yes' as never }, 'allowWrites', 'true or false'],
      ['fetch not a function', { ...base, fetch: 'fetch' as never }, 'fetch', 'function'],
      ['logger without warn', { ...base, logger: { debug() {}, info() {}, error() {} } as never }, 'logger', 'warn()'],
      ['clock without sleep', { ...base, clock: { now: () => 0 } as never }, 'clock', 'sleep()'],
      ['random not a function', { ...base, random: 0.5 as never }, 'random', 'function'],
      ['misspelled timeout', { ...base, timeout: 5000 } as never, 'timeout', 'Did you mean timeoutMs?'],
      ['misspelled key', { tier: 'test', key: TEST_KEY } as never, 'key', 'Did you mean apiKey?'],
    ];

    it.each(cases)('rejects %s', (_name, options, option, messagePart) => {
      const error = configError(options);

      expect(error).toBeInstanceOf(PlexError);
      expect(error.name).toBe('PlexConfigError');
      expect(error.option).toBe(option);
      expect(error.message).toContain(messagePart);
    });

    it('never shows the key or secret in the message', () => {
      const messages = [
        configError({ ...base, apiKey: `${TEST_KEY} ` }).message,
        configError({ ...base, apiSecret: TEST_SECRET }).message,
      ];

      for (const message of messages) {
        expect(message).not.toContain(TEST_KEY);
        expect(message).not.toContain(TEST_SECRET);
      }
    });

    it('never shows a password of baseUrl', () => {
      const error = configError({ ...base, baseUrl: 'ftp://plex:hunter2@127.0.0.1/' });

      expect(error.option).toBe('baseUrl');
      expect(error.message).not.toContain('hunter2');
    });

    it('sends nothing when an option is invalid', () => {
      const server = scriptedFetch();

      expect(() => createPlexClient({ ...base, fetch: server.fetch, timeoutMs: -1 })).toThrow(PlexConfigError);
      expect(server.requests).toHaveLength(0);
    });
  });
});
