import { describe, expect, it } from 'vitest';
import { testClient } from './support/client.js';
import { json, type Reply } from './support/scripted-fetch.js';
import { VirtualClock } from './support/virtual-clock.js';

/** Creates a reply that responds after `ms` of virtual time, so concurrent calls overlap. */
function slowReply(clock: VirtualClock, ms: number, response: () => Response): Reply {
  return async () => {
    await clock.sleep(ms);
    return response();
  };
}

const PARTS = [{ id: 'p1', number: 'LP-20418' }];

describe('Function: createPlexClient', () => {
  describe('cache', () => {
    it('is off by default', async () => {
      const { client, server } = testClient([], {}, json(200, PARTS));

      await client.GET('/mdm/v1/parts');
      await client.GET('/mdm/v1/parts');

      expect(server.requests).toHaveLength(2);
    });

    it('serves a repeated GET from the cache', async () => {
      const { client, server } = testClient([], { cache: { ttlMs: 60_000 } }, json(200, PARTS));

      const first = await client.GET('/mdm/v1/parts');
      const second = await client.GET('/mdm/v1/parts');

      expect(server.requests).toHaveLength(1);
      expect(second.data).toEqual(PARTS);
      expect(second.data).not.toBe(first.data);
    });

    it('keeps entries apart by tenant and by URL', async () => {
      const { client, server } = testClient([], { cache: {} }, json(200, PARTS));

      await client.GET('/mdm/v1/parts');
      await client.GET('/mdm/v1/parts', { customerId: 79870 });
      await client.GET('/mdm/v1/parts', { params: { query: { status: 'Active' } } });
      await client.withTenant(79870).GET('/mdm/v1/parts');

      expect(server.requests).toHaveLength(3);
    });

    it('sends again after ttlMs', async () => {
      const { client, server, clock } = testClient([], { cache: { ttlMs: 1_000 } }, json(200, PARTS));

      await client.GET('/mdm/v1/parts');
      clock.advance(999);
      await client.GET('/mdm/v1/parts');
      clock.advance(1);
      await client.GET('/mdm/v1/parts');

      expect(server.requests).toHaveLength(2);
    });

    it('drops the least recently used entry beyond maxEntries', async () => {
      const { client, server } = testClient([], { cache: { maxEntries: 2 } }, json(200, PARTS));
      const get = (status: string) => client.GET('/mdm/v1/parts', { params: { query: { status } } });

      await get('A');
      await get('B');
      await get('A');
      await get('C');
      await get('A');
      await get('B');

      expect(server.requests.map((request) => request.url.searchParams.get('status'))).toEqual(['A', 'B', 'C', 'B']);
    });

    it('never stores a failure', async () => {
      const { client, server } = testClient([json(404, { code: 'RESOURCE_NOT_FOUND', message: 'No.' })], { cache: {} }, json(200, PARTS));

      const first = await client.GET('/mdm/v1/parts');
      const second = await client.GET('/mdm/v1/parts');

      expect(first.error?.kind).toBe('not-found');
      expect(second.data).toEqual(PARTS);
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('requests in flight', () => {
    it('shares one request between identical GETs', async () => {
      const clock = new VirtualClock();
      const { client, server } = testClient([], { cache: {}, clock }, slowReply(clock, 100, () => json(200, PARTS)));

      const results = await Promise.all([client.GET('/mdm/v1/parts'), client.GET('/mdm/v1/parts'), client.GET('/mdm/v1/parts')]);

      expect(server.requests).toHaveLength(1);
      expect(results.map((result) => result.data)).toEqual([PARTS, PARTS, PARTS]);
    });

    it('gives every sharer the failure and its response', async () => {
      const clock = new VirtualClock();
      const reply = slowReply(clock, 100, () => json(403, { code: 'REQUEST_FORBIDDEN', message: 'No.' }));
      const { client, server } = testClient([], { cache: {}, clock }, reply);

      const results = await Promise.all([client.GET('/mdm/v1/parts'), client.GET('/mdm/v1/parts')]);

      expect(server.requests).toHaveLength(1);
      expect(results.map((result) => result.error?.kind)).toEqual(['forbidden', 'forbidden']);
      expect(await results[1]?.response?.json()).toEqual({ code: 'REQUEST_FORBIDDEN', message: 'No.' });
    });

    it('does not share a request that has its own abort signal', async () => {
      const clock = new VirtualClock();
      const { client, server } = testClient([], { cache: {}, clock }, slowReply(clock, 100, () => json(200, PARTS)));

      await Promise.all([client.GET('/mdm/v1/parts', { signal: new AbortController().signal }), client.GET('/mdm/v1/parts')]);

      expect(server.requests).toHaveLength(2);
    });
  });
});
