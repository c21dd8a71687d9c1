import { describe, expect, it } from 'vitest';
import { TEST_KEY, testClient } from './support/client.js';
import { connectionReset, json, text, type Reply } from './support/scripted-fetch.js';

const OK = json(200, [{ id: 'p1' }]);
const UNAVAILABLE = json(503, { code: 'SERVICE_UNAVAILABLE', message: 'Busy.' });
const hang: Reply = () => new Promise<Response>(() => undefined);

/** Creates a 429 reply with the given Retry-After header. */
function rateLimited(retryAfter: string): Response {
  return json(429, { code: 'REQUEST_RATE_LIMITED', message: 'Too many requests.' }, { 'retry-after': retryAfter });
}

describe('Function: createPlexClient', () => {
  describe('retry rules', () => {
    const retried: [string, Reply][] = [
      ['429', json(429, { code: 'REQUEST_RATE_LIMITED', message: 'Slow down.' })],
      ['500', json(500, { code: 'REQUEST_PROCESSING_ERROR', message: 'Failed.' })],
      ['502 HTML page', text(502, '<html>Bad Gateway</html>', 'text/html')],
      ['503', UNAVAILABLE],
      ['504', text(504, 'Gateway Timeout')],
      ['a connection reset', connectionReset()],
      ['a timeout', hang],
    ];

    it.each(retried)('retries a GET after %s', async (_name, failure) => {
      const { client, server } = testClient([failure, OK], { timeoutMs: 1_000 });

      const { data } = await client.GET('/mdm/v1/parts');

      expect(data).toEqual([{ id: 'p1' }]);
      expect(server.requests).toHaveLength(2);
    });

    it.each([400, 401, 403, 404])('never retries %i', async (status) => {
      const { client, server } = testClient([json(status, { code: 'X', message: 'No.' }), OK]);

      const { error } = await client.GET('/mdm/v1/parts');

      expect(error?.status).toBe(status);
      expect(server.requests).toHaveLength(1);
    });

    it('stops after the retry limit and returns the last error', async () => {
      const { client, server, clock } = testClient([], { retry: { limit: 2 } }, UNAVAILABLE);

      const { error } = await client.GET('/mdm/v1/parts');

      expect(error?.status).toBe(503);
      expect(error?.attempts).toBe(3);
      expect(server.requests).toHaveLength(3);
      expect(clock.sleeps).toEqual([250, 500]);
    });

    it('sends once with retry false', async () => {
      const { client, server } = testClient([UNAVAILABLE, OK], { retry: false });

      const { error } = await client.GET('/mdm/v1/parts');

      expect(error?.status).toBe(503);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('backoff', () => {
    it('doubles the ceiling up to maxDelayMs', async () => {
      const { client, clock } = testClient([], { retry: { limit: 4, baseDelayMs: 500, maxDelayMs: 800 } }, UNAVAILABLE);

      await client.GET('/mdm/v1/parts');

      // random() is 0.5, so each wait is half of min(800, 500 × 2^(n−1)).
      expect(clock.sleeps).toEqual([250, 400, 400, 400]);
    });

    it('draws each wait from 0 to the ceiling', async () => {
      const draws = [0, 0.999];
      const { client, clock } = testClient([], { retry: { limit: 2, baseDelayMs: 1_000 }, random: () => draws.shift() ?? 0 }, UNAVAILABLE);

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([0, 1_998]);
    });
  });

  describe('Retry-After', () => {
    it('waits the seconds it gives, without jitter', async () => {
      const { client, clock } = testClient([rateLimited('3'), OK]);

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([3_000]);
    });

    it('waits until the HTTP date it gives', async () => {
      const { client, clock } = testClient([(): Response => rateLimited(new Date(clock.now() + 4_000).toUTCString()), OK]);

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([4_000]);
    });

    it('is honoured on a 503 too', async () => {
      const { client, clock } = testClient([json(503, { code: 'X', message: 'Busy.' }, { 'retry-after': '2' }), OK]);

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([2_000]);
    });

    it.each(['soon', '-5', '1.5', 'Tuesday'])('falls back to backoff for malformed %s', async (header) => {
      const { client, clock } = testClient([rateLimited(header), OK]);

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([250]);
    });

    it('is cut to maxRetryAfterMs', async () => {
      const { client, clock } = testClient([rateLimited('120'), OK], { retry: { maxRetryAfterMs: 10_000 } });

      await client.GET('/mdm/v1/parts');

      expect(clock.sleeps).toEqual([10_000]);
    });
  });

  describe('deadline', () => {
    it('returns the last error instead of waiting past the deadline', async () => {
      const { client, server, clock } = testClient([rateLimited('2'), OK]);

      const { error } = await client.GET('/mdm/v1/parts', { deadline: clock.now() + 1_000 });

      expect(error?.kind).toBe('rate-limited');
      expect(error?.attempts).toBe(1);
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    });

    it('retries when the wait ends before the deadline', async () => {
      const { client, clock } = testClient([UNAVAILABLE, OK]);

      const { data } = await client.GET('/mdm/v1/parts', { deadline: clock.now() + 10_000 });

      expect(data).toEqual([{ id: 'p1' }]);
      expect(clock.sleeps).toEqual([250]);
    });

    it('reads remainingTimeMs before each wait', async () => {
      const { client, server } = testClient([UNAVAILABLE, OK]);

      const { error } = await client.GET('/mdm/v1/parts', { remainingTimeMs: () => 200 });

      expect(error?.status).toBe(503);
      expect(server.requests).toHaveLength(1);
    });

    it('cuts the attempt timeout to the time left', async () => {
      const { client, clock } = testClient([hang, OK], { timeoutMs: 30_000 });

      const { error } = await client.GET('/mdm/v1/parts', { deadline: clock.now() + 2_000 });

      expect(error?.kind).toBe('timeout');
      expect(error?.message).toContain('timed out after 2000 ms');
      expect(clock.sleeps).toEqual([2_000]);
    });

    it('sends nothing when the deadline has passed', async () => {
      const { client, server, clock } = testClient([OK]);

      const { error } = await client.GET('/mdm/v1/parts', { deadline: clock.now() - 1 });

      expect(error?.kind).toBe('timeout');
      expect(error?.attempts).toBe(0);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('retry log', () => {
    it('writes one warning per retry without the key', async () => {
      const { client, lines } = testClient([UNAVAILABLE, rateLimited('1'), OK]);

      await client.GET('/mdm/v1/parts');

      const warnings = lines.filter((line) => line.level === 'warn');
      expect(warnings.map((line) => line.fields)).toEqual([
        expect.objectContaining({ attempt: 1, status: 503, delay_ms: 250, operation: 'listParts' }),
        expect.objectContaining({ attempt: 2, status: 429, delay_ms: 1_000, retry_after_ms: 1_000 }),
      ]);
      expect(JSON.stringify(warnings)).not.toContain(TEST_KEY);
      expect(warnings[0]?.fields?.['api_key']).toMatch(/^sha256:[0-9a-f]{8}$/);
    });
  });
});
