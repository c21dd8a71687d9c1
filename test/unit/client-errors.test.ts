import { describe, expect, it } from 'vitest';
import { PlexApiError, PlexConfigError, PlexError, type PlexApiErrorKind } from '../../client/index.js';
import { testClient } from './support/client.js';
import { connectionReset, json, text } from './support/scripted-fetch.js';

const UNAUTHENTICATED = { code: 'REQUEST_NOT_AUTHENTICATED', message: 'The request could not be authenticated.' };

/** Sends GET /mdm/v1/parts once against `reply` and returns the error. */
async function failureOf(reply: Response | Error): Promise<PlexApiError> {
  const { client } = testClient([reply], { retry: false });
  const result = await client.GET('/mdm/v1/parts');
  if (result.error === undefined) {
    throw new Error('expected an error');
  }
  return result.error;
}

describe('Class: PlexApiError', () => {
  describe('kinds', () => {
    const cases: [string, Response | Error, PlexApiErrorKind, number | undefined][] = [
      ['400 validation', json(400, { code: 'REQUEST_VALIDATION_FAILED', message: 'The request failed validation.' }), 'validation', 400],
      ['401', json(401, UNAUTHENTICATED), 'not-authenticated', 401],
      ['403', json(403, { code: 'REQUEST_FORBIDDEN', message: 'The request is not allowed.' }), 'forbidden', 403],
      ['404', json(404, { code: 'RESOURCE_NOT_FOUND', message: 'Not found.' }), 'not-found', 404],
      ['409 without a class', json(409, { code: 'CONFLICT', message: 'Conflict.' }), 'validation', 409],
      ['429', json(429, { code: 'REQUEST_RATE_LIMITED', message: 'Too many requests.' }, { 'retry-after': '7' }), 'rate-limited', 429],
      ['500 with a JSON body', json(500, { code: 'REQUEST_PROCESSING_ERROR', message: 'Failed.' }), 'server', 500],
      ['502 HTML page', text(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'), 'invalid-response', 502],
      ['503 empty body', new Response(null, { status: 503 }), 'invalid-response', 503],
      ['connection reset', connectionReset(), 'network', undefined],
      ['200 HTML page', text(200, '<html>maintenance</html>', 'text/html'), 'invalid-response', 200],
      ['200 empty body', new Response('', { status: 200 }), 'invalid-response', 200],
    ];

    it.each(cases)('classifies %s', async (_name, reply, kind, status) => {
      const error = await failureOf(reply);

      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
    });
  });

  describe('message', () => {
    it('names each invalid parameter once', async () => {
      const errors = [
        { code: 'ARGUMENT_INVALID', message: 'id: "abc" is not a valid UUID.' },
        { code: 'ARGUMENT_INVALID', message: 'modifiedDateBegin: "2024-03-01" is not a valid date-time.' },
      ];

      const error = await failureOf(json(400, { code: 'REQUEST_VALIDATION_FAILED', message: 'The request failed validation.', errors }));

      expect(error.message).toContain('REQUEST_VALIDATION_FAILED: The request failed validation (id: "abc" is not a valid UUID; modifiedDateBegin');
      expect(error.message).not.toContain('..');
    });

    it('counts details beyond the third', async () => {
      const errors = Array.from({ length: 5 }, (_, index) => ({ code: 'ARGUMENT_INVALID', message: `p${index} is invalid.` }));

      const error = await failureOf(json(400, { code: 'REQUEST_VALIDATION_FAILED', message: 'Invalid.', errors }));

      expect(error.message).toContain('(p0 is invalid; p1 is invalid; p2 is invalid and 2 more)');
    });
  });

  describe('fields', () => {
    it('carries code, message, errors and the call', async () => {
      const body = {
        code: 'REQUEST_VALIDATION_FAILED',
        message: 'The request failed validation.',
        errors: [{ code: 'ARGUMENT_INVALID', message: 'modifiedDateBegin is not a valid date-time.' }],
      };

      const error = await failureOf(json(400, body));

      expect(error).toBeInstanceOf(PlexError);
      expect(error.name).toBe('PlexApiError');
      expect(error.code).toBe('REQUEST_VALIDATION_FAILED');
      expect(error.serverMessage).toBe('The request failed validation.');
      expect(error.errors).toEqual(body.errors);
      expect(error.operation).toBe('listParts');
      expect(error.method).toBe('GET');
      expect(error.url).toBe('https://test.connect.plex.com/mdm/v1/parts');
      expect(error.attempts).toBe(1);
      expect(error.message).toContain('GET /mdm/v1/parts (listParts) failed: 400 REQUEST_VALIDATION_FAILED');
    });

    it('explains the four causes of a 401', async () => {
      const { client } = testClient([json(401, UNAUTHENTICATED)], { customerId: 79870 });

      const { error } = await client.GET('/mdm/v1/employees');

      expect(error?.kind).toBe('not-authenticated');
      expect(error?.message).toContain('invalid or expired');
      expect(error?.message).toContain('PCN 79870');
      expect(error?.message).toContain('not subscribed to the API product');
      expect(error?.message).toContain('sent in the URL');
      expect(error?.message).toContain('GET /mdm/v1/tenants');
    });

    it('reads Retry-After seconds into retryAfterMs', async () => {
      const error = await failureOf(json(429, { code: 'REQUEST_RATE_LIMITED', message: 'Slow down.' }, { 'retry-after': '7' }));

      expect(error.retryAfterMs).toBe(7_000);
    });

    it('quotes the start of a non-JSON body', async () => {
      const error = await failureOf(text(502, '<html>\n  <h1>502 Bad Gateway</h1>\n</html>', 'text/html'));

      expect(error.message).toContain('text/html');
      expect(error.message).toContain('<html> <h1>502 Bad Gateway</h1> </html>');
      expect(error.code).toBeUndefined();
    });

    it('keeps the cause of a network failure', async () => {
      const error = await failureOf(connectionReset());

      expect(error.cause).toBeInstanceOf(TypeError);
      expect(error.message).toContain('ECONNRESET');
    });

    it('names the path template of an operation it does not know', async () => {
      const { client } = testClient([json(404, { code: 'RESOURCE_NOT_FOUND', message: 'No route.' })]);

      const { error } = await client.request('get', '/mdm/v2/parts' as never);

      expect(error?.operation).toBe('/mdm/v2/parts');
    });

    it('writes JSON without headers', async () => {
      const error = await failureOf(json(404, { code: 'RESOURCE_NOT_FOUND', message: 'Not found.' }));

      const written = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;

      expect(written).toMatchObject({ name: 'PlexApiError', kind: 'not-found', status: 404, code: 'RESOURCE_NOT_FOUND', attempts: 1 });
      expect(Object.keys(written)).not.toContain('headers');
      expect(JSON.stringify(error)).not.toMatch(/x-plex-connect/i);
    });
  });

  describe('malformed error bodies', () => {
    it.each([
      ['an empty object', '{}'],
      ['a JSON array', '[1,2]'],
      ['a JSON string', '"oops"'],
      ['plain text', 'Bad Request'],
      ['truncated JSON', '{"code":"REQUEST_MAL'],
      ['an empty body', ''],
      ['numbers for code and message', '{"code":400,"message":false}'],
    ])('reads %s without throwing', async (_name, body) => {
      const error = await failureOf(text(400, body, 'application/json'));

      expect(error.kind).toBe('validation');
      expect(error.code).toBeUndefined();
      expect(error.errors).toEqual([]);
    });

    it('ignores extra members and invalid entries of errors', async () => {
      const body = {
        code: 'REQUEST_VALIDATION_FAILED',
        message: 'Two problems.',
        traceId: 'abc',
        errors: [{ code: 'ARGUMENT_INVALID', message: 'id is not a UUID.', field: 'id' }, 'bad entry', { code: 1 }, null],
      };

      const error = await failureOf(json(400, body));

      expect(error.errors).toEqual([{ code: 'ARGUMENT_INVALID', message: 'id is not a UUID.' }]);
    });

    it('ignores an errors member that is not an array', async () => {
      const error = await failureOf(json(404, { code: 'RESOURCE_NOT_FOUND', message: 'Gone.', errors: 'none' }));

      expect(error.errors).toEqual([]);
      expect(error.code).toBe('RESOURCE_NOT_FOUND');
    });
  });

  describe('value and exception APIs', () => {
    it('returns the failed response with a readable body', async () => {
      const { client } = testClient([json(404, { code: 'RESOURCE_NOT_FOUND', message: 'Not found.' })]);

      const result = await client.GET('/mdm/v1/parts/{id}', { params: { path: { id: 'cb17e916-50a6-4374-822c-e3801afa99c0' } } });

      expect(result.response?.status).toBe(404);
      expect(await result.response?.json()).toEqual({ code: 'RESOURCE_NOT_FOUND', message: 'Not found.' });
    });

    it('returns a network failure as a value with no response', async () => {
      const { client } = testClient([connectionReset()], { retry: false });

      const result = await client.GET('/mdm/v1/parts');

      expect(result.error?.kind).toBe('network');
      expect(result.response).toBeUndefined();
    });

    it('returns a timeout as a value', async () => {
      const hang = (): Promise<Response> => new Promise<Response>(() => undefined);
      const { client, clock } = testClient([hang], { retry: false, timeoutMs: 5_000 });

      const result = await client.GET('/mdm/v1/parts');

      expect(result.error?.kind).toBe('timeout');
      expect(result.error?.message).toContain('timed out after 5000 ms');
      expect(clock.sleeps).toEqual([5_000]);
    });

    it('getOrThrow returns the data', async () => {
      const { client } = testClient([json(200, [{ id: 'p1' }])]);

      await expect(client.getOrThrow('/mdm/v1/parts')).resolves.toEqual([{ id: 'p1' }]);
    });

    it('getOrThrow throws the PlexApiError', async () => {
      const { client } = testClient([json(403, { code: 'REQUEST_FORBIDDEN', message: 'No.' })]);

      const error = await client.getOrThrow('/mdm/v1/parts').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexApiError);
      expect((error as PlexApiError).kind).toBe('forbidden');
    });

    it('rejects with the reason when the caller aborts', async () => {
      const controller = new AbortController();
      const abortFirst = (): Promise<Response> => {
        controller.abort(new Error('stopped by the caller'));
        return new Promise<Response>(() => undefined);
      };
      const { client } = testClient([abortFirst]);

      await expect(client.GET('/mdm/v1/parts', { signal: controller.signal })).rejects.toThrow('stopped by the caller');
    });
  });

  describe('write guard', () => {
    it('rejects a POST on a read-only client before sending', async () => {
      const { client, server } = testClient([json(201, {})]);

      const error = await client.request('post' as never, '/mdm/v1/parts' as never, { body: {} } as never).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(PlexConfigError);
      expect((error as PlexConfigError).option).toBe('allowWrites');
      expect((error as Error).message).toContain('allowWrites: true');
      expect(server.requests).toHaveLength(0);
    });

    it.each(['put', 'patch', 'delete'])('rejects %s on a read-only client', async (method) => {
      const { client, server } = testClient([]);

      await expect(client.request(method as never, '/mdm/v1/parts/{id}' as never)).rejects.toThrow(PlexConfigError);
      expect(server.requests).toHaveLength(0);
    });

    it('sends a POST once with allowWrites, without retrying a 503', async () => {
      const { client, server } = testClient([json(503, { code: 'UNAVAILABLE', message: 'Busy.' }), json(201, {})], { allowWrites: true });

      const { error } = await client.request('post' as never, '/mdm/v1/parts' as never, { body: { number: 'LP-1' } } as never);

      expect(error?.status).toBe(503);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.method).toBe('POST');
    });
  });
});
