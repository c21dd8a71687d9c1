import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fingerprint, type PlexApiError } from '../../client/index.js';
import { TEST_KEY, testClient, type LogLine } from './support/client.js';
import { chunked, json, text, type Reply } from './support/scripted-fetch.js';

/** Consumer secret with characters that change under every encoding. */
const SECRET = 'sk_9fB2kQ7x%L0pV4mN8#Zc+/"';

/** Returns every form in which a secret could leak: plain, percent-encoded, form-encoded and JSON-escaped. */
function leakedForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)];
}

/** Returns each text in which a secret form appears, labelled with where it was found. */
function findLeaks(texts: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const [where, value] of Object.entries(texts)) {
    for (const form of [...leakedForms(TEST_KEY), ...leakedForms(SECRET)]) {
      if (value.includes(form)) {
        leaks.push(`${where} contains ${JSON.stringify(form)}`);
      }
    }
  }
  return leaks;
}

/** Returns every text of an error and the log that a caller could see. */
function visibleTexts(error: PlexApiError | undefined, lines: readonly LogLine[]): Record<string, string> {
  const texts: Record<string, string> = {
    message: error?.message ?? '',
    stack: error?.stack ?? '',
    json: JSON.stringify(error),
    string: String(error),
    inspected: inspect(error, { depth: 10 }),
    url: error?.url ?? '',
  };
  lines.forEach((line, index) => {
    texts[`log line ${index}`] = JSON.stringify(line);
  });
  return texts;
}

/** Throws an error whose message, cause and stack all contain the key and the secret. */
const leakyFetchFailure: Reply = () => {
  const cause = new Error(`socket closed while sending X-Plex-Connect-Api-Key: ${TEST_KEY}`);
  throw new TypeError(`fetch failed for secret ${encodeURIComponent(SECRET)}`, { cause });
};

/** A gateway page that echoes the request headers back. */
const echoingGateway = text(502, `<html><pre>X-Plex-Connect-Api-Key: ${TEST_KEY}\nX-Plex-Connect-Api-Secret: ${SECRET}</pre></html>`, 'text/html');

describe('Secret redaction', () => {
  const scenarios: [string, Reply[]][] = [
    ['a 401', [json(401, { code: 'REQUEST_NOT_AUTHENTICATED', message: 'The request could not be authenticated.' })]],
    ['an error body that echoes the key', [json(400, { code: 'ARGUMENT_INVALID', message: `Bad key ${TEST_KEY} and ${SECRET}` })]],
    ['a gateway page that echoes the headers', [echoingGateway, echoingGateway, echoingGateway]],
    ['a network failure that names the key', [leakyFetchFailure, leakyFetchFailure, leakyFetchFailure]],
  ];

  it.each(scenarios)('keeps the key and secret out of %s', async (_name, replies) => {
    const { client, lines } = testClient(replies, { apiSecret: SECRET });

    const { error } = await client.GET('/mdm/v1/parts', { params: { query: { status: 'Active' } } });

    expect(error).toBeDefined();
    expect(findLeaks(visibleTexts(error, lines))).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('keeps a key passed by mistake as a query value out of the URL it reports', async () => {
    const { client, lines } = testClient([json(401, { code: 'REQUEST_NOT_AUTHENTICATED', message: 'No.' })], { apiSecret: SECRET });

    const { error } = await client.GET('/mdm/v1/parts', { params: { query: { number: TEST_KEY, status: SECRET } } });

    expect(error?.url).toContain(fingerprint(TEST_KEY));
    expect(findLeaks(visibleTexts(error, lines))).toEqual([]);
  });

  it('keeps the key out of a stream failure', async () => {
    const { client, lines } = testClient([chunked(200, [`[{"serialNo":"${TEST_KEY}"}`])], { apiSecret: SECRET, retry: false });

    let caught: PlexApiError | undefined;
    try {
      for await (const _container of client.stream('/inventory/v1/inventory-tracking/containers')) {
        // Reads to the end.
      }
    } catch (error) {
      caught = error as PlexApiError;
    }

    expect(caught?.kind).toBe('invalid-response');
    expect(findLeaks(visibleTexts(caught, lines))).toEqual([]);
  });

  it('logs the key fingerprint instead of the key', async () => {
    const { client, lines } = testClient([json(503, { code: 'X', message: 'Busy.' }), json(200, [])]);

    await client.GET('/mdm/v1/parts');

    const warning = lines.find((line) => line.level === 'warn');
    expect(warning?.fields?.['api_key']).toBe(fingerprint(TEST_KEY));
  });
});

describe('Function: fingerprint', () => {
  it('returns sha256 and 8 hex digits', () => {
    expect(fingerprint(TEST_KEY)).toMatch(/^sha256:[0-9a-f]{8}$/);
  });

  it('is stable and tells secrets apart', () => {
    expect(fingerprint(TEST_KEY)).toBe(fingerprint(TEST_KEY));
    expect(fingerprint(TEST_KEY)).not.toBe(fingerprint(SECRET));
  });

  it('matches the SHA-256 digest of the text', () => {
    // SHA-256 of "abc" is ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.
    expect(fingerprint('abc')).toBe('sha256:ba7816bf');
  });
});
