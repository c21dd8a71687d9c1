import { describe, expect, it } from 'vitest';
import { PlexApiError } from '../../client/index.js';
import { TEST_KEY, testClient } from './support/client.js';
import { chunked, connectionReset, json, text } from './support/scripted-fetch.js';

const LIST = '/inventory/v1/inventory-tracking/containers';

/** Collects the items of a stream, or the error it threw together with the items before it. */
async function collect<T>(items: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const received: T[] = [];
  try {
    for await (const item of items) {
      received.push(item);
    }
  } catch (error) {
    return { items: received, error };
  }
  return { items: received, error: undefined };
}

/** Response whose body is `bytes` cut into slices of `size` bytes, so tokens and characters break across chunks. */
function sliced(bytes: Uint8Array, size: number): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
  return new Response(body, { status: 200 });
}

/** Response with `chunks` chunks of `perChunk` containers each, generated as they are read. */
function generatedList(chunks: number, perChunk: number, onCancel: () => void = () => undefined): { response: Response; pulls: () => number } {
  const encoder = new TextEncoder();
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) {
        controller.enqueue(encoder.encode(']'));
        controller.close();
        return;
      }
      const items = Array.from({ length: perChunk }, (_, index) => JSON.stringify({ serialNo: `S${pulled * perChunk + index}`, quantity: 1 }));
      controller.enqueue(encoder.encode(`${pulled === 0 ? '[' : ','}${items.join(',')}`));
      pulled += 1;
    },
    cancel: onCancel,
  });
  return { response: new Response(body, { status: 200 }), pulls: () => pulled };
}

describe('Method: stream', () => {
  it('yields the items of a list', async () => {
    const { client, server } = testClient([chunked(200, ['[{"serialNo":"S1"},', '{"serialNo":"S2"}', ',{"serialNo":"S3"}]'])], {
      customerId: 79870,
    });

    const { items, error } = await collect(client.stream(LIST));

    expect(error).toBeUndefined();
    expect(items.map((item) => item.serialNo)).toEqual(['S1', 'S2', 'S3']);
    expect(server.requests[0]?.headers.get('X-Plex-Connect-Api-Key')).toBe(TEST_KEY);
    expect(server.requests[0]?.headers.get('X-Plex-Connect-Customer-Id')).toBe('79870');
  });

  it('reads tokens and characters split across chunks', async () => {
    const list = [{ serialNo: 'Ø-ünïcødé-€-𝄞', note: 'Tools & Inserts', quantity: 12.5 }, { serialNo: 'S2', quantity: -3e2 }];
    const bytes = new TextEncoder().encode(JSON.stringify(list));
    const { client } = testClient([sliced(bytes, 3)]);

    const { items, error } = await collect(client.stream(LIST));

    expect(error).toBeUndefined();
    expect(items).toEqual(list);
  });

  it('yields an empty list', async () => {
    const { client } = testClient([chunked(200, ['  [ ]  '])]);

    const { items, error } = await collect(client.stream(LIST));

    expect(error).toBeUndefined();
    expect(items).toEqual([]);
  });

  it('reads a large list incrementally', async () => {
    const { response, pulls } = generatedList(400, 250);
    const { client } = testClient([() => response]);
    let pullsAtFirstItem = -1;
    let count = 0;

    for await (const item of client.stream(LIST)) {
      if (count === 0) {
        pullsAtFirstItem = pulls();
        expect(item.serialNo).toBe('S0');
      }
      count += 1;
    }

    expect(count).toBe(100_000);
    expect(pullsAtFirstItem).toBeLessThanOrEqual(3);
  });

  it('cancels the body when the loop breaks early', async () => {
    let cancelled = false;
    const { response, pulls } = generatedList(1_000, 100, () => {
      cancelled = true;
    });
    const { client } = testClient([() => response]);

    for await (const item of client.stream(LIST)) {
      if (item.serialNo === 'S150') {
        break;
      }
    }

    expect(cancelled).toBe(true);
    expect(pulls()).toBeLessThan(10);
  });

  it('throws an HTTP failure from the loop', async () => {
    const { client } = testClient([json(401, { code: 'REQUEST_NOT_AUTHENTICATED', message: 'No.' })]);

    const { items, error } = await collect(client.stream(LIST));

    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PlexApiError);
    expect((error as PlexApiError).kind).toBe('not-authenticated');
  });

  it('retries a 503 before the body', async () => {
    const { client, server } = testClient([json(503, { code: 'X', message: 'Busy.' }), chunked(200, ['[{"serialNo":"S1"}]'])]);

    const { items, error } = await collect(client.stream(LIST));

    expect(error).toBeUndefined();
    expect(items).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a body that breaks before the first item', async () => {
    const { client, server, clock } = testClient([chunked(200, ['[{"serial'], connectionReset()), chunked(200, ['[{"serialNo":"S1"}]'])]);

    const { items, error } = await collect(client.stream(LIST));

    expect(error).toBeUndefined();
    expect(items.map((item) => item.serialNo)).toEqual(['S1']);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]);
  });

  it('throws a connection reset after the first item without retrying', async () => {
    const { client, server } = testClient(
      [chunked(200, ['[{"serialNo":"S1"},', '{"serialNo":"S2"},'], connectionReset()), chunked(200, ['[]'])],
    );

    const { items, error } = await collect(client.stream(LIST));

    expect(items.map((item) => item.serialNo)).toEqual(['S1', 'S2']);
    expect(error).toBeInstanceOf(PlexApiError);
    expect((error as PlexApiError).kind).toBe('network');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['a body without its closing ]', ['[{"serialNo":"S1"},', '{"serialNo":"S2"}'], 'closing ]'],
    ['a body cut inside an item', ['[{"serialNo":"S1"},{"serialNo":"S'], 'closing ]'],
    ['an object instead of an array', ['{"serialNo":"S1"}'], 'not a JSON array'],
    ['an HTML page', ['<html>maintenance</html>'], 'not a JSON array'],
    ['an empty body', [], 'empty'],
    ['text after the closing ]', ['[{"serialNo":"S1"}] trailing'], 'not valid JSON'],
    ['invalid JSON inside the array', ['[{"serialNo":S1}]'], 'not valid JSON'],
  ])('throws invalid-response for %s', async (_name, chunks, messagePart) => {
    const { client } = testClient([chunked(200, chunks)], { retry: false });

    const { error } = await collect(client.stream(LIST));

    expect(error).toBeInstanceOf(PlexApiError);
    expect((error as PlexApiError).kind).toBe('invalid-response');
    expect((error as PlexApiError).status).toBe(200);
    expect((error as PlexApiError).message).toContain(messagePart);
  });

  it('throws invalid-response for a 200 HTML page with a content type', async () => {
    const { client } = testClient([text(200, '<!DOCTYPE html><html></html>', 'text/html')]);

    const { error } = await collect(client.stream(LIST));

    expect((error as PlexApiError).kind).toBe('invalid-response');
  });

  it('times out a body that stops sending', async () => {
    const encoder = new TextEncoder();
    let sent = false;
    const stalled = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(encoder.encode('[{"serialNo":"S1"},'));
        }
        // Sends nothing more and never closes.
      },
    });
    const { client, clock } = testClient([new Response(stalled, { status: 200 })], { timeoutMs: 3_000 });

    const { items, error } = await collect(client.stream(LIST));

    expect(items).toHaveLength(1);
    expect((error as PlexApiError).kind).toBe('timeout');
    expect(clock.sleeps).toContain(3_000);
  });
});
