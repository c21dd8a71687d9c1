import { describe, expect, it } from 'vitest';
import { PlexConfigError, PlexDateTime, PlexDateTimeError } from '../../client/index.js';
import { testClient } from './support/client.js';
import { json } from './support/scripted-fetch.js';

describe('Function: createPlexClient', () => {
  describe('query serialization', () => {
    it('repeats the key for each array item', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/parts', { params: { query: { id: ['a', 'b', 'c'] } } });

      expect(server.requests[0]?.query).toBe('id=a&id=b&id=c');
    });

    it('percent-encodes values with %20, never +', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/inventory/v1/inventory-definitions/supply-items', { params: { query: { category: 'Tools & Inserts' } } });

      expect(server.requests[0]?.query).toBe('category=Tools%20%26%20Inserts');
    });

    it('encodes reserved characters in array items', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/parts', { params: { query: { allergens: ['Soy+Milk', 'Nuts/Seeds', 'a=b?c#d'] } } });

      expect(server.requests[0]?.query).toBe('allergens=Soy%2BMilk&allergens=Nuts%2FSeeds&allergens=a%3Db%3Fc%23d');
      expect(server.requests[0]?.url.searchParams.getAll('allergens')).toEqual(['Soy+Milk', 'Nuts/Seeds', 'a=b?c#d']);
    });

    it('omits undefined and null values', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/parts', {
        params: { query: { status: undefined, number: null as never, id: ['a', null as never, undefined as never, 'b'] } },
      });

      expect(server.requests[0]?.query).toBe('id=a&id=b');
    });

    it('sends booleans as true and false', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/buildings', { params: { query: { active: false } } });

      expect(server.requests[0]?.query).toBe('active=false');
    });

    it('rejects an object value before sending', async () => {
      const { client, server } = testClient([json(200, [])]);

      const error = await client.GET('/mdm/v1/parts', { params: { query: { status: { code: 'A' } as never } } }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexConfigError);
      expect((error as PlexConfigError).option).toBe('params.query.status');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('date-time query parameters', () => {
    it('converts a Date to the canonical Plex string', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: new Date(Date.UTC(2024, 2, 1, 8, 15, 30, 123)) } } });

      expect(server.requests[0]?.query).toBe('modifiedDateBegin=2024-03-01T08:15:30.1230000Z');
    });

    it('converts a PlexDateTime with all seven digits', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/scheduling/v1/jobs', {
        params: { query: { beginEarliestStartDateTime: PlexDateTime.parse('2024-03-01T08:15:30.1234567Z') } },
      });

      expect(server.requests[0]?.query).toBe('beginEarliestStartDateTime=2024-03-01T08:15:30.1234567Z');
    });

    it.each(['2024-03-01T08:15:30.1234567Z', '2024-03-01T08:15Z', '2024-03-01T08:15:30.5Z', '2024-03-01T08:15:30.5530000Z'])(
      'sends the Plex string %s byte for byte',
      async (value) => {
        const { client, server } = testClient([json(200, [])]);

        await client.GET('/mdm/v1/customers', { params: { query: { modifiedDateBegin: value, name: value } } });

        expect(server.requests[0]?.query).toBe(`modifiedDateBegin=${value}&name=${value}`);
      },
    );

    it('sends a date-time read from a response back unchanged', async () => {
      // Prepare: a supplier whose modifiedDate has 100 ns precision, which a Date would cut.
      const modifiedDate = '2024-03-01T08:15:30.1234567Z';
      const { client, server } = testClient([json(200, [{ id: 's1', modifiedDate }]), json(200, [])]);

      // Act
      const first = await client.getOrThrow('/mdm/v1/suppliers');
      const lastSeen = first[0]?.modifiedDate ?? '';
      await client.GET('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: lastSeen } } });

      // Assess
      expect(server.requests[1]?.url.searchParams.get('modifiedDateBegin')).toBe(modifiedDate);
      expect(server.requests[1]?.query).toBe(`modifiedDateBegin=${modifiedDate}`);
    });

    it('converts a string with a UTC offset exactly', async () => {
      const { client, server } = testClient([json(200, [])]);

      await client.GET('/mdm/v1/suppliers', { params: { query: { createdDateEnd: '2024-03-01T10:15:30.1234567+02:00' } } });

      expect(server.requests[0]?.query).toBe('createdDateEnd=2024-03-01T08:15:30.1234567Z');
    });

    it.each([
      ['without a zone', '2024-03-01T08:15:30'],
      ['with a space for T', '2024-03-01 08:15:30Z'],
      ['date only', '2024-03-01'],
    ])('rejects a date-time %s before sending', async (_name, value) => {
      const { client, server } = testClient([json(200, [])]);

      const error = await client.GET('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: value } } }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexDateTimeError);
      expect(server.requests).toHaveLength(0);
    });

    it('rejects an invalid Date before sending', async () => {
      const { client, server } = testClient([json(200, [])]);

      const error = await client.GET('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: new Date(Number.NaN) } } }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexDateTimeError);
      expect(server.requests).toHaveLength(0);
    });
  });
});
